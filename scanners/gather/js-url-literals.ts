/** A URL found inside a string. */
export interface UrlInString {
  url: string;
  index: number;
}

// Absolute URLs, or scheme-relative ones that name a dotted host (`//cdn.example/x`), anywhere in a
// string: `'<img src="https://t.example/p.gif">'` holds one. A `//` after a word or a colon is not one.
const URL_IN_STRING = /\b(?:https?|wss?):\/\/[^\s"'`<>\\^{}|]+|(?<![\w:/])\/\/(?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d+)?\/[^\s"'`<>\\^{}|]*/gi;

// XML namespace names look like URLs but are never fetched; every DOM library carries them.
const NAMESPACE_NAMES = new Set([
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
  'http://www.w3.org/1998/Math/MathML',
]);

/** Every absolute or scheme-relative URL in a string, except XML namespace names. */
export function findUrlsInString(text: string): UrlInString[] {
  if (!text.includes('//')) return [];
  const found: UrlInString[] = [];
  for (const match of text.matchAll(URL_IN_STRING)) {
    // Trailing punctuation usually ends the sentence, not the URL.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    if (!NAMESPACE_NAMES.has(url)) found.push({ url, index: match.index });
  }
  return found;
}
