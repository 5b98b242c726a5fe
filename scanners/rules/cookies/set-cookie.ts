import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'cookies/set-cookie',
  category: 'cookies',
  severity: 'error',
  policy: '/privacy/#cookies',
  docs: 'A `Set-Cookie` response header (in `_headers`) or a `<meta http-equiv="set-cookie">` tag makes the browser store a cookie before the visitor has done anything, breaking the promise of a cookie-free site. Static pages never need one; delete it.',
  messages: {
    header: 'The _headers file sets a cookie for {pattern}; delete the Set-Cookie line, the site promises no cookies.',
    meta: 'A <meta http-equiv="set-cookie"> tag sets a cookie; delete it, the site promises no cookies.',
    response:
      'A response set a cookie while the page loaded; find the server or script that sends Set-Cookie and remove it.',
  },
  observes: ['header', 'storage'],
  check(observation) {
    if (observation.kind === 'header') {
      return observation.name === 'set-cookie'
        ? { messageId: 'header', data: { pattern: observation.pattern } }
        : undefined;
    }
    if (observation.api !== 'set-cookie') return undefined;
    return { messageId: observation.source === 'html' ? 'meta' : 'response' };
  },
});
