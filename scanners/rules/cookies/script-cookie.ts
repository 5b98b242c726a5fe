import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'cookies/script-cookie',
  category: 'cookies',
  severity: 'error',
  policy: '/privacy/#cookies',
  docs: "Script that reads or writes `document.cookie` or uses the Cookie Store API stores an identifier in the visitor's browser that comes back with every request, which is exactly what the policy promises the site never does. Remove the code, or the library that carries it.",
  fix: 'Delete the code that touches `document.cookie` or `cookieStore`, or the library that carries it (a consent banner, an A/B-testing or chat widget). Keep preferences in memory or in the URL (`?lang=fr`), and let the server answer per request: e.g. replace a cookie-based language switch with links to `/fr/` pages.',
  messages: {
    scriptCookie:
      'Script uses {api}; remove the cookie code (or the library that sets it), the site promises no cookies.',
  },
  observes: ['storage'],
  check(observation) {
    if (observation.api !== 'document.cookie' && observation.api !== 'cookieStore') return undefined;
    return { messageId: 'scriptCookie', data: { api: observation.api } };
  },
});
