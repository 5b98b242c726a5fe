import { describe } from 'vitest';
import rule from '../../../scanners/rules/trackers/known-tracker.ts';
import { observe, testConfig, testRule } from '../support.ts';

describe('trackers/known-tracker', () => {
  testRule(rule, {
    valid: [
      { name: 'first-party scripts', observations: [observe.request({ url: 'https://www.example.ca/app.js' })] },
      { name: 'an unknown third party (third-party/request)', observations: [observe.request({ url: 'https://cdn.unknown-vendor.test/x.js' })] },
      { name: 'a CDN that does not track', observations: [observe.request({ url: 'https://cdn.jsdelivr.net/npm/x.js' })] },
      { name: 'Bunny Fonts', observations: [observe.request({ type: 'style', url: 'https://fonts.bunny.net/css?family=inter' })] },
      {
        name: 'the configured Bunny player',
        observations: [observe.request({ type: 'frame', url: 'https://player.mediadelivery.net/embed/123456/abc' })],
      },
      { name: 'data: URLs', observations: [observe.request({ type: 'image', url: 'data:image/png;base64,AAAA' })] },
    ],
    invalid: [
      {
        name: 'Google Tag Manager, naming the vendor',
        observations: [observe.request({ url: 'https://www.googletagmanager.com/gtag/js?id=G-1' })],
        errors: [{ messageId: 'tracker', vendor: 'Google Tag Manager' }],
      },
      {
        name: 'Google Fonts, which logs visitors\' IPs',
        observations: [observe.request({ type: 'style', url: 'https://fonts.googleapis.com/css2?family=Inter' })],
        errors: [{ messageId: 'tracker', vendor: 'Google Fonts' }],
      },
      {
        name: 'the Meta pixel',
        observations: [observe.request({ type: 'image', url: 'https://www.facebook.com/tr?id=1&ev=PageView' })],
        errors: [{ messageId: 'tracker', vendor: 'Facebook' }],
      },
      {
        name: 'Microsoft Clarity',
        observations: [observe.request({ url: 'https://www.clarity.ms/tag/abc' })],
        errors: [{ messageId: 'tracker', vendor: 'Clarity' }],
      },
      {
        name: 'a YouTube frame (video entities track)',
        observations: [observe.request({ type: 'frame', url: 'https://www.youtube-nocookie.com/embed/x' })],
        errors: [{ messageId: 'tracker', vendor: 'YouTube' }],
      },
      {
        name: 'a tracker URL literal in a script',
        observations: [observe.request({ type: 'literal', source: 'js', url: 'https://www.google-analytics.com/collect' })],
        errors: [{ messageId: 'literal', vendor: 'Google Analytics' }],
      },
      {
        name: 'a tracker even when allowHosts lists it',
        config: testConfig({ allowHosts: ['fonts.googleapis.com'] }),
        observations: [observe.request({ type: 'style', url: 'https://fonts.googleapis.com/css2?family=Inter' })],
        errors: [{ messageId: 'tracker' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        { name: 'a link to a tracker\'s site, which the visitor chooses to follow', html: '<a href="https://www.google.com/">Google</a>' },
        { name: 'a tracker URL in an escaped code sample', html: '<pre>&lt;script src="https://www.googletagmanager.com/gtag/js"&gt;</pre>' },
        { name: 'a tracker URL in a comment', html: '<!-- <script src="https://www.googletagmanager.com/gtag/js"></script> -->' },
      ],
      invalid: [
        { name: 'the gtag.js script', html: '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>', errors: [{ messageId: 'tracker', vendor: 'Google Tag Manager' }] },
        { name: 'the Google Fonts stylesheet', html: '<link href="https://fonts.googleapis.com/css2?family=Inter" rel="stylesheet">', errors: [{ messageId: 'tracker', vendor: 'Google Fonts' }] },
        { name: 'the Meta pixel fallback in <noscript>', html: '<noscript><img height="1" width="1" src="https://www.facebook.com/tr?id=1&amp;ev=PageView"></noscript>', errors: [{ messageId: 'tracker', vendor: 'Facebook', column: 11 }] },
        { name: 'a beacon to Google Analytics', html: '<script>navigator.sendBeacon("https://www.google-analytics.com/g/collect")</script>', errors: [{ messageId: 'tracker', vendor: 'Google Analytics', column: 9 }] },
        { name: 'a YouTube frame', html: '<iframe src="https://www.youtube.com/embed/x"></iframe>', errors: [{ messageId: 'tracker', vendor: 'YouTube' }] },
      ],
    });
  });
});
