import { resolveUrl } from '../syntax/url.ts';
import type { HtmlReading } from './tags.ts';

const HTTP_URL = /^https?:/;

/**
 * The URL a `<base href>` makes the document's base, resolved against `url` (where the document's URLs resolved
 * until then); undefined for one Chromium passes over to the next (data:, javascript:, unparsable).
 */
export function acceptBase(href: string, url: string): string | undefined {
  const resolved = resolveUrl(href, url)?.url;
  return resolved !== undefined && HTTP_URL.test(resolved) ? resolved : undefined;
}

/**
 * What a reading's links and forms resolve against once it is read: its first base a browser takes, resolved
 * against where it started — the page's URL, or for a nested reading the base its parent had reached by then.
 */
export function readingBaseUrl(reading: HtmlReading, pageUrl: string): string {
  return baseAfter(reading, reading.baseHrefs.length, pageUrl);
}

function baseAfter(reading: HtmlReading, baseHrefs: number, pageUrl: string): string {
  const { parent } = reading;
  const start = parent === undefined ? pageUrl : baseAfter(parent.reading, parent.baseHrefsBefore, pageUrl);
  for (let index = 0; index < baseHrefs; index++) {
    const url = acceptBase(reading.baseHrefs[index]!, start);
    if (url !== undefined) return url;
  }
  return start;
}
