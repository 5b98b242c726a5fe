import { type ResolvedUrl, resolveSimpleUrl } from './simple-url.ts';

export type { ResolvedUrl };

/**
 * Resolves a raw attribute or CSS/JS value against `base` the way a browser does: the WHATWG URL parser
 * trims surrounding whitespace and C0 controls and drops tabs and newlines inside, and a
 * scheme-relative `//host/x` takes the base's scheme. Entity decoding happens before, in the parser.
 * Returns undefined where a browser would not fetch anything (empty or unparsable).
 */
export function resolveUrl(raw: string, base: string): ResolvedUrl | undefined {
  const simple = resolveSimpleUrl(raw, base);
  if (simple !== undefined) return simple;
  if (raw.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw, base);
  } catch {
    return undefined;
  }
  const network =
    parsed.protocol === 'http:' ||
    parsed.protocol === 'https:' ||
    parsed.protocol === 'ws:' ||
    parsed.protocol === 'wss:' ||
    parsed.protocol === 'ftp:';
  return { url: parsed.href, host: network ? parsed.hostname.toLowerCase() : '' };
}

const ICE_SERVER = /^(?:stun|turn)s?:(\[[^\]]*\]|[^:?/]+)/i;

/**
 * A WebRTC ICE server in a script (`stun:host:port`, `turns:host?transport=tcp`): ICE gathering contacts that
 * host with the visitor's address. Undefined for anything else. Only scripts reach them; a link to one goes nowhere.
 */
export function resolveIceServer(raw: string): ResolvedUrl | undefined {
  const match = ICE_SERVER.exec(raw.trim());
  return match === null ? undefined : { url: raw.trim(), host: match[1]!.toLowerCase() };
}

/** The page's public URL for a file of the scanned directory (`blog/index.html` → `https://site/blog/index.html`). */
export function pageUrl(site: string, file: string): string {
  return new URL(file.split('/').map(encodeURIComponent).join('/'), site.endsWith('/') ? site : `${site}/`).href;
}
