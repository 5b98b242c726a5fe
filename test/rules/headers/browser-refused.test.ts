import { describe } from 'vitest';
import rule from '../../../scanners/rules/headers/browser-refused.ts';
import { observe, testRule } from '../support.ts';

describe('headers/browser-refused', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a CSP block, which headers/csp-violation reports',
        observations: [observe.refusal({ cause: 'csp', detail: 'img-src', blocked: 'https://cdn.example/a.png' })],
      },
      {
        name: 'a feature nospy denies that this Chromium build lacks',
        observations: [
          observe.refusal({
            cause: 'console',
            detail: "Error with Permissions-Policy header: Unrecognized feature: 'browsing-topics'.",
          }),
        ],
      },
    ],
    invalid: [
      {
        name: 'an unknown Permissions-Policy feature',
        observations: [
          observe.refusal({
            cause: 'console',
            detail: "Error with Permissions-Policy header: Unrecognized feature: 'no-such-feature'.",
          }),
        ],
        errors: [{ messageId: 'refused' }],
      },
    ],
  });
});
