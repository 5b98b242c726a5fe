import { decodeHTMLAttribute } from 'entities/decode';
import type { RequestType } from '../../observations.ts';

/** A URL found inside a string. */
export interface UrlInString {
  url: string;
  index: number;
}

// Absolute URLs, or scheme-relative ones that name a dotted host (`//cdn.example/x`), anywhere in a
// string. A `//` after a word or a colon is not one. WebRTC ICE servers (`stun:stun.example:3478`) have
// no slashes but are contacted the same way.
const URL_IN_STRING =
  /\b(?:https?|wss?):\/\/[^\s"'`<>\\^{}|]+|(?<![\w:/])\/\/(?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d+)?\/[^\s"'`<>\\^{}|]*|\b(?:stuns?|turns?):(?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d+)?(?:\?[\w=&]*)?/gi;

// XML namespace names look like URLs but are never fetched; every DOM library carries them.
const NAMESPACE_NAMES = new Set([
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
  'http://www.w3.org/1998/Math/MathML',
]);

// Share and intent pages of social networks: a script opens them for the visitor (a share button), never fetches them.
const SHARE_PAGE =
  /^https?:\/\/(?:[a-z0-9-]+\.)*(?:(?:twitter|x)\.com\/(?:intent\/|share\b)|facebook\.com\/(?:sharer|share\.php|dialog\/(?:share|feed)\b)|linkedin\.com\/(?:sharing\/share-offsite|shareArticle|cws\/share)\b|wa\.me\/|(?:api|web)\.whatsapp\.com\/send\b|t(?:elegram)?\.me\/share\b|reddit\.com\/submit\b|pinterest\.[a-z.]+\/pin\/create\b|bsky\.app\/intent\/|threads\.net\/intent\/|tumblr\.com\/(?:widgets\/)?share\b|vk\.com\/share\.php|news\.ycombinator\.com\/submitlink\b)/i;

const ICE_SERVER = /(?:stun|turn)s?:/i;
const ICE_SERVER_URL = /^(?:stun|turn)s?:/i;

// What markup or CSS right before a URL makes the browser fetch it. In a tag: the attribute whose value is
// still open where the URL starts (`srcset="a.png 1x, ` too); `href` fetches only on the tags below.
const OPEN_TAG = /<([a-z][^\s/>]*)[^>]*$/i;
const OPEN_ATTRIBUTE = /([^\s"'<>/=]+)\s*=\s*(?:"[^"]*|'[^']*|)$/;
const FETCHING_ATTRIBUTES: ReadonlySet<string> = new Set([
  'src',
  'srcset',
  'poster',
  'background',
  'data-src',
  'data-srcset',
  'ping',
  'attributionsrc',
]);
// A script-made `<link>` is a stylesheet as a rule (font and CSS loaders); SVG `<image>`, `<feImage>` and `<use>` load
// images.
const HREF_REQUEST_TYPE_BY_TAG: ReadonlyMap<string, RequestType> = new Map<string, RequestType>([
  ['link', 'style'],
  ['image', 'image'],
  ['feimage', 'image'],
  ['use', 'image'],
  ['script', 'script'],
]);
const CSS_URL_BEFORE = /(?:\burl\(\s*|@import\s+)["']?$/i;
// Longer than any start tag up to a URL attribute: beyond it, a `<` is prose, not the tag the URL is in.
const MAX_TAG_LENGTH = 4096;

/**
 * Cheap test before the full search: whether a string can hold a URL at all, written out or as markup with character
 * references.
 */
export function mayHoldUrl(text: string): boolean {
  return mayHoldWrittenUrl(text) || mayHoldEncodedMarkup(text);
}

function mayHoldWrittenUrl(text: string): boolean {
  return text.includes('//') || ICE_SERVER.test(text);
}

function mayHoldEncodedMarkup(text: string): boolean {
  return text.includes('&') && text.includes('<');
}

/** What `href` on this (lower-case) tag fetches (`<link>`, SVG `<image>`, `<use>` …); undefined where it is a link. */
export function hrefRequestType(tag: string): RequestType | undefined {
  return HREF_REQUEST_TYPE_BY_TAG.get(tag);
}

/**
 * The URLs a string may make a browser fetch: a URL the string starts with (the whole string, the head of a
 * concatenation, or a value followed by the rest of its markup), a URL in a fetching attribute of markup
 * (`<img src="…">`, not `<a href="…">`) or in CSS (`url(…)`, `@import`) — with the character references
 * markup decodes (`src="https:&#x2F;&#x2F;…"`) — and STUN/TURN servers anywhere. A URL further into prose,
 * a link or JSON is only mentioned, and a social network's share page (`https://twitter.com/intent/tweet?…`) is
 * only opened. XML namespace names are never fetched.
 */
export function findRequestedUrls(text: string): UrlInString[] {
  const written = mayHoldWrittenUrl(text) ? urlsIn(text, true) : [];
  const decoded = mayHoldEncodedMarkup(text) ? decodeHTMLAttribute(text) : text;
  if (decoded === text || !mayHoldWrittenUrl(decoded)) return written;
  const inMarkup = urlsIn(decoded, false);
  // `https&colon;//t.example/x` reads as `//t.example/x` before decoding: keep the decoded reading only.
  return [...written.filter(({ url }) => !inMarkup.some((hit) => hit.url.endsWith(url))), ...inMarkup];
}

/**
 * The URLs in `text` the browser fetches; `fromStart`: whether one the string starts with counts (not in decoded
 * markup, where the string itself is not a URL).
 */
function urlsIn(text: string, fromStart: boolean): UrlInString[] {
  const found: UrlInString[] = [];
  const start = fromStart ? text.length - text.trimStart().length : -1;
  for (const match of text.matchAll(URL_IN_STRING)) {
    if (match.index === start) {
      // A share page a string starts with is where a share button sends the visitor.
      if (SHARE_PAGE.test(match[0])) continue;
    } else if (!ICE_SERVER_URL.test(match[0]) && !isFetchedFrom(text, match.index)) continue;
    // Trailing punctuation usually ends the sentence, not the URL.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    if (!NAMESPACE_NAMES.has(url)) found.push({ url, index: match.index });
  }
  return found;
}

/** Whether the markup or CSS right before `index` in a string is a place the browser fetches a URL from. */
function isFetchedFrom(text: string, index: number): boolean {
  if (CSS_URL_BEFORE.test(text.slice(Math.max(0, index - 16), index))) return true;
  const tagStart = text.lastIndexOf('<', index - 1);
  if (tagStart === -1 || index - tagStart > MAX_TAG_LENGTH) return false;
  const tag = OPEN_TAG.exec(text.slice(tagStart, index));
  const attribute = tag && OPEN_ATTRIBUTE.exec(tag[0]);
  if (!tag || !attribute) return false;
  const tagName = tag[1]!.toLowerCase();
  const name = attribute[1]!.toLowerCase();
  if (name === 'href' || name === 'xlink:href') return hrefRequestType(tagName) !== undefined;
  return FETCHING_ATTRIBUTES.has(name) || (name === 'data' && tagName === 'object');
}
