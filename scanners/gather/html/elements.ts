import type { EmbedObservation, NavigationObservation, RequestType } from '../../observations.ts';
import { attributeValueOffset } from '../../html/attribute-position.ts';
import type { StartTag } from '../../html/tags.ts';
import { inputType } from '../../syntax/form-fields.ts';
import type { Attributes, DocumentGatherer } from './document-gatherer.ts';
import {
  dataDocument,
  dataStylesheet,
  presentationAttribute,
  script,
  srcdocDocument,
  startRawText,
  URL_PRESENTATION_ATTRIBUTES,
} from './embedded.ts';
import type { Position } from '../../syntax/line-index.ts';
import { hasLeavingMarker, linkRequestType, splitTokens } from '../../syntax/link-rel.ts';
import { parseMetaRefresh } from '../../syntax/meta-refresh.ts';
import { parseSrcset } from '../../syntax/srcset.ts';
import { resolveUrl, type ResolvedUrl } from '../../syntax/url.ts';

/**
 * What the HTML gatherer does on the start tag of an element: records its requests, navigations, embeds and forms.
 * `tag` is the reader's, with its form owner.
 */
export type ElementHandler = (gatherer: DocumentGatherer, name: string, attributes: Attributes, tag: StartTag) => void;

/** Attributes lazy-loading and consent scripts copy into `src`/`srcset` once they run. */
const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original'];
const LAZY_SRCSETS = ['data-srcset', 'data-lazy-srcset'];

/** `<img>` and its AMP forms: src, srcset, lazy-loading copies and attribution sources. */
export function image(g: DocumentGatherer, name: string, attributes: Attributes): void {
  g.urlAttribute('image', name, 'src', attributes.src);
  attributionSources(g, name, attributes);
  srcsetAttribute(g, 'image', name, 'srcset', attributes.srcset);
  lazyAttributes(g, 'image', name, attributes);
}

function input(g: DocumentGatherer, name: string, attributes: Attributes, tag: StartTag): void {
  if (inputType(attributes) === 'image') g.urlAttribute('image', name, 'src', attributes.src);
  formControl(g, name, attributes, tag);
}

function use(g: DocumentGatherer, name: string, attributes: Attributes): void {
  // A same-document reference (`#icon`) fetches nothing.
  if ((attributes.href ?? attributes['xlink:href'] ?? '').trim().startsWith('#')) return;
  svgHref(g, name, attributes);
}

function svgHref(g: DocumentGatherer, name: string, attributes: Attributes): void {
  const attribute = attributes.href !== undefined ? 'href' : 'xlink:href';
  g.urlAttribute('image', name, attribute, attributes[attribute]);
}

/** Link targets that open the link in its own frame: none, or `_self`. */
const SAME_FRAME_TARGET = /^\s*(?:_self\s*)?$/i;

function anchor(g: DocumentGatherer, name: string, attributes: Attributes): void {
  const attribute = attributes.href !== undefined ? 'href' : 'xlink:href';
  const marked = hasLeavingMarker(attributes['data-leaving'], attributes.rel);
  const target = attributes.target ?? g.baseTarget ?? '';
  // A link in a frame's own document loads in that frame (a play button in srcdoc): an embed, not a way off the site.
  // A named target may open a new window, so it stays a navigation. A player facade's script turns a click on its
  // link into the player: an embed too.
  if ((g.scope.frame && SAME_FRAME_TARGET.test(target)) || g.facades > 0) frameLoad(g, name, attribute, attributes);
  else navigation(g, name, attribute, attributes[attribute], marked, 'link');
  attributionSources(g, name, attributes);
  // Only a hyperlink pings, and only an href makes an `<a>` or `<area>` one.
  if (attributes.ping === undefined || attributes.href === undefined) return;
  for (const url of splitTokens(attributes.ping, false)) g.urlAttribute('beacon', name, 'ping', url);
}

