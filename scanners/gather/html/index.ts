import type { NavigationObservation, Observation, RequestType } from '../../observations.ts';
import { attributeValueOffset } from '../../html/attribute-position.ts';
import type { PageContext } from '../context.ts';
import { javascriptUrlCode } from '../../syntax/embedded-url.ts';
import { ELEMENT_HANDLERS } from './elements.ts';
import {
  closeNoscript,
  endRawText,
  eventHandler,
  gatherScript,
  presentationAttribute,
  speculativePrefetches,
  styleAttribute,
  URL_PRESENTATION_ATTRIBUTES,
  type RawTextElement,
} from './embedded.ts';
import { FormTracker } from './forms.ts';
import { BrowserParser } from '../../html/parser.ts';
import { createLocator, type Position } from '../../syntax/line-index.ts';
import type { SpeculationRules } from '../../syntax/script-json.ts';
import { resolveUrl, type ResolvedUrl } from '../../syntax/url.ts';

/** A tag's attributes as htmlparser2 gives them: names lower-cased, entities decoded. */
export type Attributes = Record<string, string>;

const EVIDENCE_LENGTH = 160;

/** The href pseudo-attribute of an xml-stylesheet processing instruction. */
const XML_STYLESHEET_HREF = /\shref\s*=\s*(["'])([^]*?)\1/;

/**
 * The five predefined XML entities and character references: a processing instruction's text is not decoded by the
 * parser.
 */
function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi,
    (entity, hex?: string, decimal?: string, name?: string) =>
      hex !== undefined
        ? String.fromCodePoint(parseInt(hex, 16))
        : decimal !== undefined
          ? String.fromCodePoint(Number(decimal))
          : (named[name!.toLowerCase()] ?? entity),
  );
}

const PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };

/** The document being gathered: the page itself, or markup nested in it (srcdoc, data: frames, templates). */
export interface Scope {
  page: PageContext;
  baseUrl: string;
  depth: number;
  /** Maps an offset of this document's text to its position in `page.file`. */
  locate: (offset: number) => Position;
}

/** What makes two observations one fact: what they are and where they stand. */
function sameFact(observation: Observation): string {
  const target = 'url' in observation ? observation.url : 'api' in observation ? observation.api : '';
  return `${observation.kind} ${observation.line}:${observation.column} ${observation.element} ${observation.attribute} ${target}`;
}

/**
 * Every fact about a page that the privacy rules read — requests, navigations, forms, embeds,
 * cookies set by markup — gathered in one streaming htmlparser2 pass, each with its 1-based
 * line and column. CSS and JavaScript found in the page go to their own gatherers. Pure: it
 * never decides what is first-party, and it never throws on bad markup.
 */
export function gatherHtml(text: string, page: PageContext): Observation[] {
  return gatherDocument(text, { page, baseUrl: page.url, depth: 0, locate: createLocator(text) });
}

function gatherDocument(text: string, scope: Scope): Observation[] {
  // The callbacks run only from parser.end(), once the gatherer exists.
  const parser = new BrowserParser(
    {
      onopentag: (name, attributes) => gatherer.openTag(name, attributes, parser.startIndex, parser.endIndex),
      ontext: (data) => gatherer.onText(data, parser.startIndex),
      onclosetag: (name) => gatherer.closeTag(name),
      // Outside XML mode htmlparser2 reads a processing instruction as a comment starting with '?'.
      oncomment: (data) => {
        if (data.charCodeAt(0) === 0x3f) gatherer.processingInstruction(data, parser.startIndex, parser.endIndex);
      },
      onend: () => gatherer.end(),
    },
    PARSER_OPTIONS,
  );
  const gatherer = new DocumentGatherer(text, scope, parser);
  parser.onEndTagToken = (start, end) => gatherer.endTagToken(start, end);
  parser.end(text);
  return gatherer.observations;
}

/**
 * The state of one streaming pass over a document and the observations it yields. Element handlers
 * (html-elements.ts) and embedded CSS, scripts and documents (html-embedded.ts) work through its
 * public members; nothing outside the HTML gatherer uses them.
 */
