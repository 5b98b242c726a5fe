import { Parser } from 'htmlparser2';
import type { NavigationObservation, Observation, RequestType } from '../observations.ts';
import { attributeValueOffset } from './attribute-position.ts';
import type { PageContext } from './context.ts';
import { gatherCss } from './css.ts';
import { dataUrlDocument, dataUrlScript, dataUrlStylesheet, javascriptUrlCode } from './embedded-url.ts';
import { FormTracker } from './html-forms.ts';
import { createLocator, type Position } from './line-index.ts';
import { linkRequestType, splitTokens } from './link-rel.ts';
import { parseMetaRefresh } from './meta-refresh.ts';
import { gatherJs } from './js.ts';
import { scriptKind } from './script-type.ts';
import { importMapUrls, speculationRuleUrls } from './script-json.ts';
import { parseSrcset } from './srcset.ts';
import { resolveUrl, type ResolvedUrl } from './url.ts';

type Attributes = Record<string, string>;

/** Nested documents (srcdoc, data: frames, markup templates) deeper than this are not followed. */
const MAX_DEPTH = 8;
const EVIDENCE_LENGTH = 160;

/** Attributes lazy-loading and consent scripts copy into `src`/`srcset` once they run. */
const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original'];
const LAZY_SRCSETS = ['data-srcset', 'data-lazy-srcset'];

const PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };

interface Scope {
  page: PageContext;
  baseUrl: string;
  depth: number;
  /** Maps an offset of this document's text to its position in `page.file`. */
  locate: (offset: number) => Position;
}

/** A `<script>` or `<style>` whose text is being collected until its end tag. */
interface RawTextElement {
  element: 'script' | 'style';
  attributes: Attributes;
  tagStart: number;
  tagEnd: number;
  textStart: number;
  text: string;
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

/**
 * htmlparser2 reports only end tags that close an open element, but a browser clears its form
 * pointer on any `</form>` token — even after the form was closed implicitly — so end tag tokens
 * are passed on as they come.
 */
class EndTagParser extends Parser {
  onEndTagToken: (start: number, end: number) => void = () => {};

  override onclosetag(start: number, endIndex: number): void {
    this.onEndTagToken(start, endIndex);
    super.onclosetag(start, endIndex);
  }
}

function gatherDocument(text: string, scope: Scope): Observation[] {
  const gatherer = new DocumentGatherer(text, scope);
  const parser = new EndTagParser({
    onopentag: (name, attributes) => gatherer.openTag(name, attributes, parser.startIndex, parser.endIndex),
    ontext: (data) => gatherer.onText(data, parser.startIndex),
    onclosetag: (name) => gatherer.closeTag(name),
    onend: () => gatherer.end(),
  }, PARSER_OPTIONS);
  parser.onEndTagToken = (start, end) => gatherer.endTagToken(start, end);
  parser.end(text);
  return gatherer.observations;
}

class DocumentGatherer {
  readonly observations: Observation[] = [];
  private readonly markup: string;
  private readonly scope: Scope;
  private readonly forms: FormTracker;
  private baseUrl: string;
  private baseSeen = false;
  /** Links met before `<base href>`: a browser resolves them against the base when followed. */
  private readonly linksBeforeBase: NavigationObservation[] = [];
  private rawText: RawTextElement | undefined;
  private media: { element: string; attributes: Attributes } | undefined;
  private tagStart = 0;
  private tagEnd = 0;
  private tagEvidence: string | undefined;
  private tagPosition: Position | undefined;

  constructor(text: string, scope: Scope) {
    this.markup = text;
    this.scope = scope;
    this.baseUrl = scope.baseUrl;
    this.forms = new FormTracker(scope.page.url);
  }

