import { readHtml, type HtmlHandler } from '../html/reader.ts';
import type { StartTag } from '../html/tags.ts';
import { isSubmitButton } from '../syntax/form-fields.ts';
import { scriptKind, type ScriptKind } from '../syntax/script-type.ts';

/** An `<a>` or `<area>`. */
export interface LinkTag extends StartTag {
  /** Offset of the `<` of its written `</a>`; undefined when the parser closed it implicitly. */
  closeStart?: number;
  /** Contains an element of class `leaving-mark`: the visible leaving-site notice is already there. */
  hasLeavingMark: boolean;
}

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
}

const executableKinds = new Set<ScriptKind>(['classic', 'module', 'importmap', 'speculationrules']);

function isInlineExecutableScript(attributes: Record<string, string>): boolean {
  return attributes.src === undefined && executableKinds.has(scriptKind(attributes));
}

// The HTML parser turns CR LF and lone CR into LF before anything else sees the text.
function asBrowserSees(text: string): string {
  return text.replace(/\r\n?/g, '\n').replaceAll('\0', '\uFFFD');
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
  };
  readHtml(text, collectTags(page, text, undefined), { writtenAttributes: true });
  return page;
}

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
  /** The `<script>` or `<style>` whose text is read up to its end tag, and what becomes of that text. */
  let rawText: { from: number; read: (content: string) => void } | undefined;
  return {
    startTag(tag) {
      const { name, attributes } = tag;
      if (known === undefined) {
        if (attributes.style !== undefined) page.styleAttributes.push(asBrowserSees(attributes.style));
        if (name === 'script' && isInlineExecutableScript(attributes)) {
          rawText = { from: tag.end + 1, read: (content) => page.inlineScripts.push(asBrowserSees(content)) };
        } else if (name === 'style') {
          rawText = { from: tag.end + 1, read: (content) => page.inlineStyles.push(asBrowserSees(content)) };
        }
      }
      const classes = attributes.class?.split(/[\t\n\f\r ]+/);
      if (classes?.includes('leaving-mark') && openLinks.length > 0) openLinks[0]!.hasLeavingMark = true;
      if (name === 'a' || name === 'area') {
        const link: LinkTag = { ...tag, hasLeavingMark: false };
        if (isNew(tag)) page.links.push(link);
        if (name === 'a') openLinks.unshift(link);
      } else if (name === 'form') {
        if (tag.form === tag && isNew(tag)) page.forms.push(tag);
      } else if (isSubmitButton(name, attributes) && isNew(tag)) {
        page.submitters.push(tag);
      }
    },
    endTag(name, start, implied) {
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
