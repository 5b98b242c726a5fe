import { URLPattern } from 'urlpattern-polyfill/urlpattern';

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
        const where = rule.where;
        found.links.push((url) => matchWhere(where, url, baseUrl) !== 'no');
      }
    }
  }
  return found;
}

/** A document rule predicate (`href_matches`, `selector_matches`, `and`, `or`, `not`) against a link's URL. */
function matchWhere(where: unknown, url: string, baseUrl: string): Match {
  if (!isRecord(where)) return 'maybe';
  if (Array.isArray(where.and)) return all(where.and.map((part) => matchWhere(part, url, baseUrl)));
  if (Array.isArray(where.or)) return any(where.or.map((part) => matchWhere(part, url, baseUrl)));
  if (where.not !== undefined) return negate(matchWhere(where.not, url, baseUrl));
  if (where.href_matches !== undefined) {
    const patterns = Array.isArray(where.href_matches) ? where.href_matches : [where.href_matches];
    return any(patterns.map((pattern) => matchPattern(pattern, url, baseUrl)));
  }
  return 'maybe';
}

function matchPattern(pattern: unknown, url: string, baseUrl: string): Match {
  try {
    if (typeof pattern === 'string') return new URLPattern(pattern, baseUrl).test(url) ? 'yes' : 'no';
    if (isRecord(pattern))
      return new URLPattern({ baseURL: baseUrl, ...(pattern as Record<string, string>) }).test(url) ? 'yes' : 'no';
  } catch {
    // A pattern the polyfill rejects may still be one a browser reads.
  }
  return 'maybe';
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
