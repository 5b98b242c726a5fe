import { gatherHeaderDetaches, gatherHeaders, type HeaderDetach } from '../gather/site-files/headers.ts';
import type { HeaderObservation } from '../observations.ts';

/** A `_headers` line ready to match request paths: a header it sets, or (`value` undefined) one it removes. */
export interface HeaderRule {
  matches(path: string): boolean;
  name: string;
  value?: string;
}

/**
 * Turns a Cloudflare `_headers` URL pattern into a matcher: `*` is a splat over anything, `:name` one
 * path segment; an absolute pattern (`https://host/path`) applies only on `siteHost`.
 */
function compilePattern(pattern: string, siteHost: string): (path: string) => boolean {
  let pathPattern = pattern;
  const absolute = /^(?:https?:)?\/\/([^/]+)(\/.*)?$/i.exec(pattern);
  if (absolute) {
    const host = new RegExp(`^${toRegExpSource(absolute[1])}$`, 'i');
    if (!host.test(siteHost)) return () => false;
    pathPattern = absolute[2] ?? '/';
  }
  const path = new RegExp(`^${toRegExpSource(pathPattern)}$`);
  return (candidate) => path.test(candidate);
}

function toRegExpSource(pattern: string): string {
  return pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) =>
      part === '*'
        ? '.*'
        : part.startsWith(':') && part.length > 1
          ? '[^/]+'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
}

/** The rules of a `_headers` file's text, with its `! Name` lines, as Cloudflare applies them. */
export function compileHeadersFile(text: string, siteHost: string): HeaderRule[] {
  return compileHeaderRules(gatherHeaders(text, '_headers'), siteHost, gatherHeaderDetaches(text));
}

/**
 * Compiles the header observations of the site's `_headers` file, and its `! Name` lines, for `headersFor`, in the
 * file's order.
 */
export function compileHeaderRules(
  observations: readonly HeaderObservation[],
  siteHost: string,
  detaches: readonly HeaderDetach[] = [],
): HeaderRule[] {
  const matchers = new Map<string, (path: string) => boolean>();
  const matcher = (pattern: string) => {
    let matches = matchers.get(pattern);
    if (!matches) matchers.set(pattern, (matches = compilePattern(pattern, siteHost)));
    return matches;
  };
  const lines = [
    ...observations.map(({ pattern, name, value, line }) => ({
      line,
      rule: { matches: matcher(pattern), name, value },
    })),
    ...detaches.map(({ pattern, name, line }) => ({ line, rule: { matches: matcher(pattern), name } })),
  ];
  return lines.sort((a, b) => a.line - b.line).map(({ rule }) => rule);
}

/**
 * The response headers `_headers` gives a path, as Cloudflare applies its rules in order: a `! Name` line removes
 * what earlier rules set, and values of a header matched by several rules are joined.
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { matches, name, value } of rules) {
    if (!matches(path)) continue;
    if (value === undefined) delete headers[name];
    else headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}
