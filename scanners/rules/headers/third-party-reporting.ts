import { isUnacceptedThirdParty } from '../helpers/parties.ts';
import { defineRule, type Hit } from '../define-rule.ts';

export default defineRule({
  id: 'headers/third-party-reporting',
  category: 'headers',
  severity: 'error',
  policy: '/privacy/#headers',
  docs: "A reporting endpoint on another host (in `Report-To`, `Reporting-Endpoints` or a CSP's `report-uri`) receives the visitor's IP address and the URL of the page they were on with every CSP-violation, network-error or deprecation report the browser sends, so it is a third party that sees visitors; send reports to the site's own host, or drop the reporting headers.",
  fix: 'Point `report-uri`/`Report-To`/`Reporting-Endpoints` at a path of the site (`report-uri /csp-report`) that the origin receives, or remove the reporting directives from `_headers`; a hosted report collector (report-uri.com, Sentry) is a third party that sees visitors.',
  messages: {
    reporting:
      "{header} for {pattern} sends visitors' reports to {host}; send them to the site's own host or remove the endpoint.",
  },
  observes: ['header'],
  check(observation, config) {
    const hits: Hit<'reporting'>[] = [];
    // The gatherer resolved each endpoint against the site, as a browser resolves it against the page.
    for (const endpoint of observation.reportEndpoints ?? []) {
      if (!isUnacceptedThirdParty(endpoint.url, endpoint.host, config)) continue;
      const data = { header: observation.name, pattern: observation.pattern, host: endpoint.host };
      hits.push({ messageId: 'reporting', data, url: endpoint.url, host: endpoint.host });
    }
    return hits;
  },
});
