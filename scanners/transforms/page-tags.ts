import { isSubmitButton } from '../syntax/form-fields.ts';
import { BrowserParser } from '../html/parser.ts';
import { MAX_DEPTH, NOSCRIPT_END_TAG } from '../gather/html/embedded.ts';
import { hasScriptSource, scriptKind, type ScriptKind } from '../syntax/script-type.ts';

/** One attribute as written in a start tag. */
export interface TagAttribute {
  /** Lower-case name. */
  name: string;
  /** Entity-decoded value, as the DOM holds it. */
  value: string;
  /** `"` or `'` when quoted, null when unquoted, undefined when written without a value. */
  quote: string | null | undefined;
  /** `text.slice(start, end)` is the attribute exactly as written. */
  start: number;
  end: number;
}

/** A start tag written in the source (never one the parser implied). */
export interface StartTag {
  /** Lower-case name. */
  name: string;
  /** Offset of its `<`. */
  start: number;
  /** Offset of its `>`. */
  end: number;
  attributes: TagAttribute[];
}

/** An `<a>` or `<area>`. */
export interface LinkTag extends StartTag {
  /** Offset of the `<` of its written `</a>`; undefined when the parser closed it implicitly. */
  closeStart?: number;
  /** Contains an element of class `leaving-mark`: the visible leaving-site notice is already there. */
  hasLeavingMark: boolean;
  /** Inside `<svg>` or `<math>`, where an HTML `<span>` would break out of the drawing. */
  inForeignContent: boolean;
}

/** A submit button (`<button>`, `<input type=submit|image>`) and the form it submits. */
export interface SubmitterTag extends StartTag {
  form?: StartTag;
}

/** What the build transforms need from one HTML file, read in a single parse. */
export interface PageTags {
  /**
   * The decoded hrefs of the `<base>` elements a browser may take (live HTML: not in a template, noscript or SVG), in
   * order.
   */
  baseHrefs: string[];
  /**
   * Links, forms and submit buttons of the page and of the markup templates its scripts hold (offsets into the page).
   */
  links: LinkTag[];
  forms: StartTag[];
  submitters: SubmitterTag[];
  /** Texts of inline scripts a browser would run, as the browser sees them (newlines normalised). */
  inlineScripts: string[];
  /** Texts of `<style>` elements, as the browser sees them. */
  inlineStyles: string[];
  /** Values of `style=""` attributes, decoded. */
  styleAttributes: string[];
}

/** The first attribute named `name` (browsers ignore later duplicates). */
export function getAttribute(tag: StartTag, name: string): TagAttribute | undefined {
  return tag.attributes.find((attribute) => attribute.name === name);
}

const executableKinds = new Set<ScriptKind>(['classic', 'module', 'importmap', 'speculationrules']);

function isInlineExecutableScript(attributes: Record<string, string>): boolean {
  return attributes.src === undefined && executableKinds.has(scriptKind(attributes));
}

/** A `<script>` holding markup a client-side template inserts (`text/x-template`), read as HTML by the check too. */
function isMarkupTemplate(attributes: Record<string, string>): boolean {
  return !hasScriptSource(attributes) && scriptKind(attributes) === 'markup';
}

/** A tag of a template's markup, moved to where the template's text starts in the page. */
function moveBy<T extends StartTag & { closeStart?: number }>(tag: T, offset: number): T {
  const attributes = tag.attributes.map((attribute) => ({
    ...attribute,
    start: attribute.start + offset,
    end: attribute.end + offset,
  }));
  const closeStart = tag.closeStart === undefined ? {} : { closeStart: tag.closeStart + offset };
  return { ...tag, start: tag.start + offset, end: tag.end + offset, attributes, ...closeStart };
}

/**
 * The links, forms and submit buttons of a template's markup (`markup` starts at `offset` in the page),
 * so the transforms mark and route them in place: the template's text is the markup it inserts, byte for byte.
 */
function addTemplateTags(page: PageTags, markup: string, offset: number, depth: number): void {
  // Templates nested deeper than the HTML gatherer follows are not read.
  if (depth >= MAX_DEPTH) return;
  const template = readTags(markup, depth + 1);
  const forms = new Map(template.forms.map((form) => [form, moveBy(form, offset)]));
  page.links.push(...template.links.map((link) => moveBy(link, offset)));
  page.forms.push(...forms.values());
  page.submitters.push(
    ...template.submitters.map((submitter) => ({
      ...moveBy(submitter, offset),
      form: submitter.form && forms.get(submitter.form),
    })),
  );
}

/** The tags of a noscript's scripting-on reading that the markup reading did not already give at the same offset. */
function addScriptingOnTags(page: PageTags, markup: string, offset: number, depth: number): void {
  const known = new Set([...page.links, ...page.forms, ...page.submitters].map((tag) => tag.start));
  const reading: PageTags = { ...page, links: [], forms: [], submitters: [] };
  addTemplateTags(reading, markup, offset, depth);
  page.links.push(...reading.links.filter((tag) => !known.has(tag.start)));
  page.forms.push(...reading.forms.filter((tag) => !known.has(tag.start)));
  page.submitters.push(...reading.submitters.filter((tag) => !known.has(tag.start)));
}

// The HTML parser turns CR LF and lone CR into LF before anything else sees the text.
function asBrowserSees(text: string): string {
  return text.replace(/\r\n?/g, '\n').replaceAll('\0', '\uFFFD');
}

