import type { HeaderObservation, Observation } from '../../observations.ts';
import { parseLinkHeader } from '../../syntax/http/header-link.ts';
import { linkRequestType } from '../../syntax/link-rel.ts';
import { parseMetaRefresh } from '../../syntax/meta-refresh.ts';
import { reportEndpoints } from '../../syntax/http/reporting-headers.ts';
import { structuredStrings } from '../../syntax/http/structured-field.ts';
import { resolveUrl } from '../../syntax/url.ts';

/**
 * Wrangler's test for a `_headers` line that starts a rule: a path or an absolute URL pattern. Indentation
 * means nothing to it (every line is trimmed first), so `Set-Cookie: a=1` right under `/*` is one of its headers.
 */
const patternLine = /^(?:[^\s]+:\/\/|\/)/;

/**
 * Wrangler's test for a detach line: `! ` opening a line without a colon. A line with a colon is a header even when
 * it opens with `!` (`!X-Note: a` sets `!x-note`; `! X-Note: a` is rejected for the space in its name).
 */
function isDetachLine(trimmed: string): boolean {
  return trimmed.startsWith('! ') && !trimmed.includes(':');
}

/**
 * Header rules from a `_headers` file (Cloudflare Pages / Workers static assets / Netlify), read as wrangler
 * reads it: a line starting with `/` or `scheme://` is a URL pattern, any other line with a colon is a
 * `Name: value` header of the pattern above it, indented or not; `! Name` detaches one, `#` starts a comment.
 * One observation per header line; detach lines and lines Cloudflare rejects (no pattern above, a name with a
 * space, an empty name or value) are skipped. Never throws.
 *
 * Given the site's URL (what relative URLs resolve against), it also reports what headers make a browser
 * do on their own: `Link: <url>; rel=preload` (and preconnect, prefetch …) and `Speculation-Rules` fetches,
 * `Refresh` redirects.
 */
export function gatherHeaders(text: string, file: string): HeaderObservation[];
export function gatherHeaders(text: string, file: string, site: string): Observation[];
export function gatherHeaders(text: string, file: string, site?: string): Observation[] {
  const observations: Observation[] = [];
  readHeaderLines(text, ({ pattern, line, index, trimmed, detach }) => {
    const colon = trimmed.indexOf(':');
    const name = trimmed.slice(0, colon).trim().toLowerCase();
    const value = trimmed.slice(colon + 1).trim();
    // A header needs a pattern above it, a colon, a name without spaces and a value; `! Name` detaches instead.
    if (pattern === undefined || detach || colon === -1 || name === '' || /\s/.test(name) || value === '') return;
    const header: HeaderObservation = {
      kind: 'header',
      source: 'headers',
      file,
      line: index + 1,
      column: line.length - line.trimStart().length + 1,
      pattern,
      name,
      value,
      evidence: trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed,
    };
    if (site !== undefined) {
      const endpoints = reportEndpoints(name, value).flatMap((url) => resolveUrl(url, site) ?? []);
      if (endpoints.length > 0) header.reportEndpoints = endpoints;
    }
    observations.push(header);
    if (site !== undefined) observations.push(...headerEffects(header, site));
  });
  return observations;
}

/** One line of a `_headers` file under a pattern (or before any), as {@link readHeaderLines} gives it. */
interface HeaderLine {
  pattern: string | undefined;
  line: string;
  trimmed: string;
  /** 0-based. */
  index: number;
  /** A `! Name` line, which removes a header an earlier rule set. */
  detach: boolean;
}

/** Calls `visit` for every line that is not blank, a comment or a pattern, with the pattern it sits under. */
function readHeaderLines(text: string, visit: (line: HeaderLine) => void): void {
  let pattern: string | undefined;
  text.split(/\r\n?|\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (patternLine.test(trimmed)) pattern = trimmed;
    else visit({ pattern, line, trimmed, index, detach: isDetachLine(trimmed) });
  });
}

/** A `! Name` line of a `_headers` file: Cloudflare removes `name` (lower-case) from what earlier rules set. */
export interface HeaderDetach {
  pattern: string;
  name: string;
  /** 1-based. */
  line: number;
}

/** The `! Name` lines of a `_headers` file, which the crawl's server applies as Cloudflare does. */
export function gatherHeaderDetaches(text: string): HeaderDetach[] {
  const detaches: HeaderDetach[] = [];
  readHeaderLines(text, ({ pattern, trimmed, index, detach }) => {
    const name = trimmed.slice(2).trim().toLowerCase();
    if (detach && pattern !== undefined && name !== '') detaches.push({ pattern, name, line: index + 1 });
  });
  return detaches;
}

/**
 * The fetches a `Link` header asks for, the rule sets a `Speculation-Rules` header loads, or the redirect a
 * `Refresh` header makes, at the header's line.
 */
function headerEffects(header: HeaderObservation, site: string): Observation[] {
  const { file, line, column, evidence } = header;
  const at = { file, line, column, evidence, source: 'headers' as const, attribute: header.name };
  if (header.name === 'refresh') {
    const target = parseMetaRefresh(header.value)?.url;
    const resolved = target === undefined ? undefined : resolveUrl(target, site);
    return resolved === undefined
      ? []
      : [{ kind: 'navigation', via: 'refresh', raw: target!.trim(), ...resolved, marked: false, ...at }];
  }
  if (header.name === 'speculation-rules') {
    // Chromium fetches each rule set as soon as the page loads; what the rule set then prefetches is out of sight.
    // Typed `other`, not `prefetch`: this request is the rule set itself, a JSON file, not a page fetched ahead.
    return structuredStrings(header.value).flatMap((url) => {
      const resolved = resolveUrl(url, site);
      return resolved === undefined
        ? []
        : [{ kind: 'request' as const, type: 'other' as const, raw: url, ...resolved, ...at }];
    });
  }
  if (header.name !== 'link') return [];
  return parseLinkHeader(header.value).flatMap((link) => {
    const type = linkRequestType(link.rel, link.as);
    const resolved = type === undefined ? undefined : resolveUrl(link.url, site);
    return resolved === undefined ? [] : [{ kind: 'request' as const, type: type!, raw: link.url, ...resolved, ...at }];
  });
}
