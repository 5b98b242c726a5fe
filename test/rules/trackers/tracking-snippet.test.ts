import { describe } from 'vitest';
import rule from '../../../scanners/rules/trackers/tracking-snippet.ts';
import { observe, testRule } from '../support.ts';

describe('trackers/tracking-snippet', () => {
  testRule(rule, {
    valid: [],
    invalid: [
      {
        name: 'gtag() as Google Analytics',
        observations: [observe.snippet({ name: 'gtag' })],
        errors: [{ messageId: 'snippet', vendor: 'Google Analytics' }],
      },
      {
        name: 'fbq() as the Meta Pixel',
        observations: [observe.snippet({ name: 'fbq' })],
        errors: [{ messageId: 'snippet', vendor: 'Meta Pixel' }],
      },
      {
        name: '_paq as Matomo',
        observations: [observe.snippet({ name: '_paq' })],
        errors: [{ messageId: 'snippet', vendor: 'Matomo' }],
      },
      {
        name: 'an unlisted snippet under its own name',
        observations: [observe.snippet({ name: 'newTracker' })],
        errors: [{ messageId: 'snippet', vendor: 'newTracker' }],
      },
      {
        name: 'a name that Object.prototype also has, under its own name',
        observations: [observe.snippet({ name: 'constructor' })],
        errors: [{ messageId: 'snippet', vendor: 'constructor' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        { name: 'a snippet shown as a code sample', html: "<pre><code>gtag('config', 'G-1')</code></pre>" },
        {
          name: 'an <amp-analytics> without a vendor type, sending where its config says',
          html: '<amp-analytics><script type="application/json">{"requests": {"pv": "/stats?p=${canonicalPath}"}}</script></amp-analytics>',
        },
        {
          name: 'an <amp-analytics> of a vendor whose host is known (trackers/known-tracker names it)',
          html: '<amp-analytics type="googleanalytics"></amp-analytics>',
        },
        {
          name: 'a custom <amp-ad>, whose server data-url names',
          html: '<amp-ad type="custom" data-url="/ads.json" width="300" height="250"></amp-ad>',
        },
      ],
      invalid: [
        {
          name: 'the Google tag snippet',
          html: "<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n</script>",
          errors: [
            { messageId: 'snippet', vendor: 'Google Tag Manager', line: 3, column: 19 },
            { messageId: 'snippet', vendor: 'Google Analytics', line: 4, column: 3 },
          ],
        },
        {
          name: 'an <amp-analytics type> the AMP runtime sends to that vendor',
          html: '<body>\n  <amp-analytics type="Nielsen" id="n"></amp-analytics>',
          errors: [{ messageId: 'tag', vendor: 'nielsen', line: 2, column: 3 }],
        },
        {
          name: 'an <amp-embed> content-recommendation widget',
          html: '<amp-embed type="taboola" width="100" height="100"></amp-embed>',
          errors: [{ messageId: 'tag', vendor: 'taboola' }],
        },
        {
          name: 'the Meta pixel',
          html: "<script>fbq('init', '1'); fbq('track', 'PageView');</script>",
          errors: [
            { messageId: 'snippet', vendor: 'Meta Pixel', column: 9 },
            { messageId: 'snippet', vendor: 'Meta Pixel', column: 27 },
          ],
        },
      ],
    });
  });
});
