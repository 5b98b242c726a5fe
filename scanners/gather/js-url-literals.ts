/** A URL found inside a string. */
export interface UrlInString {
  url: string;
  index: number;
}

// Absolute URLs, or scheme-relative ones that name a dotted host (`//cdn.example/x`), anywhere in a
// string: `'<img src="https://t.example/p.gif">'` holds one. A `//` after a word or a colon is not one.
// WebRTC ICE servers (`stun:stun.example:3478`) have no slashes but are contacted the same way.
const URL_IN_STRING = /\b(?:https?|wss?):\/\/[^\s"'`<>\\^{}|]+|(?<![\w:/])\/\/(?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d+)?\/[^\s"'`<>\\^{}|]*|\b(?:stuns?|turns?):(?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d+)?(?:\?[\w=&]*)?/gi;

// XML namespace names look like URLs but are never fetched; every DOM library carries them.
const NAMESPACE_NAMES = new Set([
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
  'http://www.w3.org/1998/Math/MathML',
]);

const ICE_SERVER = /(?:stun|turn)s?:/i;

/** Cheap test before the full search: whether a string can hold a URL at all. */
export function mayHoldUrl(text: string): boolean {
  return text.includes('//') || ICE_SERVER.test(text);
}

/** Every absolute or scheme-relative URL (or STUN/TURN server) in a string, except XML namespace names. */
export function findUrlsInString(text: string): UrlInString[] {
  if (!mayHoldUrl(text)) return [];
  const found: UrlInString[] = [];
  for (const match of text.matchAll(URL_IN_STRING)) {
    // Trailing punctuation usually ends the sentence, not the URL.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    if (!NAMESPACE_NAMES.has(url)) found.push({ url, index: match.index });
  }
  return found;
}
