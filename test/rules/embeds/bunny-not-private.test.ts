import { describe } from 'vitest';
import rule from '../../../scanners/rules/embeds/bunny-not-private.ts';
import { observe, testRule } from '../support.ts';

const privateAttributes = { loading: 'lazy', title: 'Our studio tour' };
const player = 'https://player.mediadelivery.net/embed/123456/abc';

describe('embeds/bunny-not-private', () => {
  testRule(rule, {
    valid: [
      {
        name: 'the BunnyVideo embed',
        observations: [observe.embed({ url: `${player}?autoplay=false&preload=false`, attributes: privateAttributes })],
      },
      {
        name: 'uppercase attribute values',
        observations: [observe.embed({ url: `${player}?preload=FALSE`, attributes: { loading: 'LAZY', title: 'x' } })],
      },
      {
        name: 'an <object> player, which has no loading or title',
        observations: [observe.embed({ element: 'object', url: `${player}?preload=false` })],
      },
      { name: 'non-Bunny embeds', observations: [observe.embed({ url: 'https://www.youtube.com/embed/x' })] },
      {
        name: 'a play link in a srcdoc poster, which loads the player when the visitor clicks it',
        observations: [observe.embed({ element: 'a', attribute: 'href', url: `${player}?autoplay=true` })],
      },
    ],
    invalid: [
      {
        name: 'an eager frame',
        observations: [observe.embed({ url: `${player}?preload=false`, attributes: { title: 'x' } })],
        errors: [{ messageId: 'notLazy' }],
      },
      {
        name: 'an empty title',
        observations: [observe.embed({ url: `${player}?preload=false`, attributes: { loading: 'lazy', title: ' ' } })],
        errors: [{ messageId: 'noTitle' }],
      },
      {
        name: 'autoplay=true',
        observations: [observe.embed({ url: `${player}?autoplay=true&preload=false`, attributes: privateAttributes })],
        errors: [{ messageId: 'autoplay' }],
      },
      {
        name: 'a missing preload=false',
        observations: [observe.embed({ url: player, attributes: privateAttributes })],
        errors: [{ messageId: 'preload' }],
      },
      {
        name: 'every problem of a bare embed, once each',
        observations: [observe.embed({ url: `${player}?autoplay=true` })],
        errors: [
          { messageId: 'notLazy' },
          { messageId: 'noTitle' },
          { messageId: 'autoplay' },
          { messageId: 'preload' },
        ],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        {
          name: 'the BunnyVideo embed, entity-encoded query',
          html: '<iframe src="https://player.mediadelivery.net/embed/123456/abc?autoplay=false&amp;preload=false" loading="lazy" title="Tour"></iframe>',
        },
      ],
      invalid: [
        {
          name: 'a pasted Bunny embed code',
          html: '<div>\n  <iframe src="https://iframe.mediadelivery.net/embed/123456/abc?autoplay=true" allowfullscreen></iframe>\n</div>',
          errors: ['notLazy', 'noTitle', 'autoplay', 'preload'].map((messageId) => ({ messageId, line: 2, column: 3 })),
        },
      ],
    });
  });
});
