import { describe } from 'vitest';
import rule from '../../../scanners/rules/headers/csp-violation.ts';
import { observe, testRule } from '../support.ts';

describe('headers/csp-violation', () => {
  testRule(rule, {
    valid: [
      {
        name: "Chromium's own message about a header, which headers/browser-refused reports",
        observations: [observe.refusal({ cause: 'console', detail: 'Unrecognized feature' })],
      },
    ],
    invalid: [
      {
        name: 'an inline script the policy blocked',
        observations: [observe.refusal({ cause: 'csp', detail: 'script-src-elem', blocked: 'inline' })],
        errors: [{ messageId: 'blocked' }],
      },
      {
        name: 'an image of another host the policy blocked',
        observations: [observe.refusal({ cause: 'csp', detail: 'img-src', blocked: 'https://cdn.example/a.png' })],
        errors: [{ messageId: 'blocked' }],
      },
    ],
  });
});