/**
 * `attributionsrc="URL …"` on a, area, img or script: Chromium's Attribution Reporting sends each URL a
 * background registration request (on load, or on click for links). An empty value only adds a header.
 */
function attributionSources(g: DocumentGatherer, name: string, attributes: Attributes): void {
  const value = attributes.attributionsrc;
  if (value === undefined) return;
  for (const url of splitTokens(value, false)) g.urlAttribute('beacon', name, 'attributionsrc', url);
}

/** URL-valued attributes an SVG `<set>` or `<animate>` can switch to, and the properties whose url() then fetches. */
const ANIMATED_HREFS: ReadonlySet<string> = new Set(['href', 'xlink:href']);

/**
 * SVG `<set>`/`<animate>`: once the animation starts, the parent element takes the `to`, `from` or `values`
 * (a ; list) as its href or presentation attribute and fetches it as if it were written there.
 */
function svgAnimation(g: DocumentGatherer, name: string, attributes: Attributes): void {
  const target = (attributes.attributename ?? '').trim();
  const isHref = ANIMATED_HREFS.has(target);
  if (!isHref && !URL_PRESENTATION_ATTRIBUTES.has(target)) return;
  for (const attribute of ['to', 'from', 'values']) {
    const value = attributes[attribute];
    if (value === undefined) continue;
    if (!isHref) presentationAttribute(g, name, attribute, value);
    else
      for (const url of value.split(';'))
        if (!url.trim().startsWith('#')) g.urlAttribute('image', name, attribute, url);
  }
}

function sourceElement(g: DocumentGatherer, _name: string, attributes: Attributes): void {
  const media = g.media;
  // A media element with its own src never looks at its <source> children.
  if (media?.attributes.src !== undefined) return;
  if (media === undefined) {
    g.urlAttribute('image', 'source', 'src', attributes.src);
    srcsetAttribute(g, 'image', 'source', 'srcset', attributes.srcset);
    return lazyAttributes(g, 'image', 'source', attributes);
  }
  for (const attribute of ['src', ...LAZY_SOURCES]) {
    const resolved = g.urlAttribute('media', 'source', attribute, attributes[attribute]);
    if (resolved !== undefined)
      embed(g, 'media', media.element, attribute, attributes[attribute]!, resolved, media.attributes);
  }
}

/** `<video>`, `<audio>` and their AMP forms: a player of the media file, and the poster image it shows first. */
export function mediaElement(g: DocumentGatherer, name: string, attributes: Attributes): void {
  g.media = { element: name, attributes };
  embedded(g, 'media', name, 'src', attributes.src, attributes);
  embedded(g, 'media', name, 'data-src', attributes['data-src'], attributes);
  g.urlAttribute('image', name, 'poster', attributes.poster);
}

function frame(g: DocumentGatherer, name: string, attributes: Attributes): void {
  embedded(g, 'frame', name, 'src', attributes.src, attributes);
  embedded(g, 'frame', name, 'data-src', attributes['data-src'], attributes);
  if (attributes.srcdoc !== undefined) srcdocDocument(g, attributes.srcdoc);
}

function param(g: DocumentGatherer, _name: string, attributes: Attributes): void {
  const name = (attributes.name ?? '').trim().toLowerCase();
  if (name === 'movie' || name === 'src' || name === 'url' || name === 'data' || name === 'filename') {
    embedded(g, 'object', 'param', 'value', attributes.value, attributes);
  }
}

function link(g: DocumentGatherer, _name: string, attributes: Attributes): void {
  const type = linkRequestType(attributes.rel ?? '', attributes.as);
  if (type === undefined) return;
  const resolved = g.urlAttribute(type, 'link', 'href', attributes.href);
  srcsetAttribute(g, 'image', 'link', 'imagesrcset', attributes.imagesrcset);
  if (type === 'style' && resolved !== undefined) dataStylesheet(g, resolved.url);
}

