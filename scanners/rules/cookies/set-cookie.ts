import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'cookies/set-cookie',
  category: 'cookies',
  severity: 'error',
  policy: '/privacy/#cookies',
  docs: 'A `Set-Cookie` response header (in `_headers`) or a `<meta http-equiv="set-cookie">` tag makes the browser store a cookie before the visitor has done anything, breaking the promise of a cookie-free site. Static pages never need one; delete it.',
  fix: 'Delete the `Set-Cookie` line from `_headers` (or the `<meta http-equiv="set-cookie">` tag); for a crawl finding, find which response sends it (`nospy crawl --format json` names the URL) and turn it off on that server. A static page never needs a cookie: a contact form posts to the origin receiver, which keeps no session.',
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
