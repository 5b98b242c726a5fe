import { asBrowserSees, readHtml, type HtmlHandler } from '../html/reader.ts';
import { hiddenClassNames } from './theme-styles.ts';
import type { StartTag } from '../html/tags.ts';
import type { SelectorElement } from '../syntax/css/selector.ts';
import { isPlayerFacade } from '../syntax/facade.ts';
import { isSubmitButton } from '../syntax/form-fields.ts';
import { splitTokens } from '../syntax/link-rel.ts';
import { scriptKind, type ScriptKind } from '../syntax/script-type.ts';

/** An `<a>` or `<area>`. */
export interface LinkTag extends StartTag {
  /** Offset of the `<` of its written `</a>`; undefined when the parser closed it implicitly. */
  closeStart?: number;
  /** Contains an element of class `leaving-mark`: the visible leaving-site notice is already there. */
  hasLeavingMark: boolean;
  /** Holds text a visitor sees (outside SVG and MathML), not only an icon or an image. */
  hasText: boolean;
  /** Holds the theme's own external-link icon (`fa-external-link`, `icon-external`, a ↗ in its text). */
  hasThemeIcon: boolean;
  /** Sits in a player facade (`<lite-youtube>`), whose script turns a click into the player. */
  inFacade: boolean;
  /** The elements open around it, outermost first, as CSS selectors see them. */
  ancestors: SelectorElement[];
}

/** A stylesheet that applies to the page on screen: a same-document `<style>`, or a `<link rel=stylesheet>`. */
export type PageSheet = { text: string } | { href: string; tag: StartTag };

/** What the build transforms need from one HTML file, read in a single pass of the HTML reader. */
export interface PageTags {
  /**
   * Links, forms the browser builds and submit buttons, of the page and of the markup its templates hold and its
   * noscripts show with scripting on (offsets into the page). Each tag's reading gives the base it resolves against.
   */
  links: LinkTag[];
  forms: StartTag[];
  submitters: StartTag[];
  /** Texts of inline scripts a browser would run, as the browser sees them (newlines normalised). */
  inlineScripts: string[];
  /** Texts of `<style>` elements, as the browser sees them. */
  inlineStyles: string[];
  /** Values of `style=""` attributes, decoded. */
  styleAttributes: string[];
  /** The page's stylesheets that apply on screen, in document order. */
  sheets: PageSheet[];
  /**
   * `<meta http-equiv="content-security-policy">` tags of the page, which browsers enforce beside the header; nospy's
   * own (`nospyCspMeta`) left out.
   */
  cspMetas: StartTag[];
  /** The meta policy an earlier `nospy fix` wrote into the page (marked with {@link nospyCspAttribute}). */
  nospyCspMeta?: StartTag;
  /**
   * Where a meta policy governs every inline script and style of the page: after a `<meta charset>` that comes before
   * them (the charset must stay in the first 1,024 bytes), else just inside the written `<head>`, else before the
   * first element (a `<meta>` there lands in the implied head).
   */
  cspMetaSlot: number;
  /** Offset of the `<` of the page's written `</head>`. */
  headEnd?: number;
}

/** Class names themes give their own external-link icon, and the arrows they write as text. */
const THEME_ICON_CLASS = /external|arrow-up-right|arrow-top-right|new-window|open-in-new/i;
const THEME_ICON_TEXT = /[\u2197\u29c9\u{1f855}]/u;

/** A `media` attribute under which a stylesheet applies on a screen. */
function appliesOnScreen(media: string | undefined): boolean {
  return media === undefined || /^\s*(?:all|screen|)\s*$/i.test(media);
}

function isUnseen({ name, attributes }: SelectorElement): boolean {
  return (
    name === 'svg' || name === 'math' || splitTokens(attributes.class ?? '').some((c) => hiddenClassNames.includes(c))
  );
}

function isLiveInPage(tag: StartTag): boolean {
  return tag.reading.kind === 'document' && !tag.inTemplate && !tag.inNoscript && !tag.foreign;
}

const executableKinds = new Set<ScriptKind>(['classic', 'module', 'importmap', 'speculationrules']);

function isInlineExecutableScript(attributes: Record<string, string>): boolean {
  return attributes.src === undefined && executableKinds.has(scriptKind(attributes));
}

/** Parses `text` once and returns the tags the transforms edit, with their offsets. */
export function readPageTags(text: string): PageTags {
  const page: PageTags = {
    links: [],
    forms: [],
    submitters: [],
    inlineScripts: [],
    inlineStyles: [],
    styleAttributes: [],
    sheets: [],
    cspMetas: [],
    cspMetaSlot: text.length,
  };
  readHtml(text, collectTags(page, text, undefined), { writtenAttributes: true });
  return page;
}

/** Head elements that run no code and load no stylesheet, which a meta policy may follow. */
const QUIET_HEAD_ELEMENTS = new Set(['base', 'meta', 'noscript', 'template', 'title']);

/** The attribute that marks the meta policy `nospy fix` writes, so a later run replaces it. */
export const nospyCspAttribute = 'data-nospy-csp';

const NOTHING_SEEN: ReadonlySet<number> = new Set();

function startsOf(page: PageTags): ReadonlySet<number> {
  return new Set([...page.links, ...page.forms, ...page.submitters].map((tag) => tag.start));
}

