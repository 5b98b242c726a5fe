/** The value of a JSON text, or undefined when it does not parse. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

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

/** What a `<script type="speculationrules">` makes the browser fetch before any click. */
export interface SpeculationRules {
  /** The URLs its list rules name. */
  urls: string[];
  /**
   * The links on the page its document rules pick at load or on hover (any eagerness but `conservative`, which
   * waits for a pointerdown): every link, or only links to these hosts when each rule is a plain `href_matches`.
   */
  links: { any: boolean; hosts: string[] };
}

/** An absolute URL pattern whose host is written out: `https://partner.test/*`. */
const LEADING_HOST_PATTERN = /^https?:\/\/([a-z0-9.-]+)(?::\d+)?(?:[/?#]|$)/i;

/**
 * The hosts a document rule's `where` limits it to, or undefined when it may pick any link (selectors, and/or/not,
 * other patterns).
 */
function whereHosts(where: unknown): string[] | undefined {
  if (!isRecord(where) || !Object.keys(where).every((key) => key === 'href_matches' || key === 'relative_to'))
    return undefined;
  const patterns = Array.isArray(where.href_matches) ? where.href_matches : [where.href_matches];
  const hosts: string[] = [];
  for (const pattern of patterns) {
    const host = typeof pattern === 'string' ? LEADING_HOST_PATTERN.exec(pattern)?.[1] : undefined;
    if (host === undefined) return undefined;
    hosts.push(host.toLowerCase());
  }
  return hosts;
}

/** The list rule URLs and eager document rules of a `<script type="speculationrules">`. */
export function speculationRules(text: string): SpeculationRules {
  const found: SpeculationRules = { urls: [], links: { any: false, hosts: [] } };
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
      const hosts = whereHosts(rule.where);
      if (hosts === undefined) found.links.any = true;
      else found.links.hosts.push(...hosts);
    }
  }
  return found;
}
