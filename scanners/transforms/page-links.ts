import { getAttribute, type TagAttribute } from '../html/tags.ts';
import { resolveUrl } from '../syntax/url.ts';
import { type DocumentUrls, documentUrls, isHttp, type TransformContext } from './context.ts';
import type { LinkTag, PageTags } from './page-tags.ts';

/** A page's link to an http(s) address, as the link transforms read it. */
export interface HttpLink {
  link: LinkTag;
  /** The attribute naming its target: `href`, or the `xlink:href` SVG links may still use. */
  href: TagAttribute;
  /** What the link's relative URLs resolve against. */
  base: string;
  /** Its target, resolved. */
  url: string;
  /** The target is on this site. */
  firstParty: boolean;
}

/**
 * Every link of `page` to an http(s) address, in page order: what marking external links and finding the leaving
 * pages they need both read. Links of a player facade (`<lite-youtube>`) start the player rather than leave the site:
 * left out.
 */
export function* httpLinks(
  page: PageTags,
  context: TransformContext,
  urls: DocumentUrls = documentUrls(context),
): Generator<HttpLink> {
  for (const link of page.links) {
    if (link.inFacade) continue;
    const base = urls.base(link);
    const href = getAttribute(link, 'href') ?? getAttribute(link, 'xlink:href');
    if (!href) continue;
    const resolved = resolveUrl(href.value, base);
    if (!resolved || !isHttp(resolved.url)) continue;
    yield { link, href, base, url: resolved.url, firstParty: context.config.hosts.isFirstParty(resolved.host) };
  }
}
