import { defineRule } from '../define-rule.ts';

/** Storage APIs other than cookies, which have rules of their own. */
const clientStorage: ReadonlySet<string> = new Set(['localStorage', 'sessionStorage', 'indexedDB', 'caches']);

export default defineRule({
  id: 'cookies/storage',
  category: 'cookies',
  severity: 'error',
  policy: '/privacy/#cookies',
  docs: '`localStorage`, `sessionStorage`, IndexedDB and the Cache API (`caches`) keep data in the visitor\'s browser just as cookies do, and privacy law treats them the same: storing anything there needs consent the site never asks for. A static page rarely needs them; remove the use, or keep the state in the URL or in memory.',
  messages: {
    storage: 'Script uses {api}; keep state in memory or the URL instead, the site promises to store nothing in the browser.',
  },
  observes: ['storage'],
  check(observation) {
    if (!clientStorage.has(observation.api)) return undefined;
    return { messageId: 'storage', data: { api: observation.api } };
  },
});
