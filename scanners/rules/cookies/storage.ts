import { defineRule } from '../define-rule.ts';

/** Storage APIs other than cookies, which have rules of their own. */
const clientStorage: ReadonlySet<string> = new Set([
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'caches',
  'serviceWorker',
  'fileSystem',
]);

export default defineRule({
  id: 'cookies/storage',
  category: 'cookies',
  severity: 'error',
  policy: '/privacy/#cookies',
  docs: "`localStorage`, `sessionStorage`, IndexedDB, the Cache API (`caches`), service workers (`navigator.serviceWorker.register`) and file systems (the origin private file system of `navigator.storage.getDirectory()`, the old `webkitRequestFileSystem`) keep data in the visitor's browser just as cookies do, and privacy law treats them the same: storing anything there needs consent the site never asks for. A registered service worker stays installed after the visit, can keep caches and sees every later request to the site. A static page rarely needs any of them; remove the use, or keep the state in the URL or in memory.",
  fix: 'Remove the `localStorage`/`sessionStorage`/IndexedDB/Cache API use, or the library that brings it. Common cases: a theme toggle that stores the choice — follow `prefers-color-scheme` in CSS instead; an analytics or chat widget — drop it; a service worker for offline use — unregister it and serve with long-lived cache headers (`_headers`) instead.',
  messages: {
    storage:
      'Script uses {api}; keep state in memory or the URL instead, the site promises to store nothing in the browser.',
    fileSystem:
      "Script opens a file system in the visitor's browser, whose files stay on their disk; keep state in memory or the URL instead, the site promises to store nothing in the browser.",
    serviceWorker:
      "Script registers a service worker, which stays installed in the visitor's browser; remove the registration, the site promises to store nothing in the browser.",
  },
  observes: ['storage'],
  check(observation) {
    if (!clientStorage.has(observation.api)) return undefined;
    if (observation.api === 'serviceWorker') return { messageId: 'serviceWorker' };
    if (observation.api === 'fileSystem') return { messageId: 'fileSystem' };
    return { messageId: 'storage', data: { api: observation.api } };
  },
});
