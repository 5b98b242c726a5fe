import { attributeValueOffset } from '../../html/attribute-position.ts';
import { acceptBase } from '../../html/base.ts';
import { type HtmlHandler, type NestedMarkup, readHtml } from '../../html/reader.ts';
import type { StartTag } from '../../html/tags.ts';
import type { EmbedObservation, NavigationObservation, Observation, RequestType } from '../../observations.ts';
import { javascriptUrlCode } from '../../syntax/embedded-url.ts';
import { createLocator, type Position } from '../../syntax/line-index.ts';
import type { LinkPredicate } from '../../syntax/script-json.ts';
import { isPlayerFacade } from '../../syntax/facade.ts';
import { type ResolvedUrl, resolveUrl } from '../../syntax/url.ts';
import type { PageContext } from '../context.ts';
import type { Attributes, DocumentGatherer, RawTextElement, Scope, TagLocation } from './document-gatherer.ts';
import { AMP_HANDLERS } from './amp.ts';
import { ELEMENT_HANDLERS } from './elements.ts';
import {
  endRawText,
  eventHandler,
  gatherScript,
  presentationAttribute,
  speculativePrefetches,
  styleAttribute,
  URL_PRESENTATION_ATTRIBUTES,
} from './embedded.ts';
import { FormTracker } from './forms.ts';

const EVIDENCE_LENGTH = 160;

/** What each element with a handler fetches, navigates, embeds or holds: HTML's elements and AMP's components. */
const HANDLERS = new Map([...ELEMENT_HANDLERS, ...AMP_HANDLERS]);

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

/** What makes two observations one fact: what they are and where they stand. */
function sameFact(observation: Observation): string {
  const target = 'url' in observation ? observation.url : 'api' in observation ? observation.api : '';
  return `${observation.kind} ${observation.line}:${observation.column} ${observation.element} ${observation.attribute} ${target}`;
}

/**
 * Every fact about a page that the privacy rules read — requests, navigations, forms, embeds,
 * cookies set by markup — gathered in one streaming pass of the HTML reader, each with its 1-based
 * line and column. CSS and JavaScript found in the page go to their own gatherers. Pure: it
 * never decides what is first-party, and it never throws on bad markup.
 */
export function gatherHtml(text: string, page: PageContext): Observation[] {
  return gatherDocument(text, { page, baseUrl: page.url, depth: 0, locate: createLocator(text) });
}

function gatherDocument(text: string, scope: Scope): Observation[] {
  const pass = new DocumentPass(text, scope);
  readHtml(text, pass, { depth: scope.depth });
  return pass.observations;
}

/**
 * One streaming pass over a document (or a reading nested in one): the reader's handler, and the state element
 * handlers and embedded content work through.
 */
class DocumentPass implements DocumentGatherer, HtmlHandler {
  readonly observations: Observation[] = [];
  readonly markup: string;
  readonly scope: Scope;
  readonly forms: FormTracker;
  baseUrl: string;
  baseSeen = false;
  readonly linksBeforeBase: (NavigationObservation | EmbedObservation)[] = [];
  baseTarget: string | undefined;
  rawText: RawTextElement | undefined;
  /** What markup after a noscript's raw text end makes a browser with scripting on do; merged at the end. */
  readonly scriptingOn: Observation[] = [];
  readonly speculativeLinks: LinkPredicate[] = [];
  media: { element: string; attributes: Attributes } | undefined;
  ampComponent: 'amp-analytics' | 'amp-consent' | undefined;
  facades = 0;
  tagStart = 0;
  tagEnd = 0;
  private tagEvidence: string | undefined;
  private tagPosition: Position | undefined;

  constructor(text: string, scope: Scope) {
    this.markup = text;
    this.scope = scope;
    this.baseUrl = scope.baseUrl;
    this.forms = new FormTracker(scope.page.url);
  }

  /** The first `<base href>` that Chromium uses; links met before it are resolved against it again. */
  baseHref(href: string): void {
    if (this.baseSeen) return;
    const url = acceptBase(href, this.scope.baseUrl);
    if (url === undefined) return;
    this.baseSeen = true;
    this.baseUrl = url;
    for (const link of this.linksBeforeBase) {
      const again = resolveUrl(link.raw, url);
      if (again !== undefined) Object.assign(link, again);
    }
  }

  startTag(tag: StartTag): void {
    const { name, attributes } = tag;
    this.moveToTag(tag.start, tag.end);
    if (isPlayerFacade(name)) this.facades += 1;
    // One hash lookup per tag: the common tags (div, p, span, li …) have no handler.
    HANDLERS.get(name)?.(this, name, attributes, tag);
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
  comment(data: string, start: number, end: number): void {
    // Outside XML mode htmlparser2 reads a processing instruction as a comment starting with '?'.
    if (data.charCodeAt(0) !== 0x3f) return;
    if (!this.scope.page.file.toLowerCase().endsWith('.svg') || !data.toLowerCase().startsWith('?xml-stylesheet'))
      return;
    const href = XML_STYLESHEET_HREF.exec(data);
    if (href === null) return;
    this.moveToTag(start, end);
    this.urlAttribute('style', 'xml-stylesheet', 'href', decodeXmlEntities(href[2]!));
  }

  text(data: string, start: number): void {
    const raw = this.rawText;
    if (raw === undefined) return;
    if (raw.text === '') raw.textStart = start;
    raw.text += data;
  }

  endTag(name: string): void {
    if (isPlayerFacade(name) && this.facades > 0) this.facades -= 1;
    if (this.rawText !== undefined && name === this.rawText.element) endRawText(this, this.rawText);
    else if (this.media !== undefined && name === this.media.element) this.media = undefined;
    else if (name === this.ampComponent) this.ampComponent = undefined;
  }

  /**
   * A client-side template's markup, gathered at its exact positions; or the markup after an early `</noscript`,
   * kept apart until the end of the document, where what the first reading already found at the same place is
   * dropped.
   */
  nested(markup: NestedMarkup): void {
    const { page, locate } = this.scope;
    const pass = new DocumentPass(this.markup, { page, baseUrl: this.baseUrl, depth: markup.reading.depth, locate });
    markup.read(pass);
    if (markup.reading.kind === 'scripting-on')
      for (const observation of pass.observations) this.scriptingOn.push(observation);
    else this.collect(pass.observations);
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

  where(): Position {
    return (this.tagPosition ??= this.position(this.tagStart));
  }

  at(element: string, attribute: string | undefined): TagLocation {
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

  valuePosition(attribute: string): Position {
    return this.position(attributeValueOffset(this.markup, this.tagStart, this.tagEnd, attribute));
  }

  // --- observations ---

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

  collectAtTag(observations: Observation[]): void {
    const { line, column } = this.where();
    for (const observation of observations) {
      observation.file = this.scope.page.file;
      observation.line = line;
      observation.column = column;
      this.observations.push(observation);
    }
  }

  gatherNested(
    markup: string,
    page: PageContext,
    baseUrl: string,
    locate: (offset: number) => Position,
    frame: boolean,
  ): Observation[] {
    return gatherDocument(markup, { page, baseUrl, depth: this.scope.depth + 1, frame, locate });
  }
}
