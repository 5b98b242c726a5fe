import type { ResolvedConfig } from '../config/load.ts';
import { pageUrl, resolveUrl } from '../gather/url.ts';
import type { PageTags } from './page-tags.ts';

/** The file a transform edits and the config it follows. */
export interface TransformContext {
  /** Relative to the built directory, `/` separators. */
  file: string;
  config: ResolvedConfig;
}

/** The page's own URL and what its relative URLs resolve against (`<base href>` when it has a usable one). */
export function documentUrls(page: PageTags, context: TransformContext): { page: string; base: string } {
  const url = pageUrl(context.config.site, context.file);
  const base = page.baseHref === undefined ? undefined : resolveUrl(page.baseHref, url);
  // Browsers ignore a base that is not a network URL (data:, javascript:) and keep the page's own.
  return { page: url, base: base && /^https?:/.test(base.url) ? base.url : url };
}

/** Is `url` an http(s) URL? */
export function isHttp(url: string): boolean {
  return url.startsWith('https:') || url.startsWith('http:');
}
