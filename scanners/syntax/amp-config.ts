import { isRecord, parseJson } from './script-json.ts';

/** `${name}` in an amp-analytics request template: another request, a variable or a runtime value. */
const REFERENCE = /\$\{([^}]*)\}/g;
/** How deep one request may build on another (`pageview` → `base` → `host`); deeper chains are cycles. */
const MAX_EXPANSION = 8;
const ABSOLUTE = /^(?:https?:)?\/\/([^/?#]*)/i;

/** A request as the config writes it: a template string, or an object with a `baseUrl`. */
function template(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.baseUrl === 'string' ? value.baseUrl : undefined;
}

/** An absolute or scheme-relative URL whose host is written out (not a `${variable}`), else undefined. */
function withKnownHost(url: string): string | undefined {
  const authority = ABSOLUTE.exec(url)?.[1];
  return authority !== undefined && authority !== '' && !authority.includes('$') ? url : undefined;
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
    const absolute = withKnownHost(
      origin !== undefined && url.startsWith('/') && !url.startsWith('//') ? origin + url : url,
    );
    if (absolute !== undefined) urls.add(absolute);
  }
  return [...urls];
}

/** A URL a config names under `key`, which says what the runtime does with it. */
export interface AmpConfigUrl {
  key: string;
  url: string;
}

/** The string values of `keys` in `objects`, as AmpConfigUrls with a known host. */
function urlsUnder(objects: unknown[], keys: readonly string[]): AmpConfigUrl[] {
  const found: AmpConfigUrl[] = [];
  for (const object of objects) {
    if (!isRecord(object)) continue;
    for (const key of keys) {
      const value = object[key];
      const url = typeof value === 'string' ? withKnownHost(value.trim()) : undefined;
      if (url !== undefined) found.push({ key, url });
    }
  }
  return found;
}

/**
 * What an `<amp-consent>` config makes the runtime contact: `checkConsentHref` (a POST asking whether to show the
 * prompt) and `promptUISrc` (the consent provider's prompt in a frame), at the top level or per consent instance.
 */
export function ampConsentUrls(text: string): AmpConfigUrl[] {
  const config = parseJson(text);
  if (!isRecord(config)) return [];
  const instances = isRecord(config.consents) ? Object.values(config.consents) : [];
  return urlsUnder([config, ...instances], ['checkConsentHref', 'promptUISrc']);
}

/**
 * What a `<script id="amp-access">` config makes the runtime fetch with the reader's ID on every page view: each
 * provider's `authorization` and `pingback` (one provider, or a list of them).
 */
export function ampAccessUrls(text: string): AmpConfigUrl[] {
  const config = parseJson(text);
  return urlsUnder(Array.isArray(config) ? config : [config], ['authorization', 'pingback']);
}
