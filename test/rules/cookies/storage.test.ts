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
      { name: 'the Cache API', observations: [observe.storage({ api: 'caches' })], errors: [{ messageId: 'storage' }] },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [{ name: 'the word in page text', html: '<p>We never use localStorage.</p>' }],
      invalid: [
        { name: 'localStorage in an inline script', html: '<script>localStorage.setItem("theme", "dark")</script>', errors: [{ messageId: 'storage', column: 9 }] },
        { name: 'sessionStorage through window', html: '<script>\nconst s = window.sessionStorage;\n</script>', errors: [{ messageId: 'storage', line: 2, column: 11 }] },
        { name: 'caches.open in an inline script', html: '<script>\n  caches.open("v1");\n</script>', errors: [{ messageId: 'storage', line: 2, column: 3 }] },
      ],
    });
  });
});