export class DocumentGatherer {
  readonly observations: Observation[] = [];
  readonly markup: string;
  readonly scope: Scope;
  readonly forms: FormTracker;
  baseUrl: string;
  baseSeen = false;
  /** Links met before `<base href>`: a browser resolves them against the base when followed. */
  readonly linksBeforeBase: NavigationObservation[] = [];
  /** The `<script>` or `<style>` whose text is being collected until its end tag. */
  rawText: RawTextElement | undefined;
  /**
   * The outermost open `<noscript>` of the live document, and where its raw text ends for a browser with scripting on.
   */
  noscript: { rawTextEnd: number } | undefined;
  /** What markup after such a raw text end makes a browser with scripting on do; merged at the end of the document. */
  readonly scriptingOn: Observation[] = [];
  /** The links the page's speculation rules prefetch unasked. */
  readonly speculativeLinks: SpeculationRules['links'] = { any: false, hosts: [] };
  /** The open `<video>` or `<audio>`, which its `<source>` children embed through. */
  media: { element: string; attributes: Attributes } | undefined;
  tagStart = 0;
  tagEnd = 0;
  /** The parser feeding this pass, for what depends on the open elements. */
  readonly parser: BrowserParser;
  private tagEvidence: string | undefined;
  private tagPosition: Position | undefined;

  constructor(text: string, scope: Scope, parser: BrowserParser) {
    this.markup = text;
    this.scope = scope;
    this.parser = parser;
    this.baseUrl = scope.baseUrl;
    this.forms = new FormTracker(scope.page.url, () => parser.isOpen('template') || parser.isOpen('noscript'));
  }

  openTag(name: string, attributes: Attributes, start: number, end: number): void {
    this.moveToTag(start, end);
    // One hash lookup per tag: the common tags (div, p, span, li …) have no handler.
    ELEMENT_HANDLERS.get(name)?.(this, name, attributes);
    for (const attribute in attributes) {
      if (attribute === 'style') styleAttribute(this, name, attributes.style!);
      else if (URL_PRESENTATION_ATTRIBUTES.has(attribute))
        presentationAttribute(this, name, attribute, attributes[attribute]!);
      else if (attribute.length > 2 && attribute.charCodeAt(0) === 0x6f && attribute.charCodeAt(1) === 0x6e)
        eventHandler(this, name, attribute, attributes[attribute]!);
    }
  }

  /**
   * `<?xml-stylesheet href="…"?>` in an SVG file: a browser showing the SVG as a document (directly, in
   * an object or a frame) fetches that stylesheet. In HTML the same text is a comment and fetches nothing.
   */
  processingInstruction(data: string, start: number, end: number): void {
    if (!this.scope.page.file.toLowerCase().endsWith('.svg') || !data.toLowerCase().startsWith('?xml-stylesheet'))
      return;
    const href = XML_STYLESHEET_HREF.exec(data);
    if (href === null) return;
    this.moveToTag(start, end);
    this.urlAttribute('style', 'xml-stylesheet', 'href', decodeXmlEntities(href[2]!));
  }

  onText(data: string, start: number): void {
    const raw = this.rawText;
    if (raw === undefined) return;
    if (raw.text === '') raw.textStart = start;
    raw.text += data;
  }

  closeTag(name: string): void {
    if (name === 'template' || name === 'noscript') this.forms.leaveInert();
    if (this.rawText !== undefined && name === this.rawText.element) endRawText(this, this.rawText);
    else if (this.media !== undefined && name === this.media.element) this.media = undefined;
    // At the end of the document htmlparser2 reports closes without popping its stack.
    else if (
      this.noscript !== undefined &&
      name === 'noscript' &&
      (this.parser.atEnd || !this.parser.isOpen('noscript'))
    )
      closeNoscript(this, this.noscript);
  }

