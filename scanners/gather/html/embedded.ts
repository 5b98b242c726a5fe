import type { Observation } from '../../observations.ts';
import type { PageContext } from '../context.ts';
import { gatherCss } from '../css/index.ts';
import { dataUrlDocument, dataUrlScript, dataUrlStylesheet } from '../../syntax/embedded-url.ts';
import type { Attributes, DocumentGatherer } from './index.ts';
import { gatherJs } from '../js/index.ts';
import type { Position } from '../../syntax/line-index.ts';
import { hasScriptSource, scriptKind } from '../../syntax/script-type.ts';
import { resolveUrl } from '../../syntax/url.ts';
import { importMapUrls, speculationRules } from '../../syntax/script-json.ts';

/** Nested documents (srcdoc, data: frames, markup templates) deeper than this are not followed. */
export const MAX_DEPTH = 8;

/** A `<script>` or `<style>` whose text is being collected until its end tag. */
export interface RawTextElement {
  element: 'script' | 'style';
  attributes: Attributes;
  tagStart: number;
  tagEnd: number;
  textStart: number;
  text: string;
}

/** A `style` attribute: its declarations go to the CSS gatherer, positioned at the value. */
export function styleAttribute(g: DocumentGatherer, element: string, value: string): void {
  // Declarations fetch only through functions (url(), image-set()), escaped or not: no '(' means nothing to fetch.
  if (!value.includes('(')) return;
  const { line, column } = g.valuePosition('style');
  g.collect(
    gatherCss(value, { file: g.scope.page.file, baseUrl: g.baseUrl, line, column, element, attribute: 'style' }),
  );
}

/**
 * SVG presentation attributes that take a url(): Firefox fetches another document's gradient,
 * filter, mask or marker through them, as it does through the same property in `style`.
 */
export const URL_PRESENTATION_ATTRIBUTES = new Set([
  'fill',
  'stroke',
  'filter',
  'clip-path',
  'mask',
  'marker-start',
  'marker-mid',
  'marker-end',
  'cursor',
]);

/**
 * A presentation attribute (one of URL_PRESENTATION_ATTRIBUTES): its value is a CSS value, read like a declaration's.
 */
export function presentationAttribute(g: DocumentGatherer, element: string, attribute: string, value: string): void {
  if (!value.includes('(')) return;
  const { line, column } = g.valuePosition(attribute);
  g.collect(gatherCss(value, { file: g.scope.page.file, baseUrl: g.baseUrl, line, column, element, attribute }));
}

/** An `on…` attribute: its code goes to the JavaScript gatherer, positioned at the value. */
export function eventHandler(g: DocumentGatherer, element: string, attribute: string, value: string): void {
  if (value.trim() === '') return;
  gatherScript(g, value, element, attribute, g.valuePosition(attribute), false);
}

/** Code found in the page (inline, an event handler, a `javascript:` URL), gathered at `position`. */
export function gatherScript(
  g: DocumentGatherer,
  code: string,
  element: string,
  attribute: string | undefined,
  { line, column }: Position,
  module: boolean,
): void {
  g.collect(gatherJs(code, { file: g.scope.page.file, baseUrl: g.baseUrl, line, column, element, attribute, module }));
}

/** A `<script>` start tag: its source is a request (a `data:` one also runs), and its text is collected. */
export function script(g: DocumentGatherer, attributes: Attributes): void {
  // Script in SVG names its source with href or xlink:href.
  const attribute = attributes.src !== undefined ? 'src' : attributes.href !== undefined ? 'href' : 'xlink:href';
  const resolved = g.urlAttribute('script', 'script', attribute, attributes[attribute]);
  if (resolved !== undefined) dataScript(g, resolved.url, attribute, attributes);
  startRawText(g, 'script', attributes);
}

/** A `data:` script source runs its decoded code; its observations are reported at the tag. */
function dataScript(g: DocumentGatherer, url: string, attribute: string, attributes: Attributes): void {
  const code = dataUrlScript(url);
  if (code === undefined) return;
  const kind = scriptKind(attributes);
  if (kind !== 'classic' && kind !== 'module') return;
  const context = {
    file: g.scope.page.file,
    baseUrl: g.baseUrl,
    ...g.where(),
    element: 'script',
    attribute,
    module: kind === 'module',
  };
  g.collectAtTag(gatherJs(code, context));
}

/** A `<link rel="stylesheet">` to a `data:` URL: its CSS is gathered at the tag. */
export function dataStylesheet(g: DocumentGatherer, url: string): void {
  const css = dataUrlStylesheet(url);
  // A data: stylesheet's own relative URLs resolve against the data: URL, so fail, as in a browser.
  if (css !== undefined)
    g.collectAtTag(
      gatherCss(css, { file: g.scope.page.file, baseUrl: url, ...g.where(), element: 'link', attribute: 'href' }),
    );
}

/** A frame or object whose URL is a `data:` document: gathered as a page of its own, at the tag. */
export function dataDocument(g: DocumentGatherer, url: string): void {
  const markup = dataUrlDocument(url);
  if (markup !== undefined) nestedDocument(g, markup, { file: g.scope.page.file, url }, url);
}

/** An `<iframe srcdoc>`: a whole document, reported at the tag. */
export function srcdocDocument(g: DocumentGatherer, markup: string): void {
  // A browser resolves its URLs against the parent's base.
  nestedDocument(g, markup, g.scope.page, g.baseUrl);
}

/** Starts collecting the text of a `<script>` or `<style>` at the current tag. */
export function startRawText(g: DocumentGatherer, element: RawTextElement['element'], attributes: Attributes): void {
  g.rawText = { element, attributes, tagStart: g.tagStart, tagEnd: g.tagEnd, textStart: g.tagEnd + 1, text: '' };
}