  openTag(name: string, attributes: Attributes, start: number, end: number): void {
    this.tagStart = start;
    this.tagEnd = end;
    this.tagEvidence = undefined;
    this.tagPosition = undefined;
    this.element(name, attributes);
    for (const attribute in attributes) {
      if (attribute === 'style') this.styleAttribute(name, attributes.style!);
      else if (attribute.length > 2 && attribute.charCodeAt(0) === 0x6f && attribute.charCodeAt(1) === 0x6e) this.eventHandler(name, attribute, attributes[attribute]!);
    }
  }

  onText(data: string, start: number): void {
    const raw = this.rawText;
    if (raw === undefined) return;
    if (raw.text === '') raw.textStart = start;
    raw.text += data;
  }

  closeTag(name: string): void {
    if (this.rawText !== undefined && name === this.rawText.element) this.endRawText(this.rawText);
    else if (this.media !== undefined && name === this.media.element) this.media = undefined;
  }

  endTagToken(start: number, end: number): void {
    if (end - start === 4 && this.markup.slice(start, end).toLowerCase() === 'form') this.forms.closeForm();
  }

  end(): void {
    for (const form of this.forms.finish(this.baseUrl)) this.observations.push(form);
  }

  private element(name: string, attributes: Attributes): void {
    // One hash lookup per tag: the common tags (div, p, span, li …) have no handler.
    DocumentGatherer.handlers.get(name)?.(this, name, attributes);
  }

  private static readonly handlers = new Map<string, (gatherer: DocumentGatherer, name: string, attributes: Attributes) => void>([
    ['a', (g, name, a) => g.anchor(name, a)],
    ['area', (g, name, a) => g.anchor(name, a)],
    ['img', (g, name, a) => g.image(name, a)],
    ['source', (g, _name, a) => g.sourceElement(a)],
    ['script', (g, _name, a) => g.script(a)],
    ['style', (g, _name, a) => g.startRawText('style', a)],
    ['link', (g, _name, a) => g.link(a)],
    ['iframe', (g, name, a) => g.frame(name, a)],
    ['frame', (g, name, a) => g.frame(name, a)],
    ['portal', (g, name, a) => g.urlAttribute('frame', name, 'src', a.src)],
    ['object', (g, name, a) => g.embedded('object', name, 'data', a.data, a)],
    ['embed', (g, name, a) => g.embedded('object', name, 'src', a.src, a)],
    ['param', (g, _name, a) => g.param(a)],
    ['video', (g, name, a) => g.mediaElement(name, a)],
    ['audio', (g, name, a) => g.mediaElement(name, a)],
    ['track', (g, name, a) => g.urlAttribute('media', name, 'src', a.src)],
    ['input', (g, name, a) => g.input(a, name)],
    ['button', (g, name, a) => g.formControl(name, a)],
    ['textarea', (g, name, a) => g.formControl(name, a)],
    ['select', (g, name, a) => g.formControl(name, a)],
    ['form', (g, _name, a) => g.form(a)],
    ['base', (g, _name, a) => g.base(a)],
    ['meta', (g, _name, a) => g.meta(a)],
    ...['body', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'].map((tag) =>
      [tag, (g: DocumentGatherer, name: string, a: Attributes) => g.urlAttribute('image', name, 'background', a.background)] as const),
    ['html', (g, name, a) => g.urlAttribute('manifest', name, 'manifest', a.manifest)],
    ['image', (g, name, a) => g.svgHref('image', name, a)],
    ['feImage', (g, _name, a) => g.svgHref('image', 'feimage', a)],
    ['use', (g, name, a) => g.use(name, a)],
  ]);

  // --- locations ---

  private position(offset: number): Position {
    return this.scope.locate(offset);
  }

  private evidence(): string {
    if (this.tagEvidence === undefined) {
      const end = this.tagEnd + 1;
      this.tagEvidence = end - this.tagStart > EVIDENCE_LENGTH
        ? `${this.markup.slice(this.tagStart, this.tagStart + EVIDENCE_LENGTH)}…`
        : this.markup.slice(this.tagStart, end);
    }
    return this.tagEvidence;
  }

