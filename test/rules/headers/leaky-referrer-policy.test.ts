import { describe } from 'vitest';
import rule from '../../../scanners/rules/headers/leaky-referrer-policy.ts';
import { observe, testRule } from '../support.ts';

const policy = (value: string) => observe.header({ name: 'referrer-policy', value });

describe('headers/leaky-referrer-policy', () => {
  testRule(rule, {
    valid: [
      { name: 'strict-origin-when-cross-origin', observations: [policy('strict-origin-when-cross-origin')] },
      { name: 'no-referrer', observations: [policy('no-referrer')] },
      { name: 'a leaky fallback overridden by a later safe token', observations: [policy('unsafe-url, same-origin')] },
      { name: 'an unknown token', observations: [policy('whatever')] },
      { name: 'other headers', observations: [observe.header({ name: 'x-frame-options', value: 'unsafe-url' })] },
    ],
    invalid: [
      { name: 'unsafe-url', observations: [policy('unsafe-url')], errors: [{ messageId: 'leaky' }] },
      {
        name: 'No-Referrer-When-Downgrade in any case',
        observations: [policy('No-Referrer-When-Downgrade')],
        errors: [{ messageId: 'leaky' }],
      },
      {
        name: 'a leaky last token after an unknown one',
        observations: [policy('no-referrer, origin-when-cross-origin, bogus')],
        errors: [{ messageId: 'leaky' }],
      },
    ],
  });

  describe('in <meta name="referrer">', () => {
    testRule(rule, {
      valid: [
        { name: 'a safe policy', html: '<meta name="referrer" content="strict-origin-when-cross-origin">' },
        { name: 'the legacy never', html: '<meta name="referrer" content="never">' },
        {
          name: 'a list, which browsers ignore in a meta tag',
          html: '<meta name="referrer" content="no-referrer, unsafe-url">',
        },
        { name: 'another meta name', html: '<meta name="description" content="unsafe-url">' },
      ],
      invalid: [
        {
          name: 'unsafe-url, at the meta tag',
          html: '<title>x</title>\n  <META NAME="Referrer" CONTENT="Unsafe-URL">',
          errors: [{ messageId: 'leaky', line: 2, column: 3 }],
        },
        {
          name: 'the legacy always',
          html: '<meta name="referrer" content="always">',
          errors: [{ messageId: 'leaky' }],
        },
      ],
    });
  });

  describe('in _headers', () => {
    testRule(rule, {
      valid: [
        { name: "the starter's policy", headersFile: '/*\n  Referrer-Policy: strict-origin-when-cross-origin\n' },
      ],
      invalid: [
        {
          name: 'unsafe-url for one path',
          headersFile: '/*\n  X-Frame-Options: DENY\n/blog/*\n  Referrer-Policy: unsafe-url\n',
          errors: [{ messageId: 'leaky', line: 4, column: 3 }],
        },
      ],
    });
  });
});
