import type { HeaderObservation, Observation } from '../observations.ts';
import { parseLinkHeader } from './header-link.ts';
import { linkRequestType } from './link-rel.ts';
import { parseMetaRefresh } from './meta-refresh.ts';
import { resolveUrl } from './url.ts';

/**
 * Header rules from a `_headers` file (Cloudflare Pages / Netlify): a line at the start of a row is a URL
 * pattern, indented `Name: value` lines under it are its headers, `! Name` detaches one, `#` starts a
 * comment. One observation per header line; detach and malformed lines are skipped. Never throws.
 *
 * Given the site's URL (what relative URLs resolve against), it also reports what headers make a browser
 * do on their own: `Link: <url>; rel=preload` (and preconnect, prefetch …) fetches, `Refresh` redirects.
 */
export function gatherHeaders(text: string, file: string): HeaderObservation[];
export function gatherHeaders(text: string, file: string, site: string): Observation[];
export function gatherHeaders(text: string, file: string, site?: string): Observation[] {
  const observations: Observation[] = [];
  let pattern: string | undefined;
  text.split(/\r\n?|\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (!/^\s/.test(line)) {
      pattern = trimmed;
      return;
    }
    const colon = trimmed.indexOf(':');
    // A header needs a pattern above it and a name; `! Name` detaches rather than sets.
    if (pattern === undefined || colon <= 0 || trimmed.startsWith('!')) return;
    const header: HeaderObservation = {
      kind: 'header',
      source: 'headers',
      file,
      line: index + 1,
      column: line.length - line.trimStart().length + 1,
      pattern,
      name: trimmed.slice(0, colon).trim().toLowerCase(),
      value: trimmed.slice(colon + 1).trim(),
      evidence: trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed,
    };
    observations.push(header);
    if (site !== undefined) observations.push(...headerEffects(header, site));
  });
  return observations;
}

/** The fetches a `Link` header asks for, or the redirect a `Refresh` header makes, at the header's line. */
function headerEffects(header: HeaderObservation, site: string): Observation[] {
  const { file, line, column, evidence } = header;
  const at = { file, line, column, evidence, source: 'headers' as const, attribute: header.name };
  if (header.name === 'refresh') {
    const target = parseMetaRefresh(header.value)?.url;
    const resolved = target === undefined ? undefined : resolveUrl(target, site);
    return resolved === undefined ? [] : [{ kind: 'navigation', via: 'refresh', raw: target!.trim(), ...resolved, marked: false, ...at }];
  }
  if (header.name !== 'link') return [];
  return parseLinkHeader(header.value).flatMap((link) => {
    const type = linkRequestType(link.rel, link.as);
    const resolved = type === undefined ? undefined : resolveUrl(link.url, site);
    return resolved === undefined ? [] : [{ kind: 'request' as const, type: type!, raw: link.url, ...resolved, ...at }];
  });
}
