import { MAX_DEPTH } from '../../html/reader.ts';
import type { PageContext } from '../context.ts';
import type { RequestType } from '../../observations.ts';
import type { Attributes, DocumentGatherer, RawTextElement } from './document-gatherer.ts';
import { gatherCss } from '../css/index.ts';
import { dataUrlDocument, dataUrlScript, dataUrlStylesheet } from '../../syntax/embedded-url.ts';
import { gatherJs } from '../js/index.ts';
import type { Position } from '../../syntax/line-index.ts';
import { hasScriptSource, scriptKind } from '../../syntax/script-type.ts';
import { resolveUrl } from '../../syntax/url.ts';
import { importMapUrls, speculationRules } from '../../syntax/script-json.ts';
import { type AmpConfigUrl, ampAccessUrls, ampAnalyticsUrls, ampConsentUrls } from '../../syntax/amp-config.ts';

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
  if (markup !== undefined) nestedDocument(g, markup, { file: g.scope.page.file, url }, url, true);
}

/** An `<iframe srcdoc>`: a whole document, reported at the tag. */
export function srcdocDocument(g: DocumentGatherer, markup: string): void {
  // A browser resolves its URLs against the parent's base.
  nestedDocument(g, markup, g.scope.page, g.baseUrl, true);
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
      const rules = speculationRules(raw.text, g.baseUrl);
      for (const url of rules.urls) g.urlAttribute('prefetch', 'script', 'speculationrules', url);
      g.speculativeLinks.push(...rules.links);
      return;
    }
    case 'data':
      return ampConfig(g, raw);
    // The reader hands a template's markup on as a reading of its own.
    case 'markup':
      return;
  }
}

/** What the AMP runtime does with each URL of a component's JSON config. */
const AMP_CONFIG_TYPES: Readonly<Record<string, RequestType>> = {
  checkConsentHref: 'fetch',
  promptUISrc: 'frame',
  authorization: 'fetch',
  pingback: 'fetch',
};

/**
 * A JSON script the AMP runtime reads as a component's config: in an `<amp-analytics>` or `<amp-consent>`, or the
 * page's `<script id="amp-access">`. Its URLs are requests at the script.
 */
function ampConfig(g: DocumentGatherer, raw: RawTextElement): void {
  const config = (element: string, urls: AmpConfigUrl[]) => {
    for (const { key, url } of urls) g.urlAttribute(AMP_CONFIG_TYPES[key] ?? 'fetch', element, key, url);
  };
  if (g.ampComponent === 'amp-analytics')
    for (const url of ampAnalyticsUrls(raw.text)) g.urlAttribute('beacon', 'amp-analytics', 'requests', url);
  else if (g.ampComponent === 'amp-consent') config('amp-consent', ampConsentUrls(raw.text));
  else if (raw.attributes.id === 'amp-access') config('amp-access', ampAccessUrls(raw.text));
}

/** A document inside an attribute (srcdoc, data: URL): its observations are reported at the element. */
function nestedDocument(g: DocumentGatherer, markup: string, page: PageContext, baseUrl: string, frame: boolean): void {
  if (g.scope.depth >= MAX_DEPTH) return;
  const here = g.where();
  g.collectAtTag(g.gatherNested(markup, page, baseUrl, () => here, frame));
}

/**
 * Links a document rule of the page's speculation rules picks (see SpeculationRules.links): the browser prefetches
 * them unasked, so each link to another host is a request too, at the link. Run at the end of the document,
 * when every link and every rule is known.
 */
export function speculativePrefetches(g: DocumentGatherer): void {
  const rules = g.speculativeLinks;
  if (rules.length === 0) return;
  const pageHost = resolveUrl(g.scope.page.url, g.scope.page.url)?.host;
  const gathered = g.observations.length;
  for (let index = 0; index < gathered; index++) {
    const link = g.observations[index]!;
    if (link.kind !== 'navigation' || link.via !== 'link' || link.host === '' || link.host === pageHost) continue;
    // A link a script makes and clicks (`a.href = url; a.click()`) is not in the document for a rule to pick.
    if (link.source !== 'html') continue;
    if (!rules.some((picks) => picks(link.url))) continue;
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
