import type { HeaderObservation } from '../observations.ts';

/** A `_headers` rule ready to match request paths. */
export interface HeaderRule {
  matches(path: string): boolean;
  name: string;
  value: string;
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

/** Compiles the header observations of the site's `_headers` file for `headersFor`. */
export function compileHeaderRules(observations: readonly HeaderObservation[], siteHost: string): HeaderRule[] {
  const matchers = new Map<string, (path: string) => boolean>();
  return observations.map(({ pattern, name, value }) => {
    let matches = matchers.get(pattern);
    if (!matches) matchers.set(pattern, (matches = compilePattern(pattern, siteHost)));
    return { matches, name, value };
  });
}

/**
 * The response headers `_headers` gives a path; values of a header matched by several rules are joined as Cloudflare
 * does.
 */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.matches(path)) continue;
    headers[rule.name] = rule.name in headers ? `${headers[rule.name]}, ${rule.value}` : rule.value;
  }
  return headers;
}