  endTagToken(start: number, end: number): void {
    if (end - start === 4 && this.markup.slice(start, end).toLowerCase() === 'form') this.forms.closeForm();
  }

  end(): void {
    for (const form of this.forms.finish(this.baseUrl)) this.observations.push(form);
    if (this.scriptingOn.length > 0) {
      // Both readings of a noscript's content can see the same tag: it is reported once.
      const seen = new Set(this.observations.map(sameFact));
      for (const observation of this.scriptingOn)
        if (!seen.has(sameFact(observation))) this.observations.push(observation);
    }
    speculativePrefetches(this);
  }

  // --- locations ---

  /** Makes the tag between `start` and `end` the one observations are reported at. */
  moveToTag(start: number, end: number): void {
    this.tagStart = start;
    this.tagEnd = end;
    this.tagEvidence = undefined;
    this.tagPosition = undefined;
  }

  position(offset: number): Position {
    return this.scope.locate(offset);
  }

  evidence(): string {
    if (this.tagEvidence === undefined) {
      const end = this.tagEnd + 1;
      this.tagEvidence =
        end - this.tagStart > EVIDENCE_LENGTH
          ? `${this.markup.slice(this.tagStart, this.tagStart + EVIDENCE_LENGTH)}…`
          : this.markup.slice(this.tagStart, end);
    }
    return this.tagEvidence;
  }

  /** The current tag's position, computed once however many observations it yields. */
  where(): Position {
    return (this.tagPosition ??= this.position(this.tagStart));
  }

  at(element: string, attribute: string | undefined) {
    const { line, column } = this.where();
    return {
      file: this.scope.page.file,
      line,
      column,
      source: 'html' as const,
      element,
      attribute,
      evidence: this.evidence(),
    };
  }

  /** Where the value of an attribute of the current tag starts, for code and CSS inside it. */
  valuePosition(attribute: string): Position {
    return this.position(attributeValueOffset(this.markup, this.tagStart, this.tagEnd, attribute));
  }

  // --- observations ---

  /** A URL the browser fetches; `javascript:` URLs run their code instead. Returns the resolved URL. */
  urlAttribute(
    type: RequestType,
    element: string,
    attribute: string,
    value: string | undefined,
    at?: Position,
  ): ResolvedUrl | undefined {
    if (value === undefined || this.runsJavaScript(element, attribute, value)) return undefined;
    const resolved = resolveUrl(value, this.baseUrl);
    if (resolved === undefined) return undefined;
    const { line, column } = at ?? this.where();
    // One literal shape for every request keeps rules' property access monomorphic.
    this.observations.push({
      kind: 'request',
      type,
      raw: value.trim(),
      url: resolved.url,
      host: resolved.host,
      file: this.scope.page.file,
      line,
      column,
      source: 'html',
      element,
      attribute,
      evidence: this.evidence(),
    });
    return resolved;
  }

  /** Whether an attribute holds a `javascript:` URL; its code is gathered as a script at the value. */
  runsJavaScript(element: string, attribute: string, value: string): boolean {
    const code = javascriptUrlCode(value);
    if (code === undefined) return false;
    const position = this.valuePosition(attribute);
    gatherScript(this, code, element, attribute, position, false);
    return true;
  }

  collect(observations: Observation[]): void {
    for (const observation of observations) this.observations.push(observation);
  }

  /**
   * Observations of decoded text (a data: URL, srcdoc), which has no place of its own in the file: all at the current
   * tag.
   */
  collectAtTag(observations: Observation[]): void {
    const { line, column } = this.where();
    for (const observation of observations) {
      observation.file = this.scope.page.file;
      observation.line = line;
      observation.column = column;
      this.observations.push(observation);
    }
  }

  /** Gathers a document nested in this one (srcdoc, a data: URL, template markup) with the same pass. */
  gatherNested(
    markup: string,
    page: PageContext,
    baseUrl: string,
    locate: (offset: number) => Position,
  ): Observation[] {
    return gatherDocument(markup, { page, baseUrl, depth: this.scope.depth + 1, locate });
  }
}
