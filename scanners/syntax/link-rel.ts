import type { RequestType } from '../observations.ts';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** The lower-case tokens of a space-separated attribute such as `rel` or `ping`'s URL list. */
export function splitTokens(value: string, lowerCase = true): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= value.length; i++) {
    const end = i === value.length || isSpace(value.charCodeAt(i));
    if (end && start !== -1) {
      tokens.push(lowerCase ? value.slice(start, i).toLowerCase() : value.slice(start, i));
      start = -1;
    } else if (!end && start === -1) {
      start = i;
    }
  }
  return tokens;
}

const REL_TYPES = new Map<string, RequestType>([
  ['stylesheet', 'style'],
  ['icon', 'image'],
  ['apple-touch-icon', 'image'],
  ['apple-touch-icon-precomposed', 'image'],
  ['apple-touch-startup-image', 'image'],
  ['mask-icon', 'image'],
  ['fluid-icon', 'image'],
  ['manifest', 'manifest'],
  ['preconnect', 'preconnect'],
  ['dns-prefetch', 'dns-prefetch'],
  ['preload', 'prefetch'],
  ['modulepreload', 'script'],
  ['prefetch', 'prefetch'],
  ['prerender', 'prefetch'],
  ['compression-dictionary', 'prefetch'],
]);

const AS_TYPES = new Map<string, RequestType>([
  ['script', 'script'],
  ['worker', 'script'],
  ['sharedworker', 'script'],
  ['serviceworker', 'script'],
  ['style', 'style'],
  ['image', 'image'],
  ['font', 'font'],
  ['audio', 'media'],
  ['video', 'media'],
  ['track', 'media'],
  ['fetch', 'fetch'],
  ['document', 'frame'],
  ['iframe', 'frame'],
  ['embed', 'object'],
  ['object', 'object'],
  ['manifest', 'manifest'],
]);

/** The `rel` tokens a marked external link carries: SPEC's `noopener` and `noreferrer`, and `external`. */
export const leavingRel = ['noopener', 'noreferrer', 'external'];

/** SPEC's leaving-site marker on an `<a>`/`<area>`: `data-leaving`, and `rel` holding `noopener` and `noreferrer`. */
export function hasLeavingMarker(dataLeaving: string | undefined, rel: string | undefined): boolean {
  if (dataLeaving === undefined || rel === undefined) return false;
  const tokens = splitTokens(rel);
  return tokens.includes('noopener') && tokens.includes('noreferrer');
}

/**
 * What a `<link>` with this `rel` (and `as`) makes the browser fetch, or undefined for links a
 * browser does not fetch (canonical, alternate, author, next, search …). The first fetching token wins.
 */
export function linkRequestType(rel: string, as: string | undefined): RequestType | undefined {
  for (const token of splitTokens(rel)) {
    const type = REL_TYPES.get(token);
    if (type === undefined) continue;
    if ((token === 'preload' || token === 'prefetch') && as !== undefined)
      return AS_TYPES.get(as.trim().toLowerCase()) ?? type;
    return type;
  }
  return undefined;
}
