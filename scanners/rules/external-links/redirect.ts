import { sampleHost } from '../../syntax/redirect-destination.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'external-links/redirect',
  category: 'external-links',
  severity: 'error',
  policy: '/privacy/#external-links',
  docs: "A rule in `_redirects` whose destination is another site answers a visitor's request for a page of this site by sending them there, with no click and no leaving-site notice, breaking the policy's promise that visitors are told when they leave. Redirect to a page of the site that links there with the notice instead. A destination with placeholders in its host (`https://:host/:splat`) sends visitors wherever a crafted link says, and is reported unless the part the placeholders cannot change is the site's own domain (`https://:lang.example.com/`). Rewrites (status 200) and other non-3xx rules are served by the host and are not reported.",
  fix: 'Point the `_redirects` rule at a page of the site (`/old-shop /shop-moved 301`) and give that page a marked link to the other site; for a placeholder host (`https://:host/*`), spell the destination out for each host the site really sends visitors to.',
  messages: {
    redirect:
      'The _redirects rule for {path} sends visitors to {host} without telling them; redirect to a page of the site that links there with the leaving-site notice.',
    anyHost:
      'The _redirects rule for {path} sends visitors to a host its placeholders fill in from the requested path ({host}) without telling them; redirect to a page of the site that links there with the leaving-site notice.',
  },
  observes: ['navigation'],
  check(observation, config) {
    const { host } = observation;
    // Links are most of the navigations a page has: they are let go before any work.
    if (observation.via !== 'redirect' || host === '') return undefined;
    // A host with placeholders (`:sub.example.com`) is judged by what the placeholders cannot change.
    const judged = sampleHost(host);
    if (config.hosts.isFirstParty(judged)) return undefined;
    // The gatherer keeps the whole rule as evidence; its first token is the source path.
    const path = observation.evidence?.split(/\s/, 1)[0] ?? '';
    return { messageId: judged === host ? 'redirect' : 'anyHost', data: { host, path } };
  },
});
