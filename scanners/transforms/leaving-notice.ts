import { getAttribute, type StartTag } from '../html/tags.ts';
import { allowsInline, cspHash, elementDirective, formatCsp, parseCsp } from '../syntax/http/csp.ts';
import type { SelectorElement } from '../syntax/css/selector.ts';
import { leavingRel, splitTokens } from '../syntax/link-rel.ts';
import { appendToAttributeValue, replaceAttributeValue } from './attribute-edits.ts';
import type { LinkTag, PageTags } from './page-tags.ts';
import type { Edit } from '../html/splice.ts';
import { ownHiddenClass, ownHiddenStyle, type ThemeStyles } from './theme-styles.ts';

/** What a screen reader says after the link's name. */
export const leavingWords = ' (leaves this site)';

/** The visible mark, hidden from screen readers, which hear {@link leavingWords} instead. */
export const leavingMark = '<span class="leaving-mark" aria-hidden="true">↗</span>';

/**
 * The leaving-site notice of src/components/ExternalLink.astro: the mark and the words in the starter's hidden-text
 * class. `nospy fix` writes it with the theme's own class, or with nospy's.
 */
export const leavingNotice = `${leavingMark}${hiddenWords('visually-hidden')}`;

function hiddenWords(hiddenClass: string): string {
  return `<span class="${hiddenClass}">${leavingWords}</span>`;
}

/** The link as the theme's CSS will see it once marked: with `data-leaving` and `rel="… external"`. */
function markedElement(link: LinkTag): SelectorElement {
  const rel = splitTokens(link.attributes.rel ?? '');
  const tokens = [...rel, ...leavingRel.filter((token) => !rel.includes(token))];
  return { name: link.name, attributes: { ...link.attributes, rel: tokens.join(' '), 'data-leaving': '' } };
}

/**
 * The edits that tell visitors an `<a>` leaves the site, fitted to the theme: the words go in its `aria-label` when
 * it has one (a label replaces the content for screen readers), else in a span of the theme's hidden-text class
 * (nospy's when the theme has none: `usesOwnClass` is then set). The ↗ is left out where it would not fit or would
 * be doubled: a link with no text (an icon or an image), one of fixed size, one with the theme's own icon.
 */
export function noticeEdits(
  text: string,
  link: LinkTag & { closeStart: number },
  theme: ThemeStyles,
): { edits: Edit[]; usesOwnClass: boolean } {
  const element = markedElement(link);
  const visible =
    link.hasText &&
    !link.hasThemeIcon &&
    !theme.fixesSize(element, link.ancestors) &&
    !theme.drawsIcon(element, link.ancestors);
  const label = getAttribute(link, 'aria-label');
  const edits: Edit[] = [];
  let usesOwnClass = false;
  let markup = visible ? leavingMark : '';
  if (label && label.value.trim() !== '') {
    edits.push(appendToAttributeValue(text, label, leavingWords.trim()));
  } else {
    // nospy's class already on the page (from an earlier run) counts as the theme's: its rule is there.
    const hiddenClass = theme.hiddenClass();
    usesOwnClass = hiddenClass === undefined;
    markup += hiddenWords(hiddenClass ?? ownHiddenClass);
  }
  if (markup !== '') edits.push({ start: link.closeStart, end: link.closeStart, text: markup });
  return { edits, usesOwnClass };
}

/**
 * The edits that bring nospy's hidden-text rule into a page: one `<style>` before `</head>` (or before the first
 * link that needs it), and its hash in each `<meta http-equiv="content-security-policy">` whose style policy
 * would otherwise block it, since browsers enforce the meta policy beside the header.
 */
export function ownStyleEdits(text: string, page: PageTags, firstUse: StartTag): Edit[] {
  const at = page.headEnd ?? firstUse.start;
  const edits: Edit[] = [{ start: at, end: at, text: `<style>${ownHiddenStyle}</style>` }];
  const hash = cspHash(ownHiddenStyle);
  for (const meta of page.cspMetas) {
    const content = getAttribute(meta, 'content');
    if (!content) continue;
    const policy = parseCsp(content.value);
    const directive = elementDirective(policy, 'style');
    if (directive === undefined || allowsInline(policy.get(directive)!, hash)) continue;
    // A default-src fallback stays as it is; a style-src of the same sources plus the hash governs styles instead.
    if (directive === 'default-src') policy.set('style-src', [...policy.get(directive)!, hash]);
    else policy.get(directive)!.push(hash);
    edits.push(replaceAttributeValue(text, content, formatCsp(policy)));
  }
  return edits;
}
