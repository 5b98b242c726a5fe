import { describe } from 'vitest';
import rule from '../../../scanners/rules/cookies/storage.ts';
import { observe, testRule } from '../support.ts';

describe('cookies/storage', () => {
  testRule(rule, {
    valid: [
      { name: 'document.cookie (another rule)', observations: [observe.storage({ api: 'document.cookie' })] },
      {
        name: 'a Set-Cookie header (another rule)',
        observations: [observe.storage({ api: 'set-cookie', source: 'headers' })],
      },
    ],
    invalid: [
      {
        name: 'localStorage',
        observations: [observe.storage({ api: 'localStorage' })],
        errors: [{ messageId: 'storage' }],
      },
      {
        name: 'sessionStorage',
        observations: [observe.storage({ api: 'sessionStorage' })],
        errors: [{ messageId: 'storage' }],
      },
      { name: 'IndexedDB', observations: [observe.storage({ api: 'indexedDB' })], errors: [{ messageId: 'storage' }] },
      { name: 'the Cache API', observations: [observe.storage({ api: 'caches' })], errors: [{ messageId: 'storage' }] },
      {
        name: 'a service worker registration',
        observations: [observe.storage({ api: 'serviceWorker' })],
        errors: [{ messageId: 'serviceWorker' }],
      },
      {
        name: 'a service worker the browser saw registered',
        observations: [observe.storage({ api: 'serviceWorker', source: 'browser' })],
        errors: [{ messageId: 'serviceWorker' }],
      },
      {
        name: 'a file system',
        observations: [observe.storage({ api: 'fileSystem' })],
        errors: [{ messageId: 'fileSystem' }],
      },
      {
        name: 'a file system the browser saw opened',
        observations: [observe.storage({ api: 'fileSystem', source: 'browser' })],
        errors: [{ messageId: 'fileSystem' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        { name: 'the word in page text', html: '<p>We never use localStorage.</p>' },
        {
          name: 'service worker feature detection',
          html: "<script>if ('serviceWorker' in navigator && navigator.serviceWorker.controller) show()</script>",
        },
        {
          name: 'asking for persistent storage or the quota',
          html: '<script>navigator.storage.persist().then(() => navigator.storage.estimate())</script>',
        },
        {
          name: 'removing an old service worker',
          html: '<script>navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => r.unregister()))</script>',
        },
      ],
      invalid: [
        {
          name: 'localStorage in an inline script',
          html: '<script>localStorage.setItem("theme", "dark")</script>',
          errors: [{ messageId: 'storage', column: 9 }],
        },
        {
          name: 'sessionStorage through window',
          html: '<script>\nconst s = window.sessionStorage;\n</script>',
          errors: [{ messageId: 'storage', line: 2, column: 11 }],
        },
        {
          name: 'caches.open in an inline script',
          html: '<script>\n  caches.open("v1");\n</script>',
          errors: [{ messageId: 'storage', line: 2, column: 3 }],
        },
        {
          name: 'a service worker registered in an inline script',
          html: "<script>\nif ('serviceWorker' in navigator) {\n  navigator.serviceWorker.register('/sw.js');\n}\n</script>",
          errors: [{ messageId: 'serviceWorker', line: 3, column: 3 }],
        },
        {
          name: 'the origin private file system',
          html: "<script>navigator.storage.getDirectory().then((root) => root.getFileHandle('state', { create: true }))</script>",
          errors: [{ messageId: 'fileSystem', column: 9 }],
        },
        {
          name: 'the old webkit file system',
          html: "<script>\nwebkitRequestFileSystem(TEMPORARY, 1024, (fs) => fs.root.getFile('f', { create: true }, () => {}))\n</script>",
          errors: [{ messageId: 'fileSystem', line: 2, column: 1 }],
        },
        {
          name: 'a service worker registered from an event-handler attribute',
          html: '<button onclick="window.navigator.serviceWorker?.register(\'/sw.js\')">Offline</button>',
          errors: [{ messageId: 'serviceWorker', column: 18 }],
        },
      ],
    });
  });
});