/**
 * A handler that adds one reading's links, forms and submit buttons to `page`, and those of the readings nested in
 * it. The page's own reading (`known` undefined) also collects the inline code the CSP hashes; a noscript's
 * scripting-on reading skips the tags the page's reading already gave at the same offset.
 */
function collectTags(page: PageTags, text: string, known: ReadonlySet<number> | undefined): HtmlHandler {
  const isNew = (tag: StartTag) => known === undefined || !known.has(tag.start);
  const openLinks: LinkTag[] = [];
  /** The elements open at this point of the reading, outermost first. */
  const open: SelectorElement[] = [];
  let facades = 0;
  /** The `<script>` or `<style>` whose text is read up to its end tag, and what becomes of that text. */
  let rawText: { from: number; read: (content: string) => void } | undefined;
  /** Where the meta policy goes, as far as the tags read so far tell; settled by the first script or style. */
  let slot: { at: number; settled: boolean } | undefined;
  return {
    startTag(tag) {
      const { name, attributes } = tag;
      if (known === undefined && isLiveInPage(tag) && !slot?.settled && name !== 'html') {
        if (name === 'head') slot = { at: tag.end + 1, settled: false };
        else if (name === 'meta' && attributes.charset !== undefined) slot = { at: tag.end + 1, settled: true };
        // Inline code (or a stylesheet), or the body's first element: the meta must come before it.
        else if (!QUIET_HEAD_ELEMENTS.has(name)) slot = { at: slot?.at ?? tag.start, settled: true };
        else slot ??= { at: tag.start, settled: false };
        page.cspMetaSlot = slot.at;
      }
      if (known === undefined) {
        if (attributes.style !== undefined) page.styleAttributes.push(asBrowserSees(attributes.style));
        if (name === 'script' && isInlineExecutableScript(attributes)) {
          rawText = { from: tag.end + 1, read: (content) => page.inlineScripts.push(asBrowserSees(content)) };
        } else if (name === 'style') {
          const onScreen = isLiveInPage(tag) && appliesOnScreen(attributes.media);
          rawText = {
            from: tag.end + 1,
            read: (content) => {
              page.inlineStyles.push(asBrowserSees(content));
              if (onScreen) page.sheets.push({ text: content });
            },
          };
        } else if (name === 'link' && isLiveInPage(tag)) {
          const rel = splitTokens(attributes.rel ?? '');
          if (
            rel.includes('stylesheet') &&
            !rel.includes('alternate') &&
            attributes.href &&
            appliesOnScreen(attributes.media)
          )
            page.sheets.push({ href: attributes.href, tag });
        } else if (name === 'meta' && isLiveInPage(tag) && attributes.content !== undefined) {
          if (attributes['http-equiv']?.trim().toLowerCase() !== 'content-security-policy') {
            // Not a policy.
          } else if (attributes[nospyCspAttribute] !== undefined) page.nospyCspMeta ??= tag;
          else page.cspMetas.push(tag);
        }
      }
      const classes = splitTokens(attributes.class ?? '');
      if (openLinks.length > 0) {
        if (classes.includes('leaving-mark')) openLinks[0]!.hasLeavingMark = true;
        if (classes.some((token) => THEME_ICON_CLASS.test(token))) openLinks[0]!.hasThemeIcon = true;
        // A drawing after the link's words is the theme's own mark (PaperMod's menu ends external links in one).
        if (name === 'svg' && openLinks[0]!.hasText) openLinks[0]!.hasThemeIcon = true;
      }
      if (isPlayerFacade(name)) facades += 1;
      if (name === 'a' || name === 'area') {
        const link: LinkTag = {
          ...tag,
          hasLeavingMark: false,
          hasText: false,
          hasThemeIcon: false,
          inFacade: facades > 0,
          ancestors: [...open],
        };
        if (isNew(tag)) page.links.push(link);
        if (name === 'a') openLinks.unshift(link);
      } else if (name === 'form') {
        if (tag.form === tag && isNew(tag)) page.forms.push(tag);
      } else if (isSubmitButton(name, attributes) && isNew(tag)) {
        page.submitters.push(tag);
      }
      open.push({ name, attributes });
    },
    text(data) {
      const link = openLinks[0];
      // Text in a drawing, or in the conventional hidden-text classes, is not what a visitor sees.
      if (!link || rawText || open.some(isUnseen)) return;
      if (data.trim() !== '') link.hasText = true;
      if (THEME_ICON_TEXT.test(data)) link.hasThemeIcon = true;
    },
    endTag(name, start, implied) {
      const at = open.findLastIndex((element) => element.name === name);
      if (at !== -1) open.length = at;
      if (isPlayerFacade(name) && facades > 0) facades -= 1;
      if (name === 'head' && !implied && known === undefined && page.headEnd === undefined) page.headEnd = start;
      if (name === 'a') {
        const link = openLinks.shift();
        if (link && !implied) link.closeStart = start;
      } else if ((name === 'script' || name === 'style') && rawText) {
        // An unclosed script or style runs to the end of the file.
        rawText.read(text.slice(rawText.from, implied ? text.length : start));
        rawText = undefined;
      }
    },
    nested(markup) {
      const seen = markup.reading.kind === 'scripting-on' ? startsOf(page) : (known ?? NOTHING_SEEN);
      markup.read(collectTags(page, text, seen));
    },
  };
}
