/** A URL as a browser would fetch it. */
export interface ResolvedUrl {
  url: string;
  /** Lower-case host name without port; '' for schemes that reach no host (data:, javascript:, mailto: …). */
  host: string;
}

/** Characters the URL parser copies unchanged into a path, query or fragment of an http(s) URL. */
const KEPT = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&()*+,;=:@/')
  KEPT[c.charCodeAt(0)] = 1;

const SLASH = 0x2f;
const DOT = 0x2e;
const QUESTION = 0x3f;
const HASH = 0x23;

/**
 * Checks `raw` from `start` on: only kept characters, and no `.`/`..` path segment (which the
 * parser would collapse). Returns false whenever the full parser might change a character.
 */
function isVerbatim(raw: string, start: number): boolean {
  let inPath = true;
  let segmentStart = start;
  for (let i = start; i <= raw.length; i++) {
    const c = i === raw.length ? SLASH : raw.charCodeAt(i);
    if (inPath && (c === SLASH || c === QUESTION || c === HASH)) {
      const length = i - segmentStart;
      if (
        (length === 1 || length === 2) &&
        raw.charCodeAt(segmentStart) === DOT &&
        (length === 1 || raw.charCodeAt(segmentStart + 1) === DOT)
      )
        return false;
      segmentStart = i + 1;
      if (c !== SLASH) inPath = false;
      continue;
    }
    if (i === raw.length) break;
    if (KEPT[c] !== 1) {
      if (!inPath && (c === QUESTION || c === HASH)) continue;
      return false;
    }
  }
  return true;
}

/** `a-z0-9-` labels separated by single dots, not ending like an IPv4 address: the parser keeps it as is. */
function isPlainHost(raw: string, start: number, end: number): boolean {
  if (end === start || raw.charCodeAt(start) === DOT || raw.charCodeAt(end - 1) === DOT) return false;
  let lastLabel = start;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c === DOT) {
      if (raw.charCodeAt(i - 1) === DOT) return false;
      lastLabel = i + 1;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) {
      return false;
    }
  }
  // A numeric or hex last label makes an IPv4 address; xn-- labels need punycode validation.
  const first = raw.charCodeAt(lastLabel);
  return !(first >= 0x30 && first <= 0x39) && !raw.includes('xn--', start);
}

interface Base {
  href: string;
  /** The base without its fragment: what a `#fragment` link replaces the fragment of. */
  document: string;
  origin: string;
  directory: string;
  host: string;
}

let lastBase: Base | undefined;

function parseBase(base: string): Base | undefined {
  if (lastBase?.href === base) return lastBase;
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const path = parsed.pathname;
  const fragment = parsed.href.indexOf('#');
  lastBase = {
    href: base,
    document: fragment === -1 ? parsed.href : parsed.href.slice(0, fragment),
    origin: parsed.origin,
    directory: parsed.origin + path.slice(0, path.lastIndexOf('/') + 1),
    host: parsed.hostname,
  };
  return lastBase;
}

/** `#fragment` of kept characters (and `?`, `#`), which the parser copies into the fragment as they are. */
function isVerbatimFragment(raw: string): boolean {
  for (let i = 1; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (KEPT[c] !== 1 && c !== QUESTION && c !== HASH) return false;
  }
  return true;
}

/**
 * Resolves the common shapes of http(s) URL — `https://host/path`, `/path`, `path`, `#fragment` — by string
 * concatenation when the WHATWG parser would produce exactly that string, and returns undefined
 * for anything else (the caller then runs the full parser). It keeps large pages fast.
 */
export function resolveSimpleUrl(raw: string, base: string): ResolvedUrl | undefined {
  const first = raw.charCodeAt(0);
  if (first === 0x68 && (raw.startsWith('https://') || raw.startsWith('http://'))) {
    const hostStart = raw.charCodeAt(4) === 0x73 ? 8 : 7;
    let hostEnd = raw.indexOf('/', hostStart);
    if (hostEnd === -1) hostEnd = raw.length;
    if (!isPlainHost(raw, hostStart, hostEnd) || !isVerbatim(raw, hostEnd)) return undefined;
    const url = hostEnd === raw.length ? `${raw}/` : raw;
    return { url, host: raw.slice(hostStart, hostEnd) };
  }
  if (first === SLASH) {
    if (raw.charCodeAt(1) === SLASH || !isVerbatim(raw, 0)) return undefined;
    const parsed = parseBase(base);
    return parsed && { url: parsed.origin + raw, host: parsed.host };
  }
  if (first === HASH) {
    const parsed = isVerbatimFragment(raw) ? parseBase(base) : undefined;
    return parsed && { url: parsed.document + raw, host: parsed.host };
  }
  if (KEPT[first] !== 1 || first === DOT || raw.includes(':') || !isVerbatim(raw, 0)) return undefined;
  const parsed = parseBase(base);
  return parsed && { url: parsed.directory + raw, host: parsed.host };
}
