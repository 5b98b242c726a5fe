import { describe } from 'vitest';
import rule from '../../../scanners/rules/embeds/bunny-unknown-library.ts';
import { observe, testConfig, testRule } from '../support.ts';

describe('embeds/bunny-unknown-library', () => {
  testRule(rule, {
    valid: [
      {
        name: 'an embed of a configured library',
        observations: [observe.embed({ url: 'https://player.mediadelivery.net/embed/123456/0d1e-2f?autoplay=false' })],
      },
      {
        name: 'the /play/ form on the legacy host',
        observations: [observe.embed({ url: 'https://iframe.mediadelivery.net/play/123456/abc' })],
      },
      { name: 'other hosts', observations: [observe.embed({ url: 'https://www.youtube.com/embed/x' })] },
    ],
    invalid: [
      {
        name: 'another library',
        observations: [observe.embed({ url: 'https://player.mediadelivery.net/embed/654321/abc' })],
        errors: [{ messageId: 'unknownLibrary' }],
      },
      {
        name: 'a Bunny embed when the config names no library',
        config: testConfig({ bunny: undefined }),
        observations: [observe.embed({ url: 'https://player.mediadelivery.net/embed/123456/abc' })],
        errors: [{ messageId: 'noBunnyConfig' }],
      },
      {
        name: 'a Bunny URL that is not a player',
        observations: [observe.embed({ url: 'https://player.mediadelivery.net/123456' })],
        errors: [{ messageId: 'notAPlayer' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        {
          name: 'the BunnyVideo embed',
          html: '<iframe src="https://player.mediadelivery.net/embed/123456/abc" loading="lazy" title="t"></iframe>',
        },
      ],
      invalid: [
        {
          name: 'an iframe of another library',
          html: '<iframe src="https://iframe.mediadelivery.net/embed/777/abc"></iframe>',
          errors: [{ messageId: 'unknownLibrary' }],
        },
      ],
    });
  });
});
