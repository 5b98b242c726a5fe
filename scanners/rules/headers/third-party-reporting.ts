import { resolveUrl } from '../../gather/url.ts';
import { isUnacceptedThirdParty } from '../helpers/parties.ts';
import { defineRule, type Hit } from '../define-rule.ts';

const urlPattern = /https?:\/\/[^\s"',;}]+/gi;

/** The report endpoints a header names: all URLs of Report-To/Reporting-Endpoints, the report-uri directive of a CSP. */
function reportUrls(name: string, value: string): string[] {
  if (name === 'report-to' || name === 'reporting-endpoints') return value.match(urlPattern) ?? [];
  if (name !== 'content-security-policy' && name !== 'content-security-policy-report-only') return [];
  const directive = value.split(';').map((part) => part.trim()).find((part) => /^report-uri\s/i.test(part));
  return directive?.match(urlPattern) ?? [];
}

export default defineRule({
  id: 'headers/third-party-reporting',
  category: 'headers',
  severity: 'error',
  policy: '/privacy/#headers',
  docs: 'A reporting endpoint on another host (in `Report-To`, `Reporting-Endpoints` or a CSP\'s `report-uri`) receives the visitor\'s IP address and the URL of the page they were on with every CSP-violation, network-error or deprecation report the browser sends, so it is a third party that sees visitors; send reports to the site\'s own host, or drop the reporting headers.',
  messages: {
    reporting: '{header} for {pattern} sends visitors\' reports to {host}; send them to the site\'s own host or remove the endpoint.',
  },
  observes: ['header'],
  check(observation, config) {
    const hits: Hit<'reporting'>[] = [];
    for (const raw of reportUrls(observation.name, observation.value)) {
      const resolved = resolveUrl(raw, config.site);
      if (!resolved || !isUnacceptedThirdParty(resolved.url, resolved.host, config)) continue;
      const data = { header: observation.name, pattern: observation.pattern, host: resolved.host };
      hits.push({ messageId: 'reporting', data, url: resolved.url, host: resolved.host });
    }
    return hits;
  },
});