function meta(g: DocumentGatherer, _name: string, attributes: Attributes): void {
  const httpEquiv = attributes['http-equiv'];
  if (httpEquiv === undefined) return metaName(g, attributes);
  const directive = httpEquiv.trim().toLowerCase();
  if (directive === 'set-cookie') {
    g.observations.push({ kind: 'storage', api: 'set-cookie', ...g.at('meta', 'http-equiv') });
  } else if (directive === 'refresh') {
    const refresh = parseMetaRefresh(attributes.content ?? '');
    if (refresh?.url !== undefined) navigation(g, 'meta', 'content', refresh.url, false, 'refresh');
  }
}

/** `<meta name="referrer">` sets the page's Referrer-Policy as the header would. */
function metaName(g: DocumentGatherer, attributes: Attributes): void {
  if (attributes.content === undefined || attributes.name?.toLowerCase() !== 'referrer') return;
  const pattern = `/${g.scope.page.file}`;
  g.observations.push({
    kind: 'header',
    name: 'referrer-policy',
    value: attributes.content,
    pattern,
    ...g.at('meta', 'content'),
  });
}

function form(g: DocumentGatherer, _name: string, attributes: Attributes, tag: StartTag): void {
  if (attributes.action !== undefined) g.runsJavaScript('form', 'action', attributes.action);
  // A form opened while another is still the form element pointer is dropped by the browser.
  if (tag.form === tag)
    g.forms.openForm(tag, g.at('form', attributes['action-xhr'] === undefined ? 'action' : 'action-xhr'));
}

function formControl(g: DocumentGatherer, name: string, attributes: Attributes, tag: StartTag): void {
  const formAction = attributes.formaction;
  if (formAction !== undefined) g.runsJavaScript(name, 'formaction', formAction);
  g.forms.control(tag, () => g.at(name, formAction !== undefined ? 'formaction' : 'formmethod'));
}

function navigation(
  g: DocumentGatherer,
  element: string,
  attribute: string,
  value: string | undefined,
  marked: boolean,
  via: NavigationObservation['via'],
): void {
  if (value === undefined || g.runsJavaScript(element, attribute, value)) return;
  const resolved = resolveUrl(value, g.baseUrl);
  if (resolved === undefined) return;
  const { line, column } = g.where();
  const observation: NavigationObservation = {
    kind: 'navigation',
    via,
    raw: value.trim(),
    url: resolved.url,
    host: resolved.host,
    marked,
    file: g.scope.page.file,
    line,
    column,
    source: 'html',
    element,
    attribute,
    evidence: g.evidence(),
  };
  g.observations.push(observation);
  if (!g.baseSeen && via === 'link') g.linksBeforeBase.push(observation);
}

/** A link that loads its URL into the frame it sits in: an embed of that URL, once the visitor clicks. */
function frameLoad(g: DocumentGatherer, element: string, attribute: string, attributes: Attributes): void {
  const value = attributes[attribute];
  if (value === undefined || g.runsJavaScript(element, attribute, value)) return;
  const resolved = resolveUrl(value, g.baseUrl);
  if (resolved === undefined || !/^https?:/.test(resolved.url)) return;
  const observation: EmbedObservation = {
    kind: 'embed',
    raw: value.trim(),
    url: resolved.url,
    host: resolved.host,
    media: false,
    attributes,
    ...g.at(element, attribute),
  };
  g.observations.push(observation);
  if (!g.baseSeen) g.linksBeforeBase.push(observation);
}

/** The first live `<base target>` sets where the document's links open. */
function base(g: DocumentGatherer, _name: string, attributes: Attributes, tag: StartTag): void {
  const live = !tag.foreign && !tag.inTemplate && !tag.inNoscript;
  if (g.baseTarget === undefined && attributes.target !== undefined && live) g.baseTarget = attributes.target;
}