  /** The current tag's position, computed once however many observations it yields. */
  private where(): Position {
    return (this.tagPosition ??= this.position(this.tagStart));
  }

  private at(element: string, attribute: string | undefined) {
    const { line, column } = this.where();
    return { file: this.scope.page.file, line, column, source: 'html' as const, element, attribute, evidence: this.evidence() };
  }

  /** Where the value of an attribute of the current tag starts, for code and CSS inside it. */
  private valuePosition(attribute: string): Position {
    return this.position(attributeValueOffset(this.markup, this.tagStart, this.tagEnd, attribute));
  }

  // --- observations ---

  /** A URL the browser fetches; `javascript:` URLs run their code instead. Returns the resolved URL. */
  private urlAttribute(type: RequestType, element: string, attribute: string, value: string | undefined, at?: Position): ResolvedUrl | undefined {
    if (value === undefined || this.runsJavaScript(element, attribute, value)) return undefined;
    const resolved = resolveUrl(value, this.baseUrl);
    if (resolved === undefined) return undefined;
    const { line, column } = at ?? this.where();
    // One literal shape for every request keeps rules' property access monomorphic.
    this.observations.push({
      kind: 'request', type, raw: value.trim(), url: resolved.url, host: resolved.host,
      file: this.scope.page.file, line, column, source: 'html', element, attribute, evidence: this.evidence(),
    });
    return resolved;
  }

  private srcsetAttribute(type: RequestType, element: string, attribute: string, value: string | undefined): void {
    if (value === undefined) return;
    const multiline = value.includes('\n') || value.includes('\r');
    for (const candidate of parseSrcset(value)) {
      const at = multiline ? this.candidatePosition(attribute, value, candidate.start) : undefined;
      this.urlAttribute(type, element, attribute, candidate.url, at);
    }
  }

  /** Where a srcset candidate on a later line than its tag stands; undefined when it shares the tag's line. */
  private candidatePosition(attribute: string, value: string, start: number): Position | undefined {
    const valueStart = attributeValueOffset(this.markup, this.tagStart, this.tagEnd, attribute);
    // Entities shift the decoded value's offsets away from the source's: the attribute's own position is the best left.
    const exact = this.markup.slice(valueStart, valueStart + value.length) === value;
    const here = this.position(exact ? valueStart + start : valueStart);
    return here.line > this.where().line ? here : undefined;
  }

  private lazyAttributes(type: RequestType, element: string, attributes: Attributes): void {
    for (const attribute of LAZY_SOURCES) this.urlAttribute(type, element, attribute, attributes[attribute]);
    for (const attribute of LAZY_SRCSETS) this.srcsetAttribute(type, element, attribute, attributes[attribute]);
  }

  private runsJavaScript(element: string, attribute: string, value: string): boolean {
    const code = javascriptUrlCode(value);
    if (code === undefined) return false;
    const position = this.valuePosition(attribute);
    this.gatherScript(code, element, attribute, position, false);
    return true;
  }

  private navigation(element: string, attribute: string, value: string | undefined, marked: boolean, via: NavigationObservation['via']): void {
    if (value === undefined || this.runsJavaScript(element, attribute, value)) return;
    const resolved = resolveUrl(value, this.baseUrl);
    if (resolved === undefined) return;
    const { line, column } = this.where();
    const observation: NavigationObservation = {
      kind: 'navigation', via, raw: value.trim(), url: resolved.url, host: resolved.host, marked,
      file: this.scope.page.file, line, column, source: 'html', element, attribute, evidence: this.evidence(),
    };
    this.observations.push(observation);
    if (!this.baseSeen && via === 'link') this.linksBeforeBase.push(observation);
  }

  private embed(element: string, attribute: string, value: string, { url, host }: ResolvedUrl, attributes: Attributes): void {
    this.observations.push({ kind: 'embed', raw: value.trim(), url, host, attributes, ...this.at(element, attribute) });
  }

