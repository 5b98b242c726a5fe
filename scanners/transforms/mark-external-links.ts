import { leavingPageFile, leavingPagePath } from '../syntax/leaving-page.ts';
import { hasLeavingMarker, splitTokens } from '../syntax/link-rel.ts';
import { resolveUrl } from '../syntax/url.ts';
import { fileType } from '../walk.ts';
import { appendToAttributeValue, escapeAttribute, insertAttributes, replaceAttributeValue } from './attribute-edits.ts';
import { documentUrls, isHttp, type TransformContext } from './context.ts';
import { getAttribute, type TagAttribute } from '../html/tags.ts';
import { keepDestination } from './leaving-pages.ts';
import { readPageTags, type LinkTag, type PageTags } from './page-tags.ts';
import { applyEdits, type Edit } from './splice.ts';

/**
 * The visible leaving-site notice; the same markup as src/components/ExternalLink.astro, so one stylesheet serves both.
 */
export const leavingNotice =
  '<span class="leaving-mark" aria-hidden="true">↗</span><span class="visually-hidden"> (leaves this site)</span>';

const relTokens = ['noopener', 'noreferrer', 'external'];

/** SPEC's marker, read exactly as the check reads it. */
export function isMarked(link: LinkTag): boolean {
  return hasLeavingMarker(getAttribute(link, 'data-leaving')?.value, getAttribute(link, 'rel')?.value);
}

function leavingHref(url: string, base: string, context: TransformContext): string {
  const target = leavingPagePath(url, context.config.externalLinks.leavingPage);
  // Behind a `<base href>` on another host, a bare path would leave the site.
  const site = new URL(context.config.site);
  return new URL(base).origin === site.origin ? target : new URL(target, site).href;
}

/** The edits that mark one external link (and, in interstitial mode, send it through the leaving page). */
function markLink(
  text: string,
  link: LinkTag,
  href: TagAttribute,
  url: string,
  base: string,
  context: TransformContext,
): Edit[] {
  const edits: Edit[] = [];
  const added: string[] = [];
  const { mode, leavingPage } = context.config.externalLinks;
  // A leaving page's own continue link is the way off the site it announces.
  if (mode === 'interstitial' && context.file !== leavingPageFile(url, leavingPage)) {
    edits.push(replaceAttributeValue(text, href, leavingHref(url, base, context)), ...keepDestination(text, link, url));
  }
  if (isMarked(link)) return edits;

  // `=""` keeps the page well-formed if it is served as XHTML.
  if (getAttribute(link, 'data-leaving') === undefined) added.push('data-leaving=""');
  const rel = getAttribute(link, 'rel');
  const present = splitTokens(rel?.value ?? '');
  const missing = relTokens.filter((token) => !present.includes(token));
  if (rel && missing.length > 0) edits.push(appendToAttributeValue(text, rel, missing.join(' ')));
  else if (!rel) added.push(`rel="${escapeAttribute(missing.join(' '))}"`);
  if (added.length > 0) edits.push(insertAttributes(text, link, added.join(' ')));

  const inline = context.config.externalLinks.mode === 'inline';
  // An HTML notice has no place in a drawing: inside `<svg>`, or anywhere in an SVG file.
  const inHtml = !link.insideSvgOrMath && fileType(context.file) !== 'svg';
  if (inline && link.name === 'a' && link.closeStart !== undefined && !link.hasLeavingMark && inHtml) {
    edits.push({ start: link.closeStart, end: link.closeStart, text: leavingNotice });
  }
  return edits;
}

/** Plans the edits that mark every link to a host that is not this site. */
export function planExternalLinks(text: string, page: PageTags, context: TransformContext): Edit[] {
  const urls = documentUrls(context);
  return page.links.flatMap((link) => {
    const base = urls.base(link);
    // SVG links may still name their target the old way.
    const href = getAttribute(link, 'href') ?? getAttribute(link, 'xlink:href');
    if (!href) return [];
    const resolved = resolveUrl(href.value, base);
    if (!resolved || !isHttp(resolved.url) || context.config.hosts.isFirstParty(resolved.host)) return [];
    return markLink(text, link, href, resolved.url, base, context);
  });
}

/**
 * Marks external links in one HTML or SVG file: `data-leaving`, `rel="noopener noreferrer external"` and the notice.
 */
export function markExternalLinks(text: string, context: TransformContext): string {
  return applyEdits(text, planExternalLinks(text, readPageTags(text), context));
}
