import { isRecord, parseJson } from './script-json.ts';

/** `${name}` in an amp-analytics request template: another request, a variable or a runtime value. */
const REFERENCE = /\$\{([^}]*)\}/g;
/** How deep one request may build on another (`pageview` → `base` → `host`); deeper chains are cycles. */
const MAX_EXPANSION = 8;

/** A request as the config writes it: a template string, or an object with a `baseUrl`. */
function template(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.baseUrl === 'string' ? value.baseUrl : undefined;
}

/**
 * Where an `<amp-analytics>` config (its inline `<script type="application/json">`) has the AMP runtime send
 * beacons: every `requests` template with the other requests it names (`${host}`, `${base}`) filled in, resolved
 * against `requestOrigin` when one is set. A template whose host is still a variable is left out: nothing tells
 * where it goes.
 */
export function ampAnalyticsUrls(text: string): string[] {
  const config = parseJson(text);
  if (!isRecord(config) || !isRecord(config.requests)) return [];
  const templates = new Map<string, string>();
  for (const [name, value] of Object.entries(config.requests)) {
    const written = template(value);
    if (written !== undefined) templates.set(name, written);
  }
  const expand = (text: string, depth: number): string =>
    depth >= MAX_EXPANSION
      ? text
      : text.replace(REFERENCE, (reference, name: string) => {
          const named = templates.get(name.trim());
          return named === undefined ? reference : expand(named, depth + 1);
        });
  const origin = typeof config.requestOrigin === 'string' ? config.requestOrigin.replace(/\/+$/, '') : undefined;
  const urls = new Set<string>();
  for (const written of templates.values()) {
    const url = expand(written, 0).trim();
    const absolute = /^(?:https?:)?\/\//i.test(url)
      ? url
      : origin !== undefined && url.startsWith('/')
        ? origin + url
        : '';
    const authority = /^(?:https?:)?\/\/([^/?#]*)/i.exec(absolute)?.[1];
    if (authority !== undefined && authority !== '' && !authority.includes('$')) urls.add(absolute);
  }
  return [...urls];
}
