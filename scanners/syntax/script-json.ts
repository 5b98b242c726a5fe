import { createRequire } from 'node:module';
import type { URLPattern as UrlPatternPolyfill } from 'urlpattern-polyfill/urlpattern';

/** The value of a JSON text, or undefined when it does not parse. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether a JSON value is an object (not an array or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringValues(value: unknown): string[] {
  return isRecord(value) ? Object.values(value).filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The addresses an import map points module specifiers at (`imports` and every `scopes` entry). */
export function importMapUrls(text: string): string[] {
  const map = parseJson(text);
  if (!isRecord(map)) return [];
  const urls = stringValues(map.imports);
  if (isRecord(map.scopes)) for (const scope of Object.values(map.scopes)) urls.push(...stringValues(scope));
  return urls;
}

const SPECULATION_ACTIONS = ['prefetch', 'prerender', 'prefetch_with_subresources'];

/** Whether a document rule picks a link: `maybe` where nospy cannot tell (CSS selectors, unusable patterns). */
type Match = 'yes' | 'no' | 'maybe';

/** Whether a document rule may pick the link to this absolute URL. */
export type LinkPredicate = (url: string) => boolean;

/** What a `<script type="speculationrules">` makes the browser fetch before any click. */
export interface SpeculationRules {
  /** The URLs its list rules name. */
  urls: string[];
  /**
   * Its document rules that pick links at load or on hover (any eagerness but `conservative`, which waits for a
   * pointerdown): each tells whether it may pick a link.
   */
  links: LinkPredicate[];
}

/**
 * The list rule URLs and eager document rules of a `<script type="speculationrules">`. A document rule's `where`
 * is evaluated as the browser does (`href_matches` URL patterns resolved against `baseUrl`, `and`/`or`/`not`), so
 * `{"href_matches": "/*"}` picks only this site's links; what cannot be told from the link's URL alone
 * (`selector_matches`, a pattern nospy cannot read) may pick any link.
 */
export function speculationRules(text: string, baseUrl: string): SpeculationRules {
  const found: SpeculationRules = { urls: [], links: [] };
  const rules = parseJson(text);
  if (!isRecord(rules)) return found;
  for (const action of SPECULATION_ACTIONS) {
    const list = rules[action];
    if (!Array.isArray(list)) continue;
    for (const rule of list) {
      if (!isRecord(rule)) continue;
      if (Array.isArray(rule.urls))
        found.urls.push(...rule.urls.filter((url): url is string => typeof url === 'string'));
      const documentRule = rule.where !== undefined || rule.source === 'document';
      // Document rules default to conservative.
      if (!documentRule || rule.eagerness === undefined || rule.eagerness === 'conservative') continue;
      // A rule without `where` picks every link.
      if (rule.where === undefined) found.links.push(() => true);
      else {
        const match = compileWhere(rule.where, baseUrl);
        found.links.push((url) => match(url) !== 'no');
      }
    }
  }
  return found;
}

type UrlMatcher = (url: string) => Match;

/**
 * A document rule predicate (`href_matches`, `selector_matches`, `and`, `or`, `not`) as a test of a link's URL, its
 * patterns built once for every link of the page.
 */
function compileWhere(where: unknown, baseUrl: string): UrlMatcher {
  if (!isRecord(where)) return () => 'maybe';
  if (Array.isArray(where.and)) return combine(where.and, baseUrl, all);
  if (Array.isArray(where.or)) return combine(where.or, baseUrl, any);
  if (where.not !== undefined) {
    const inner = compileWhere(where.not, baseUrl);
    return (url) => negate(inner(url));
  }
  if (where.href_matches !== undefined) {
    const patterns = Array.isArray(where.href_matches) ? where.href_matches : [where.href_matches];
    const matchers = patterns.map((pattern) => compilePattern(pattern, baseUrl));
    return (url) => any(matchers.map((match) => match(url)));
  }
  return () => 'maybe';
}

function combine(parts: unknown[], baseUrl: string, join: (matches: Match[]) => Match): UrlMatcher {
  const matchers = parts.map((part) => compileWhere(part, baseUrl));
  return (url) => join(matchers.map((match) => match(url)));
}

type UrlPatternClass = typeof UrlPatternPolyfill;
let polyfill: UrlPatternClass | undefined;

/**
 * Node's own URLPattern (Node 24), else the polyfill (Node 22 has none), loaded the first time a speculation rule
 * needs a pattern, so that a scan of pages without them never loads it.
 */
function urlPatternClass(): UrlPatternClass {
  const native = (globalThis as { URLPattern?: UrlPatternClass }).URLPattern;
  if (native) return native;
  polyfill ??= (createRequire(import.meta.url)('urlpattern-polyfill/urlpattern') as { URLPattern: UrlPatternClass })
    .URLPattern;
  return polyfill;
}

function compilePattern(pattern: unknown, baseUrl: string): UrlMatcher {
  const URLPattern = urlPatternClass();
  try {
    const compiled =
      typeof pattern === 'string'
        ? new URLPattern(pattern, baseUrl)
        : isRecord(pattern)
          ? new URLPattern({ baseURL: baseUrl, ...(pattern as Record<string, string>) })
          : undefined;
    if (compiled) return (url) => (compiled.test(url) ? 'yes' : 'no');
  } catch {
    // A pattern Node rejects may still be one a browser reads.
  }
  return () => 'maybe';
}

function all(matches: Match[]): Match {
  return matches.includes('no') ? 'no' : matches.every((match) => match === 'yes') ? 'yes' : 'maybe';
}

function any(matches: Match[]): Match {
  return matches.includes('yes') ? 'yes' : matches.every((match) => match === 'no') ? 'no' : 'maybe';
}

function negate(match: Match): Match {
  return match === 'yes' ? 'no' : match === 'no' ? 'yes' : 'maybe';
}
