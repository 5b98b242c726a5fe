import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'external-links/meta-refresh',
  category: 'external-links',
  severity: 'error',
  policy: '/privacy/#external-links',
  docs: 'A `<meta http-equiv="refresh">` (or a `Refresh` header in `_headers`) that points at another site sends the visitor there without a click and without the leaving-site notice the policy promises, and the other site learns where they came from. Replace it with a marked link, or a server-side redirect announced on the page.',
  fix: 'Delete the `<meta http-equiv="refresh" content="0; url=https://…">` (or the `Refresh` header) and put a marked link on the page instead: `<a href="https://partner.example/" data-leaving rel="noopener noreferrer">Continue to our partner</a>`; `nospy fix` marks plain links for you.',
  messages: {
    refresh: 'Page redirects to {host} by meta refresh, without telling the visitor; replace it with a marked link.',
    header:
      'A Refresh header sends visitors to {host} without telling them; remove it and link there with the leaving-site notice.',
  },
  observes: ['navigation'],
  check(observation, config) {
    const { host } = observation;
    if (observation.via !== 'refresh' || host === '' || config.hosts.isFirstParty(host)) return undefined;
    return { messageId: observation.source === 'headers' ? 'header' : 'refresh', data: { host } };
  },
});