/** Parses `text` once and returns the tags the transforms edit, with their offsets. */
export function readPageTags(text: string): PageTags {
  return readTags(text, 0);
}

function readTags(text: string, depth: number): PageTags {
  const page: PageTags = {
    baseHrefs: [],
    links: [],
    forms: [],
    submitters: [],
    inlineScripts: [],
    inlineStyles: [],
    styleAttributes: [],
  };
  const openLinks: LinkTag[] = [];
  // The form element pointer, as browsers keep it (and the check's FormTracker): set by a <form> while none is
  // open, cleared by any </form> end tag token — not when </a> or the like closes the element. Templates and
  // noscript keep their own.
  let liveForm: StartTag | undefined;
  let inertForm: StartTag | undefined;
  const insideInert = () => parser.isOpen('template') || parser.isOpen('noscript');
  /** Where the outermost live `<noscript>`'s raw text ends for a browser with scripting on (as the check reads it). */
  let noscriptRawTextEnd: number | undefined;
  const formOwners = new Map<SubmitterTag, string>();
  let foreignDepth = 0;
  let attributes: TagAttribute[] = [];
  /** The `<script>` or `<style>` whose text is read up to its end tag, and what becomes of that text. */
  let rawText: { from: number; read: (content: string) => void } | undefined;

  const parser: BrowserParser = new BrowserParser({
    onopentagname() {
      attributes = [];
    },
    onattribute(name, value, quote) {
      attributes.push({ name, value, quote, start: parser.startIndex, end: parser.endIndex });
    },
    onopentag(name, attribs, isImplied) {
      const tag: StartTag = { name, start: parser.startIndex, end: parser.endIndex, attributes };
      attributes = [];
      if (isImplied) return;
      const style = getAttribute(tag, 'style');
      if (style) page.styleAttributes.push(asBrowserSees(style.value));
      const classes = getAttribute(tag, 'class')?.value.split(/[\t\n\f\r ]+/);
      if (classes?.includes('leaving-mark') && openLinks.length > 0) openLinks[0].hasLeavingMark = true;

      if (name === 'a' || name === 'area') {
        const link: LinkTag = { ...tag, hasLeavingMark: false, inForeignContent: foreignDepth > 0 };
        page.links.push(link);
        if (name === 'a') openLinks.unshift(link);
      } else if (name === 'svg' || name === 'math') {
        foreignDepth += 1;
      } else if (name === 'form') {
        page.forms.push(tag);
        if (insideInert()) inertForm = tag;
        else liveForm ??= tag;
      } else if (isSubmitButton(name, attribs)) {
        const submitter: SubmitterTag = { ...tag, form: insideInert() ? inertForm : liveForm };
        const owner = getAttribute(tag, 'form');
        if (owner) formOwners.set(submitter, owner.value);
        page.submitters.push(submitter);
      } else if (name === 'noscript' && noscriptRawTextEnd === undefined && parser.isLiveHtml(1)) {
        NOSCRIPT_END_TAG.lastIndex = tag.end + 1;
        noscriptRawTextEnd = NOSCRIPT_END_TAG.exec(text)?.index ?? text.length;
      } else if (name === 'base' && parser.isLiveHtml()) {
        const href = getAttribute(tag, 'href');
        if (href) page.baseHrefs.push(href.value);
      } else if (name === 'script' && isInlineExecutableScript(attribs)) {
        rawText = { from: tag.end + 1, read: (content) => page.inlineScripts.push(asBrowserSees(content)) };
      } else if (name === 'script' && isMarkupTemplate(attribs) && !parser.isInForeignContext()) {
        // Not in SVG or MathML: there a script's content is parsed as markup, so its links are the page's already.
        const from = tag.end + 1;
        rawText = { from, read: (content) => addTemplateTags(page, content, from, depth) };
      } else if (name === 'style') {
        rawText = { from: tag.end + 1, read: (content) => page.inlineStyles.push(asBrowserSees(content)) };
      }
    },
    onclosetag(name, isImplied) {
      if (name === 'a') {
        const link = openLinks.shift();
        if (link && !isImplied) link.closeStart = parser.startIndex;
      } else if (name === 'svg' || name === 'math') {
        foreignDepth -= 1;
      } else if (name === 'template' || name === 'noscript') {
        if (!insideInert()) inertForm = undefined;
        if (name === 'noscript' && noscriptRawTextEnd !== undefined && (parser.atEnd || !parser.isOpen('noscript'))) {
          // With scripting on, the markup after an early `</noscript` is live: its tags are edited in place too.
          const closedAt = parser.atEnd ? text.length : parser.startIndex;
          if (noscriptRawTextEnd < closedAt)
            addScriptingOnTags(page, text.slice(noscriptRawTextEnd, closedAt), noscriptRawTextEnd, depth);
          noscriptRawTextEnd = undefined;
        }
      } else if ((name === 'script' || name === 'style') && rawText) {
        // An unclosed script or style runs to the end of the file.
        rawText.read(text.slice(rawText.from, isImplied ? text.length : parser.startIndex));
        rawText = undefined;
      }
    },
  });
  parser.onEndTagToken = (start, end) => {
    if (end - start !== 4 || text.slice(start, end).toLowerCase() !== 'form') return;
    if (insideInert()) inertForm = undefined;
    else liveForm = undefined;
  };
  parser.end(text);

  // `form="id"` names the form a button submits, wherever the button sits.
  for (const [submitter, id] of formOwners) {
    submitter.form = page.forms.find((form) => getAttribute(form, 'id')?.value === id);
  }
  return page;
}
