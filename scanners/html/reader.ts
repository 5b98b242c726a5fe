import { hasScriptSource, scriptKind } from '../syntax/script-type.ts';
import { FormOwners } from './form-owners.ts';
import { BrowserParser } from './parser.ts';
import type { HtmlReading, ReadingKind, StartTag, TagAttribute } from './tags.ts';

/** Nested readings and documents (markup templates, srcdoc, data: frames) deeper than this are not read. */
export const MAX_DEPTH = 8;

/** Markup nested in the reading, to be read as a reading of its own: `read` streams it to another handler. */
export interface NestedMarkup {
  reading: HtmlReading;
  /** Where it stands in the text (offsets of its tags index the same text). */
  start: number;
  end: number;
  read(handler: HtmlHandler): void;
}

/** What a reader reports, in document order. Every offset indexes the text of the outermost reading. */
export interface HtmlHandler {
  /** A `<base href>` a browser may take as the document's base, just before its start tag. */
  baseHref?(href: string): void;
  startTag?(tag: StartTag): void;
  /** An element closed: by an end tag token at `start`, or implicitly (`implied`). */
  endTag?(name: string, start: number, implied: boolean): void;
  /** Decoded text (raw text in `<script>` and `<style>`). */
  text?(data: string, start: number): void;
  /** A comment's text (a processing instruction outside XML is a comment starting with `?`). */
  comment?(data: string, start: number, end: number): void;
  /** Markup the element that just closed holds for a browser, beyond what this reading saw: read it if it matters. */
  nested?(markup: NestedMarkup): void;
  end?(): void;
}

/** How to read. */
export interface ReadOptions {
  /** How deep the text is nested in a page (srcdoc, data: documents); 0 for a page. */
  depth?: number;
  /** Record every attribute as written, with offsets (StartTag.written): only what splices bytes needs them. */
  writtenAttributes?: boolean;
}

const NO_ATTRIBUTES: readonly TagAttribute[] = Object.freeze([]);

/** An end tag that ends raw text: the name, then whitespace, `/` or `>`. */
const NOSCRIPT_END_TAG = /<\/noscript[\t\n\f\r />]/gi;

/**
 * The text of an element as a browser hashes and runs it: the HTML parser turns CR LF and lone CR into LF, and NUL
 * into U+FFFD, before anything else sees it (what a CSP hash must be computed over).
 */
export function asBrowserSees(text: string): string {
  return text.replace(/\r\n?/g, '\n').replaceAll('\0', '\uFFFD');
}

/**
 * Reads HTML in one streaming pass as a browser builds it, and reports every start tag with its exact offsets and
 * attributes, its context (template, noscript, SVG/MathML), the base hrefs a browser may take and the form owner of
 * each control. Markup a browser sees beyond the tags of this pass is handed on as nested readings: the text of a
 * client-side template script, and the markup after an early `</noscript` that is live with scripting on.
 * Never throws on bad markup.
 */
export function readHtml(text: string, handler: HtmlHandler, options: ReadOptions = {}): HtmlReading {
  const reading: HtmlReading = { kind: 'document', depth: options.depth ?? 0, baseHrefs: [] };
  readMarkup(text, 0, reading, handler, options.writtenAttributes === true);
  return reading;
}

function isMarkupTemplate(tag: StartTag): boolean {
  // In SVG or MathML a script's content is parsed as markup, so its tags are this reading's already.
  return !tag.foreign && scriptKind(tag.attributes) === 'markup' && !hasScriptSource(tag.attributes);
}