  /** A request that also embeds a document or player; a `data:` document is gathered as a page of its own. */
  private embedded(type: RequestType, element: string, attribute: string, value: string | undefined, attributes: Attributes): void {
    const resolved = this.urlAttribute(type, element, attribute, value);
    if (resolved === undefined || value === undefined) return;
    this.embed(element, attribute, value, resolved, attributes);
    const markup = dataUrlDocument(resolved.url);
    if (markup !== undefined) this.nestedDocument(markup, { file: this.scope.page.file, url: resolved.url }, resolved.url);
  }

  // --- elements ---

  private image(name: string, attributes: Attributes): void {
    this.urlAttribute('image', name, 'src', attributes.src);
    this.srcsetAttribute('image', name, 'srcset', attributes.srcset);
    this.lazyAttributes('image', name, attributes);
  }

  private input(attributes: Attributes, name: string): void {
    if ((attributes.type ?? '').trim().toLowerCase() === 'image') this.urlAttribute('image', name, 'src', attributes.src);
    this.formControl(name, attributes);
  }

  private use(name: string, attributes: Attributes): void {
    // A same-document reference (`#icon`) fetches nothing.
    if ((attributes.href ?? attributes['xlink:href'] ?? '').trim().startsWith('#')) return;
    this.svgHref('image', name, attributes);
  }

  private anchor(name: string, attributes: Attributes): void {
    const attribute = attributes.href !== undefined ? 'href' : 'xlink:href';
    const rel = attributes.rel === undefined ? [] : splitTokens(attributes.rel);
    const marked = attributes['data-leaving'] !== undefined && rel.includes('noopener') && rel.includes('noreferrer');
    this.navigation(name, attribute, attributes[attribute], marked, 'link');
    if (attributes.ping === undefined) return;
    for (const url of splitTokens(attributes.ping, false)) this.urlAttribute('beacon', name, 'ping', url);
  }

  private sourceElement(attributes: Attributes): void {
    const media = this.media;
    if (media === undefined) {
      this.urlAttribute('image', 'source', 'src', attributes.src);
      this.srcsetAttribute('image', 'source', 'srcset', attributes.srcset);
      return this.lazyAttributes('image', 'source', attributes);
    }
    for (const attribute of ['src', ...LAZY_SOURCES]) {
      const resolved = this.urlAttribute('media', 'source', attribute, attributes[attribute]);
      if (resolved !== undefined) this.embed(media.element, attribute, attributes[attribute]!, resolved, media.attributes);
    }
  }

  private mediaElement(name: string, attributes: Attributes): void {
    this.media = { element: name, attributes };
    this.embedded('media', name, 'src', attributes.src, attributes);
    this.embedded('media', name, 'data-src', attributes['data-src'], attributes);
    this.urlAttribute('image', name, 'poster', attributes.poster);
  }

  private frame(name: string, attributes: Attributes): void {
    this.embedded('frame', name, 'src', attributes.src, attributes);
    this.embedded('frame', name, 'data-src', attributes['data-src'], attributes);
    // srcdoc is a whole document; a browser resolves its URLs against the parent's base.
    if (attributes.srcdoc !== undefined) this.nestedDocument(attributes.srcdoc, this.scope.page, this.baseUrl);
  }

  private param(attributes: Attributes): void {
    const name = (attributes.name ?? '').trim().toLowerCase();
    if (name === 'movie' || name === 'src' || name === 'url' || name === 'data' || name === 'filename') {
      this.embedded('object', 'param', 'value', attributes.value, attributes);
    }
  }

  private svgHref(type: RequestType, name: string, attributes: Attributes): void {
    const attribute = attributes.href !== undefined ? 'href' : 'xlink:href';
    this.urlAttribute(type, name, attribute, attributes[attribute]);
  }