function srcsetAttribute(
  g: DocumentGatherer,
  type: RequestType,
  element: string,
  attribute: string,
  value: string | undefined,
): void {
  if (value === undefined) return;
  const multiline = value.includes('\n') || value.includes('\r');
  for (const candidate of parseSrcset(value)) {
    const at = multiline ? candidatePosition(g, attribute, value, candidate.start) : undefined;
    g.urlAttribute(type, element, attribute, candidate.url, at);
  }
}

/** Where a srcset candidate on a later line than its tag stands; undefined when it shares the tag's line. */
function candidatePosition(g: DocumentGatherer, attribute: string, value: string, start: number): Position | undefined {
  const valueStart = attributeValueOffset(g.markup, g.tagStart, g.tagEnd, attribute);
  // Entities shift the decoded value's offsets away from the source's: the attribute's own position is the best left.
  const exact = g.markup.slice(valueStart, valueStart + value.length) === value;
  const here = g.position(exact ? valueStart + start : valueStart);
  return here.line > g.where().line ? here : undefined;
}

function lazyAttributes(g: DocumentGatherer, type: RequestType, element: string, attributes: Attributes): void {
  for (const attribute of LAZY_SOURCES) g.urlAttribute(type, element, attribute, attributes[attribute]);
  for (const attribute of LAZY_SRCSETS) srcsetAttribute(g, type, element, attribute, attributes[attribute]);
}

function embed(
  g: DocumentGatherer,
  type: RequestType,
  element: string,
  attribute: string,
  value: string,
  { url, host }: ResolvedUrl,
  attributes: Attributes,
): void {
  const media = type === 'media';
  g.observations.push({ kind: 'embed', raw: value.trim(), url, host, media, attributes, ...g.at(element, attribute) });
}

/** A request that also embeds a document or player; a `data:` document is gathered as a page of its own. */
export function embedded(
  g: DocumentGatherer,
  type: RequestType,
  element: string,
  attribute: string,
  value: string | undefined,
  attributes: Attributes,
): void {
  const resolved = g.urlAttribute(type, element, attribute, value);
  if (resolved === undefined || value === undefined) return;
  embed(g, type, element, attribute, value, resolved, attributes);
  dataDocument(g, resolved.url);
}

function backgroundImage(g: DocumentGatherer, name: string, attributes: Attributes): void {
  g.urlAttribute('image', name, 'background', attributes.background);
}

/**
 * The elements that fetch, navigate, embed or hold form data, by lower-cased tag name (SVG's `feImage` keeps its case).
 */
export const ELEMENT_HANDLERS: ReadonlyMap<string, ElementHandler> = new Map<string, ElementHandler>([
  ['a', anchor],
  ['base', base],
  ['area', anchor],
  ['img', image],
  ['source', sourceElement],
  [
    'script',
    (g, name, a) => {
      script(g, a);
      attributionSources(g, name, a);
    },
  ],
  ['style', (g, _name, a) => startRawText(g, 'style', a)],
  ['link', link],
  ['iframe', frame],
  ['frame', frame],
  ['portal', (g, name, a) => g.urlAttribute('frame', name, 'src', a.src)],
  ['object', (g, name, a) => embedded(g, 'object', name, 'data', a.data, a)],
  ['embed', (g, name, a) => embedded(g, 'object', name, 'src', a.src, a)],
  ['param', param],
  ['video', mediaElement],
  ['audio', mediaElement],
  ['track', (g, name, a) => g.urlAttribute('media', name, 'src', a.src)],
  ['input', input],
  ['button', formControl],
  ['textarea', formControl],
  ['select', formControl],
  ['form', form],
  ['meta', meta],
  ...['body', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'].map((tag) => [tag, backgroundImage] as const),
  ['html', (g, name, a) => g.urlAttribute('manifest', name, 'manifest', a.manifest)],
  ['image', svgHref],
  ['feImage', (g, _name, a) => svgHref(g, 'feimage', a)],
  ['use', use],
  ['set', svgAnimation],
  ['animate', svgAnimation],
]);
