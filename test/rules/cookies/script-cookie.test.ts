import { describe } from 'vitest';
import rule from '../../../scanners/rules/cookies/script-cookie.ts';
import { observe, testRule } from '../support.ts';

describe('cookies/script-cookie', () => {
  testRule(rule, {
    valid: [
      { name: 'localStorage (another rule)', observations: [observe.storage({ api: 'localStorage' })] },
    ],
    invalid: [
      { name: 'document.cookie', observations: [observe.storage({ api: 'document.cookie' })], errors: [{ messageId: 'scriptCookie' }] },
      { name: 'the Cookie Store API', observations: [observe.storage({ api: 'cookieStore' })], errors: [{ messageId: 'scriptCookie' }] },
    ],
  });
});
