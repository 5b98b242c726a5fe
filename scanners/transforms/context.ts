import type { ResolvedConfig } from '../config/load.ts';
import { pageUrl, resolveUrl } from '../syntax/url.ts';
import type { PageTags } from './page-tags.ts';

/** The file a transform edits and the config it follows. */
export interface TransformContext {
  /** Relative to the built directory, `/` separators. */
  file: string;
  config: ResolvedConfig;
}

/**
 * The page's own URL and what its relative URLs resolve against: the first usable `<base href>`, as the check reads it.
 */
export function documentUrls(page: PageTags, context: TransformContext): { page: string; base: string } {
  const url = pageUrl(context.config.site, context.file);
  // Browsers pass over a base that is not a network URL (data:, javascript:, unparsable) to the next one.
  const base = page.baseHrefs
    .map((href) => resolveUrl(href, url)?.url)
    .find((resolved) => resolved !== undefined && isHttp(resolved));
  return { page: url, base: base ?? url };
}

/** Is `url` an http(s) URL? */
export function isHttp(url: string): boolean {
  return url.startsWith('https:') || url.startsWith('http:');
}
