import { leavingPageFile, leavingPagePath } from '../syntax/leaving-page.ts';
import { hasLeavingMarker, leavingRel, splitTokens } from '../syntax/link-rel.ts';
import { resolveUrl } from '../syntax/url.ts';
import { fileType } from '../walk.ts';
import { appendToAttributeValue, escapeAttribute, insertAttributes, replaceAttributeValue } from './attribute-edits.ts';
import { type DocumentUrls, documentUrls, isHttp, type TransformContext } from './context.ts';
import { getAttribute, type TagAttribute } from '../html/tags.ts';
import { keepDestination } from './leaving-pages.ts';
import { noticeEdits, ownStyleEdits } from './leaving-notice.ts';
import { httpLinks } from './page-links.ts';
import { readPageTags, type LinkTag, type PageTags } from './page-tags.ts';
import { applyEdits, type Edit } from '../html/splice.ts';
import { createSiteStyles, ownHiddenStyle, type SheetFacts, type ThemeStyles } from './theme-styles.ts';

export { leavingNotice } from './leaving-notice.ts';

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
  theme: () => ThemeStyles,
): { edits: Edit[]; usesOwnClass: boolean } {
  const edits: Edit[] = [];
  const added: string[] = [];
  const { mode, leavingPage } = context.config.externalLinks;
  // A leaving page's own continue link is the way off the site it announces.
  if (mode === 'interstitial' && context.file !== leavingPageFile(url, leavingPage)) {
    edits.push(replaceAttributeValue(text, href, leavingHref(url, base, context)), ...keepDestination(text, link, url));
  }
  if (isMarked(link)) return { edits, usesOwnClass: false };

  // `=""` keeps the page well-formed if it is served as XHTML.
  if (getAttribute(link, 'data-leaving') === undefined) added.push('data-leaving=""');
  const rel = getAttribute(link, 'rel');
  const present = splitTokens(rel?.value ?? '');
  const missing = leavingRel.filter((token) => !present.includes(token));
  if (rel && missing.length > 0) edits.push(appendToAttributeValue(text, rel, missing.join(' ')));
  else if (!rel) added.push(`rel="${escapeAttribute(missing.join(' '))}"`);
  if (added.length > 0) edits.push(insertAttributes(text, link, added.join(' ')));

  // The notice in both modes, as ExternalLink writes it: in interstitial mode the ↗ tells the visitor before the click.
  // An HTML notice has no place in a drawing: inside `<svg>`, or anywhere in an SVG file.
  const inHtml = !link.insideSvgOrMath && fileType(context.file) !== 'svg';
  const { closeStart } = link;
  if (link.name === 'a' && closeStart !== undefined && !link.hasLeavingMark && inHtml) {
    const notice = noticeEdits(text, { ...link, closeStart }, theme());
    return { edits: [...edits, ...notice.edits], usesOwnClass: notice.usesOwnClass };
  }
  return { edits, usesOwnClass: false };
}

/** The theme's styles this page loads: its `<style>` elements and the site's own stylesheets it links. */
function pageTheme(page: PageTags, context: TransformContext, urls: DocumentUrls): ThemeStyles {
  const { styles = createSiteStyles(), config } = context;
  return styles.theme(
    page.sheets.flatMap((sheet): SheetFacts[] => {
      if ('text' in sheet) return [styles.inline(sheet.text)];
      const resolved = resolveUrl(sheet.href, urls.base(sheet.tag));
      if (!resolved || !isHttp(resolved.url) || !config.hosts.isFirstParty(resolved.host)) return [];
      const facts = styles.linked(resolved.url);
      return facts ? [facts] : [];
    }),
  );
}

/** What marking a page's external links takes: its edits, and the inline styles they add (the CSP must allow them). */
export interface LinkPlan {
  edits: Edit[];
  addedStyles: string[];
}

/**
 * Plans the edits that mark every link to a host that is not this site. Links of a player facade (`<lite-youtube>`)
 * start the player rather than leave the site: left alone.
 */
export function planExternalLinks(text: string, page: PageTags, context: TransformContext): LinkPlan {
  const urls = documentUrls(context);
  let theme: ThemeStyles | undefined;
  const themeOf = () => (theme ??= pageTheme(page, context, urls));
  const edits: Edit[] = [];
  let firstOwn: LinkTag | undefined;
  for (const { link, href, base, url, firstParty } of httpLinks(page, context, urls)) {
    if (firstParty) continue;
    const marked = markLink(text, link, href, url, base, context, themeOf);
    edits.push(...marked.edits);
    if (marked.usesOwnClass) firstOwn ??= link;
  }
  if (!firstOwn) return { edits, addedStyles: [] };
  return { edits: [...edits, ...ownStyleEdits(text, page, firstOwn)], addedStyles: [ownHiddenStyle] };
}

/**
 * Marks external links in one HTML or SVG file: `data-leaving`, `rel="noopener noreferrer external"` and the notice.
 */
export function markExternalLinks(text: string, context: TransformContext): string {
  return applyEdits(text, planExternalLinks(text, readPageTags(text), context).edits);
}
