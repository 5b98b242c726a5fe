import { structuredStrings } from './structured-field.ts';

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
 * The report endpoints a response header names, as written: the url of each Report-To endpoint, each
 * Reporting-Endpoints value, the URLs of every report-uri directive of a CSP (one header may hold several policies,
 * comma-separated). `name` is lower-case. Browsers resolve them against the page, so `/csp` is the site's and
 * `//host/csp` is another host.
 */
export function reportEndpoints(name: string, value: string): string[] {
  if (name === 'report-to') return [...value.matchAll(reportToUrl)].map((match) => jsonStringText(match[1]!));
  if (name === 'reporting-endpoints') return structuredStrings(value);
  if (name !== 'content-security-policy' && name !== 'content-security-policy-report-only') return [];
  return value.split(/[;,]/).flatMap((directive) => {
    const [directiveName, ...urls] = directive.trim().split(/\s+/);
    return directiveName?.toLowerCase() === 'report-uri' ? urls : [];
  });
}
