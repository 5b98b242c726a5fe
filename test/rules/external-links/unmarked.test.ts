import { describe } from 'vitest';
import rule from '../../../scanners/rules/external-links/unmarked.ts';
import { leavingPageFile, leavingPagePath } from '../../../scanners/syntax/leaving-page.ts';
import { observe, testConfig, testRule } from '../support.ts';

const interstitial = testConfig({ externalLinks: { mode: 'interstitial' } });

describe('external-links/unmarked', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a marked external link',
        observations: [observe.navigation({ url: 'https://other.example.org/', marked: true })],
      },
      { name: 'a same-site link', observations: [observe.navigation({ url: 'https://www.example.ca/about/' })] },
      {
        name: 'a link to a first-party subdomain',
        observations: [observe.navigation({ url: 'https://shop.example.ca/' })],
      },
      {
        name: 'mailto: and tel: links',
        observations: [
          observe.navigation({ url: 'mailto:hi@example.org' }),
          observe.navigation({ url: 'tel:+15555550100' }),
        ],
      },
      {
        name: 'a meta refresh (another rule)',
        observations: [observe.navigation({ via: 'refresh', url: 'https://other.example.org/' })],
      },
      {
        name: 'a link to the leaving page in interstitial mode',
        config: interstitial,
        observations: [
          observe.navigation({
            url: `https://www.example.ca${leavingPagePath('https://other.example.org/', '/leaving/')}`,
          }),
        ],
      },
      {
        name: "the marked continue link of the destination's own leaving page in interstitial mode",
        config: interstitial,
        observations: [
          observe.navigation({
            url: 'https://other.example.org/',
            marked: true,
            file: leavingPageFile('https://other.example.org/', '/leaving/'),
          }),
        ],
      },
    ],
    invalid: [
      {
        name: 'an unmarked external link',
        observations: [observe.navigation({ url: 'https://other.example.org/', line: 7, column: 3 })],
        errors: [{ messageId: 'unmarked', line: 7, column: 3 }],
      },
      {
        name: 'an unmarked image-map area',
        observations: [observe.navigation({ element: 'area', url: 'https://other.example.org/' })],
        errors: [{ messageId: 'unmarked' }],
      },
      {
        name: 'a link to an allowed host, which is still another site',
        observations: [observe.navigation({ url: 'https://fonts.bunny.net/' })],
        errors: [{ messageId: 'unmarked' }],
      },
      {
        name: 'a direct external link in interstitial mode, even marked',
        config: interstitial,
        observations: [observe.navigation({ url: 'https://other.example.org/', marked: true })],
        errors: [{ messageId: 'direct' }],
      },
      {
        name: 'an unmarked continue link on its leaving page in interstitial mode',
        config: interstitial,
        observations: [
          observe.navigation({
            url: 'https://other.example.org/',
            file: leavingPageFile('https://other.example.org/', '/leaving/'),
          }),
        ],
        errors: [{ messageId: 'direct' }],
      },
      {
        name: "a marked link on another destination's leaving page in interstitial mode",
        config: interstitial,
        observations: [
          observe.navigation({
            url: 'https://other.example.org/elsewhere',
            marked: true,
            file: leavingPageFile('https://other.example.org/', '/leaving/'),
          }),
        ],
        errors: [{ messageId: 'direct' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        {
          name: 'an ExternalLink',
          html: '<a href="https://other.example.org/" data-leaving rel="external noopener noreferrer">x</a>',
        },
        {
          name: 'mailto:, tel: and fragment links',
          html: '<a href="mailto:hi@example.ca">m</a><a href="tel:+15555550100">t</a><a href="#top">top</a>',
        },
        {
          name: 'same-site links, relative and absolute',
          html: '<a href="/about/">a</a><a href="https://www.example.ca/contact/">c</a><a href="//example.ca/">root</a>',
        },
        { name: 'a script that navigates within the site', html: '<script>location.href = "/thanks/";</script>' },
        {
          name: 'a link written in an escaped code sample',
          html: '<pre>&lt;a href="https://other.example.org/"&gt;x&lt;/a&gt;</pre>',
        },
        {
          name: "a player facade's play links, which its script turns into the player (an embed, not a way off the site)",
          html: '<lite-youtube videoid="ogfYd705cRs"><a href="https://youtube.com/watch?v=ogfYd705cRs" class="lty-playbtn"><span class="lyt-visually-hidden">Play</span></a></lite-youtube><lite-vimeo videoid="1"><a href="https://vimeo.com/1">Vimeo</a></lite-vimeo>',
        },
        {
          name: 'canonical and alternate links in the head',
          html: '<link rel="canonical" href="https://other.example.org/"><link rel="alternate" href="https://other.example.org/fr/">',
        },
      ],
      invalid: [
        {
          name: 'a plain external link',
          html: '<p>See\n  <a href="https://other.example.org/">this</a></p>',
          errors: [{ messageId: 'unmarked', line: 2, column: 3 }],
        },
        {
          name: 'a link with data-leaving but no noreferrer',
          html: '<a href="https://other.example.org/" data-leaving rel="noopener">x</a>',
          errors: [{ messageId: 'unmarked' }],
        },
        {
          name: 'an uppercase, entity-encoded, scheme-relative link',
          html: '<A HREF="&#47;&#47;other.example.org/">x</A>',
          errors: [{ messageId: 'unmarked' }],
        },
        {
          name: 'script navigations, which cannot carry the notice',
          html: '<script>location.href = "https://other.example.org/a";\nwindow.open("https://other.example.org/b");</script>',
          errors: [
            { messageId: 'script', column: 9 },
            { messageId: 'script', line: 2, column: 1 },
          ],
        },
        {
          name: 'a link to the video written after the facade, which leaves the site',
          html: '<lite-youtube videoid="x"></lite-youtube><a href="https://youtube.com/watch?v=x">YouTube</a>',
          errors: [{ messageId: 'unmarked', column: 42 }],
        },
        {
          name: 'an image-map area',
          html: '<map name="m"><area href="https://other.example.org/" alt="x"></map>',
          errors: [{ messageId: 'unmarked', column: 15 }],
        },
      ],
    });
  });
});