function readMarkup(
  text: string,
  offset: number,
  reading: HtmlReading,
  handler: HtmlHandler,
  withWrittenAttributes: boolean,
): void {
  const owners = new FormOwners();
  // Open elements that change what their content is, counted as the parser pushes and pops them.
  let templates = 0;
  let noscripts = 0;
  let drawings = 0;
  /** The attributes of the start tag being read, as written. */
  let written: TagAttribute[] | undefined;
  /** Where the text of the open markup-template script starts. */
  let markupTemplateFrom: number | undefined;
  /** Where the outermost live `<noscript>`'s raw text ends for a browser with scripting on. */
  let noscriptRawTextEnd: number | undefined;

  const nested = (kind: ReadingKind, from: number, to: number) => {
    if (reading.depth >= MAX_DEPTH || from >= to || handler.nested === undefined) return;
    const parent = { reading, baseHrefsBefore: reading.baseHrefs.length };
    const child: HtmlReading = { kind, depth: reading.depth + 1, baseHrefs: [], parent };
    const read = (inner: HtmlHandler) =>
      readMarkup(text.slice(from, to), offset + from, child, inner, withWrittenAttributes);
    handler.nested({ reading: child, start: offset + from, end: offset + to, read });
  };

  const parser: BrowserParser = new BrowserParser({
    onopentagname() {
      written = undefined;
    },
    onattribute: withWrittenAttributes
      ? (name, value, quote) => {
          (written ??= []).push({
            name,
            value,
            quote,
            start: offset + parser.startIndex,
            end: offset + parser.endIndex,
          });
        }
      : undefined,
    onopentag(name, attributes, implied) {
      const tag: StartTag = {
        name,
        start: offset + parser.startIndex,
        end: offset + parser.endIndex,
        attributes,
        written: written ?? NO_ATTRIBUTES,
        inTemplate: templates > 0,
        inNoscript: noscripts > 0,
        foreign: parser.isInForeignContext(),
        insideSvgOrMath: drawings > 0,
        reading,
        // Set here too, so every tag has one shape.
        form: undefined,
      };
      // A start tag htmlparser2 drops (a form inside a form) reports its attributes without a name: not this tag's.
      written = undefined;
      if (name === 'template') templates += 1;
      else if (name === 'noscript') noscripts += 1;
      else if (name === 'svg' || name === 'math') drawings += 1;
      if (implied) return;
      const live = !tag.foreign && !tag.inTemplate && !tag.inNoscript;
      if (name === 'base' && live && reading.kind !== 'markup-template' && attributes.href !== undefined) {
        reading.baseHrefs.push(attributes.href);
        handler.baseHref?.(attributes.href);
      } else if (name === 'noscript' && live && noscriptRawTextEnd === undefined) {
        NOSCRIPT_END_TAG.lastIndex = parser.endIndex + 1;
        // Unclosed, its raw text runs to the end of the document and hides everything.
        noscriptRawTextEnd = NOSCRIPT_END_TAG.exec(text)?.index ?? text.length;
      } else if (name === 'script' && isMarkupTemplate(tag)) {
        markupTemplateFrom = parser.endIndex + 1;
      }
      owners.startTag(tag);
      handler.startTag?.(tag);
    },
    onclosetag(name, implied) {
      if (name === 'template' || name === 'noscript') {
        if (name === 'template') templates -= 1;
        else noscripts -= 1;
        owners.leaveInert(templates > 0 || noscripts > 0);
      } else if (name === 'svg' || name === 'math') {
        drawings -= 1;
      }
      handler.endTag?.(name, offset + parser.startIndex, implied);
      if (name === 'script' && markupTemplateFrom !== undefined) {
        // An unclosed script runs to the end of the file.
        const from = markupTemplateFrom;
        markupTemplateFrom = undefined;
        nested('markup-template', from, implied ? text.length : parser.startIndex);
      } else if (name === 'noscript' && noscriptRawTextEnd !== undefined && (parser.atEnd || noscripts === 0)) {
        // htmlparser2 reports the closes at the end of the document without popping them, outermost first.
        const rawTextEnd = noscriptRawTextEnd;
        noscriptRawTextEnd = undefined;
        const closedAt = parser.atEnd ? text.length : parser.startIndex;
        // With scripting on, the markup from the raw text's end to here is live.
        if (rawTextEnd < closedAt) nested('scripting-on', rawTextEnd, parser.atEnd ? text.length : parser.endIndex + 1);
      }
    },
    ontext(data) {
      handler.text?.(data, offset + parser.startIndex);
    },
    oncomment(data) {
      handler.comment?.(data, offset + parser.startIndex, offset + parser.endIndex);
    },
    onend() {
      owners.finish();
      handler.end?.();
    },
    onEndTagToken(start, end) {
      if (end - start === 4 && text.slice(start, end).toLowerCase() === 'form')
        owners.formEndTag(templates + noscripts > 0);
    },
  });
  parser.end(text);
}