  private link(attributes: Attributes): void {
    const type = linkRequestType(attributes.rel ?? '', attributes.as);
    if (type === undefined) return;
    const resolved = this.urlAttribute(type, 'link', 'href', attributes.href);
    this.srcsetAttribute('image', 'link', 'imagesrcset', attributes.imagesrcset);
    const css = type === 'style' && resolved !== undefined ? dataUrlStylesheet(resolved.url) : undefined;
    // A data: stylesheet's own relative URLs resolve against the data: URL, so fail, as in a browser.
    if (css !== undefined) this.collectAtTag(gatherCss(css, { file: this.scope.page.file, baseUrl: resolved!.url, ...this.where(), element: 'link', attribute: 'href' }));
  }

  private base(attributes: Attributes): void {
    if (this.baseSeen || attributes.href === undefined) return;
    this.baseSeen = true;
    const resolved = resolveUrl(attributes.href, this.scope.baseUrl);
    // Browsers refuse data: and javascript: bases; an invalid one leaves the document's URL in place.
    if (resolved === undefined || resolved.url.startsWith('data:') || resolved.url.startsWith('javascript:')) return;
    this.baseUrl = resolved.url;
    for (const link of this.linksBeforeBase) {
      const again = resolveUrl(link.raw, this.baseUrl);
      if (again !== undefined) Object.assign(link, again);
    }
  }

  private meta(attributes: Attributes): void {
    const httpEquiv = attributes['http-equiv'];
    if (httpEquiv === undefined) return this.metaName(attributes);
    const directive = httpEquiv.trim().toLowerCase();
    if (directive === 'set-cookie') {
      this.observations.push({ kind: 'storage', api: 'set-cookie', ...this.at('meta', 'http-equiv') });
    } else if (directive === 'refresh') {
      const refresh = parseMetaRefresh(attributes.content ?? '');
      if (refresh?.url !== undefined) this.navigation('meta', 'content', refresh.url, false, 'refresh');
    }
  }

  /** `<meta name="referrer">` sets the page's Referrer-Policy as the header would. */
  private metaName(attributes: Attributes): void {
    if (attributes.content === undefined || attributes.name?.toLowerCase() !== 'referrer') return;
    const pattern = `/${this.scope.page.file}`;
    this.observations.push({ kind: 'header', name: 'referrer-policy', value: attributes.content, pattern, ...this.at('meta', 'content') });
  }

  private form(attributes: Attributes): void {
    if (attributes.action !== undefined) this.runsJavaScript('form', 'action', attributes.action);
    this.forms.openForm(attributes, this.at('form', 'action'));
  }

  private formControl(name: string, attributes: Attributes): void {
    const formAction = attributes.formaction;
    if (formAction !== undefined) this.runsJavaScript(name, 'formaction', formAction);
    this.forms.control(name, attributes, () => this.at(name, formAction !== undefined ? 'formaction' : 'formmethod'));
  }

  // --- embedded code ---

  private styleAttribute(element: string, value: string): void {
    // Declarations fetch only through functions (url(), image-set()), escaped or not: no '(' means nothing to fetch.
    if (!value.includes('(')) return;
    const { line, column } = this.valuePosition('style');
    this.collect(gatherCss(value, { file: this.scope.page.file, baseUrl: this.baseUrl, line, column, element, attribute: 'style' }));
  }

  private eventHandler(element: string, attribute: string, value: string): void {
    if (value.trim() === '') return;
    this.gatherScript(value, element, attribute, this.valuePosition(attribute), false);
  }

  private gatherScript(code: string, element: string, attribute: string | undefined, { line, column }: Position, module: boolean): void {
    this.collect(gatherJs(code, { file: this.scope.page.file, baseUrl: this.baseUrl, line, column, element, attribute, module }));
  }

  private collect(observations: Observation[]): void {
    for (const observation of observations) this.observations.push(observation);
  }