/** The end of a `<script>` or `<style>`: its collected text goes to the gatherer its type calls for. */
export function endRawText(g: DocumentGatherer, raw: RawTextElement): void {
  g.rawText = undefined;
  if (raw.text.trim() === '') return;
  // Events for the script's own observations point at its start tag.
  g.moveToTag(raw.tagStart, raw.tagEnd);
  const position = g.position(raw.textStart);
  if (raw.element === 'style') {
    g.collect(gatherCss(raw.text, { file: g.scope.page.file, baseUrl: g.baseUrl, ...position, element: 'style' }));
    return;
  }
  if (hasScriptSource(raw.attributes)) return;
  inlineScript(g, raw, position);
}

function inlineScript(g: DocumentGatherer, raw: RawTextElement, position: Position): void {
  switch (scriptKind(raw.attributes)) {
    case 'classic':
      return gatherScript(g, raw.text, 'script', undefined, position, false);
    case 'module':
      return gatherScript(g, raw.text, 'script', undefined, position, true);
    case 'importmap':
      for (const url of importMapUrls(raw.text)) g.urlAttribute('import', 'script', 'importmap', url);
      return;
    case 'speculationrules': {
      const rules = speculationRules(raw.text);
      for (const url of rules.urls) g.urlAttribute('prefetch', 'script', 'speculationrules', url);
      g.speculativeLinks.any ||= rules.links.any;
      g.speculativeLinks.hosts.push(...rules.links.hosts);
      return;
    }
    case 'markup':
      return templateMarkup(g, raw);
    case 'data':
      return;
  }
}

/** Markup a client-side template will insert: its offsets map straight onto this file. */
function templateMarkup(g: DocumentGatherer, raw: RawTextElement): void {
  g.collect(markupAt(g, raw.textStart, raw.textStart + raw.text.length));
}

/** The markup between two offsets of this document, gathered as a document of its own at its exact positions. */
function markupAt(g: DocumentGatherer, start: number, end: number): Observation[] {
  if (g.scope.depth >= MAX_DEPTH) return [];
  const locate = g.scope.locate;
  return g.gatherNested(g.markup.slice(start, end), g.scope.page, g.baseUrl, (offset) => locate(start + offset));
}

/** An end tag that ends raw text: the name, then whitespace, `/` or `>`. */
export const NOSCRIPT_END_TAG = /<\/noscript[\t\n\f\r />]/gi;

/**
 * A `<noscript>` of the live document. The pass reads its content as markup, as a browser without scripting
 * does; with scripting on it is raw text up to the first `</noscript`, wherever that stands (in an attribute,
 * a comment, a `<style>`). Remembers where, so that what follows can be read the second way too.
 */
export function openNoscript(g: DocumentGatherer): void {
  if (g.noscript !== undefined || !g.parser.isLiveHtml(1)) return;
  NOSCRIPT_END_TAG.lastIndex = g.tagEnd + 1;
  const end = NOSCRIPT_END_TAG.exec(g.markup);
  // Unclosed, its raw text runs to the end of the document and hides everything.
  g.noscript = { rawTextEnd: end === null ? g.markup.length : end.index };
}

/**
 * The end of the outermost `<noscript>` in htmlparser2's reading. When the raw text ended earlier, the markup
 * from there to here is live for a browser with scripting on: it is gathered too, and kept apart until the
 * end of the document, where what the first reading already found at the same place is dropped.
 */
export function closeNoscript(g: DocumentGatherer, noscript: NonNullable<DocumentGatherer['noscript']>): void {
  g.noscript = undefined;
  // The token that closed the element starts at the parser's start index (htmlparser2 sets it to the end when the
  // document ends).
  const closedAt = g.parser.atEnd ? g.markup.length : g.parser.startIndex;
  if (noscript.rawTextEnd >= closedAt) return;
  const end = g.parser.atEnd ? g.markup.length : g.parser.endIndex + 1;
  for (const observation of markupAt(g, noscript.rawTextEnd, end)) g.scriptingOn.push(observation);
}

/** A document inside an attribute (srcdoc, data: URL): its observations are reported at the element. */
function nestedDocument(g: DocumentGatherer, markup: string, page: PageContext, baseUrl: string): void {
  if (g.scope.depth >= MAX_DEPTH) return;
  const here = g.where();
  g.collectAtTag(g.gatherNested(markup, page, baseUrl, () => here));
}

/**
 * Links a document rule of the page's speculation rules picks (see SpeculationRules.links): the browser prefetches
 * them unasked, so each link to another host is a request too, at the link. Run at the end of the document,
 * when every link and every rule is known.
 */
export function speculativePrefetches(g: DocumentGatherer): void {
  const { any, hosts } = g.speculativeLinks;
  if (!any && hosts.length === 0) return;
  const pageHost = resolveUrl(g.scope.page.url, g.scope.page.url)?.host;
  const gathered = g.observations.length;
  for (let index = 0; index < gathered; index++) {
    const link = g.observations[index]!;
    if (link.kind !== 'navigation' || link.via !== 'link' || link.host === '' || link.host === pageHost) continue;
    if (!any && !hosts.includes(link.host)) continue;
    const { raw, url, host, file, line, column, element, attribute, evidence } = link;
    g.observations.push({
      kind: 'request',
      type: 'prefetch',
      raw,
      url,
      host,
      file,
      line,
      column,
      source: 'html',
      element,
      attribute,
      evidence,
    });
  }
}
