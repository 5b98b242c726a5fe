import type { ResolvedConfig } from '../config/load.ts';
import { readingBaseUrl } from '../html/base.ts';
import type { HtmlReading, StartTag } from '../html/tags.ts';
import { pageUrl } from '../syntax/url.ts';
import type { SiteStyles } from './theme-styles.ts';

/** The file a transform edits and the config it follows. */
export interface TransformContext {
  /** Relative to the built directory, `/` separators. */
  file: string;
  config: ResolvedConfig;
  /** The site's stylesheets, read once for all pages; without it only the page's own `<style>` elements are read. */
  styles?: SiteStyles;
}

/** The page's own URL, and what a tag's relative URLs resolve against: its reading's base, as the check reads it. */
export interface DocumentUrls {
  page: string;
  base(tag: StartTag): string;
}

export function documentUrls(context: TransformContext): DocumentUrls {
  const page = pageUrl(context.config.site, context.file);
  const bases = new Map<HtmlReading, string>();
  const base = ({ reading }: StartTag) => {
    const known = bases.get(reading);
    if (known !== undefined) return known;
    const url = readingBaseUrl(reading, page);
    bases.set(reading, url);
    return url;
  };
  return { page, base };
}

/** Is `url` an http(s) URL? */
export function isHttp(url: string): boolean {
  return url.startsWith('https:') || url.startsWith('http:');
}