  private script(attributes: Attributes): void {
    // Script in SVG names its source with href or xlink:href.
    const attribute = attributes.src !== undefined ? 'src' : attributes.href !== undefined ? 'href' : 'xlink:href';
    const resolved = this.urlAttribute('script', 'script', attribute, attributes[attribute]);
    if (resolved !== undefined) this.dataScript(resolved.url, attribute, attributes);
    this.startRawText('script', attributes);
  }

  /** A `data:` script source runs its decoded code; its observations are reported at the tag. */
  private dataScript(url: string, attribute: string, attributes: Attributes): void {
    const code = dataUrlScript(url);
    if (code === undefined) return;
    const kind = scriptKind(attributes);
    if (kind !== 'classic' && kind !== 'module') return;
    const context = { file: this.scope.page.file, baseUrl: this.baseUrl, ...this.where(), element: 'script', attribute, module: kind === 'module' };
    this.collectAtTag(gatherJs(code, context));
  }

  private startRawText(element: RawTextElement['element'], attributes: Attributes): void {
    this.rawText = { element, attributes, tagStart: this.tagStart, tagEnd: this.tagEnd, textStart: this.tagEnd + 1, text: '' };
  }

  private endRawText(raw: RawTextElement): void {
    this.rawText = undefined;
    if (raw.text.trim() === '') return;
    // Events for the script's own observations point at its start tag.
    this.tagStart = raw.tagStart;
    this.tagEnd = raw.tagEnd;
    this.tagEvidence = undefined;
    this.tagPosition = undefined;
    const position = this.position(raw.textStart);
    if (raw.element === 'style') {
      this.collect(gatherCss(raw.text, { file: this.scope.page.file, baseUrl: this.baseUrl, ...position, element: 'style' }));
      return;
    }
    const { src, href } = raw.attributes;
    // A script with a source ignores its inline text.
    if ((src ?? href ?? raw.attributes['xlink:href'] ?? '').trim() !== '') return;
    this.inlineScript(raw, position);
  }

  private inlineScript(raw: RawTextElement, position: Position): void {
    switch (scriptKind(raw.attributes)) {
      case 'classic':
        return this.gatherScript(raw.text, 'script', undefined, position, false);
      case 'module':
        return this.gatherScript(raw.text, 'script', undefined, position, true);
      case 'importmap':
        for (const url of importMapUrls(raw.text)) this.urlAttribute('import', 'script', 'importmap', url);
        return;
      case 'speculationrules':
        for (const url of speculationRuleUrls(raw.text)) this.urlAttribute('prefetch', 'script', 'speculationrules', url);
        return;
      case 'markup':
        return this.templateMarkup(raw);
      case 'data':
        return;
    }
  }

  /** Markup a client-side template will insert: its offsets map straight onto this file. */
  private templateMarkup(raw: RawTextElement): void {
    if (this.scope.depth >= MAX_DEPTH) return;
    const locate = this.scope.locate;
    const scope: Scope = { page: this.scope.page, baseUrl: this.baseUrl, depth: this.scope.depth + 1, locate: (offset) => locate(raw.textStart + offset) };
    this.collect(gatherDocument(raw.text, scope));
  }

  /** A document inside an attribute (srcdoc, data: URL): its observations are reported at the element. */
  private nestedDocument(markup: string, page: PageContext, baseUrl: string): void {
    if (this.scope.depth >= MAX_DEPTH) return;
    const here = this.where();
    this.collectAtTag(gatherDocument(markup, { page, baseUrl, depth: this.scope.depth + 1, locate: () => here }));
  }

  /** Observations of decoded text (a data: URL, srcdoc), which has no place of its own in the file: all at the current tag. */
  private collectAtTag(observations: Observation[]): void {
    const { line, column } = this.where();
    for (const observation of observations) {
      observation.file = this.scope.page.file;
      observation.line = line;
      observation.column = column;
      this.observations.push(observation);
    }
  }
}
