import { isBuildWithoutDeniedFeature } from '../../syntax/http/permissions-policy.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'headers/browser-refused',
  category: 'headers',
  severity: 'warning',
  policy: '/privacy/#headers',
  docs: "When Chromium cannot apply one of the page's security headers (an unknown `Permissions-Policy` feature, a malformed policy, a header ignored on an insecure origin), it says so in the console and goes on without it: the protection the `_headers` file meant to give visitors is silently missing. `nospy crawl` reports those messages of Chromium's own (not the page's `console` calls, nor CSP blocks, which `headers/csp-violation` reports) so a header that does nothing is fixed before deploy.",
  fix: "Correct or delete the header Chromium names in `public/_headers` (or the site's own `_headers`): drop `Permissions-Policy` features browsers do not know (nospy's own block lists only recognised ones), fix a malformed directive, and serve the site over https so headers meant for secure origins apply.",
  messages: {
    refused: "Chromium ignored part of this page's headers ({message}); fix the header in _headers.",
  },
  observes: ['refusal'],
  check(observation) {
    if (observation.cause !== 'console' || isBuildWithoutDeniedFeature(observation.detail)) return undefined;
    return { messageId: 'refused', data: { message: observation.detail } };
  },
});
