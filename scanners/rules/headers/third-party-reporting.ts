import { structuredStrings } from '../../syntax/structured-field.ts';
import { resolveUrl } from '../../syntax/url.ts';
import { isUnacceptedThirdParty } from '../helpers/parties.ts';
import { defineRule, type Hit } from '../define-rule.ts';

/** An endpoint's `"url": "…"` member in Report-To's JSON. */
const reportToUrl = /"url"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/** A JSON string's text with its escapes decoded; as written when they are not valid JSON. */
function jsonStringText(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

/**
 * The report endpoints a header names, as written: the url of each Report-To endpoint, each Reporting-Endpoints
 * value, the URLs of every report-uri directive of a CSP (one header may hold several policies, comma-separated).
 * Browsers resolve them against the page, so `/csp` is the site's and `//host/csp` is another host.
 */
function reportUrls(name: string, value: string): string[] {
  if (name === 'report-to') return [...value.matchAll(reportToUrl)].map((match) => jsonStringText(match[1]!));
  if (name === 'reporting-endpoints') return structuredStrings(value);
  if (name !== 'content-security-policy' && name !== 'content-security-policy-report-only') return [];
  return value.split(/[;,]/).flatMap((directive) => {
    const [directiveName, ...urls] = directive.trim().split(/\s+/);
    return directiveName?.toLowerCase() === 'report-uri' ? urls : [];
  });
}

export default defineRule({
  id: 'headers/third-party-reporting',
  category: 'headers',
  severity: 'error',
  policy: '/privacy/#headers',
  docs: "A reporting endpoint on another host (in `Report-To`, `Reporting-Endpoints` or a CSP's `report-uri`) receives the visitor's IP address and the URL of the page they were on with every CSP-violation, network-error or deprecation report the browser sends, so it is a third party that sees visitors; send reports to the site's own host, or drop the reporting headers.",
  messages: {
    reporting:
      "{header} for {pattern} sends visitors' reports to {host}; send them to the site's own host or remove the endpoint.",
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
