import { describe } from 'vitest';
import rule from '../../../scanners/rules/cookies/storage.ts';
import { observe, testRule } from '../support.ts';

describe('cookies/storage', () => {
  testRule(rule, {
    valid: [
      { name: 'document.cookie (another rule)', observations: [observe.storage({ api: 'document.cookie' })] },
    ],
    invalid: [
      { name: 'localStorage', observations: [observe.storage({ api: 'localStorage' })], errors: [{ messageId: 'storage' }] },
      { name: 'sessionStorage', observations: [observe.storage({ api: 'sessionStorage' })], errors: [{ messageId: 'storage' }] },
      { name: 'IndexedDB', observations: [observe.storage({ api: 'indexedDB' })], errors: [{ messageId: 'storage' }] },
    ],
  });
});
