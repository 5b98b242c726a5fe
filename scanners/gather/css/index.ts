import type { Observation, RequestObservation, RequestType } from '../../observations.ts';
import type { EmbeddedContext } from '../context.ts';
import { findCssUrls, type CssUrlReference, type CssUrlRole } from './urls.ts';
import { TextLocator } from '../embedded-position.ts';
import { TextMemo } from '../memo.ts';
import { resolveUrl } from '../../syntax/url.ts';

// CSS without any of these cannot reference a URL, so most inline styles skip the tokenizer entirely.
const MAY_REFERENCE_URL = /url\(|@import|image-set|\\/i;

const REQUEST_TYPE: Record<CssUrlRole, RequestType> = { import: 'style', font: 'font', image: 'image' };
const CONSTRUCT: Record<CssUrlRole, string | undefined> = { import: '@import', font: '@font-face', image: undefined };

// The same inline styles and style attributes come back on every page: each text is tokenized once per thread.
const stylesheetUrls = new TextMemo<readonly CssUrlReference[]>(4_000_000);
const declarationUrls = new TextMemo<readonly CssUrlReference[]>(4_000_000);
const stylesheetUrlsOf = (text: string) => findCssUrls(text, false);
const declarationUrlsOf = (text: string) => findCssUrls(text, true);

/**
 * Requests a stylesheet makes: url() in any property, @import, @font-face src, image-set().
 * A `style` attribute (context.attribute === 'style') is read as a declaration list. Never throws.
 */
export function gatherCss(text: string, context: EmbeddedContext): Observation[] {
  if (!MAY_REFERENCE_URL.test(text)) return [];
  const references =
    context.attribute === 'style'
      ? declarationUrls.get(text, declarationUrlsOf)
      : stylesheetUrls.get(text, stylesheetUrlsOf);
  const locator = new TextLocator(text, context);
  const observations: RequestObservation[] = [];
  for (const reference of references) {
    const resolved = resolveUrl(reference.value, context.baseUrl);
    if (!resolved) continue;
    const element = CONSTRUCT[reference.role] ?? context.element;
    const attribute = context.attribute ?? reference.property;
    observations.push({
      kind: 'request',
      source: 'css',
      type: REQUEST_TYPE[reference.role],
      file: context.file,
      ...locator.at(reference.start),
      ...(element && { element }),
      ...(attribute && { attribute }),
      raw: reference.raw,
      url: resolved.url,
      host: resolved.host,
      evidence: locator.excerpt(reference.start, reference.end),
    });
  }
  return observations;
}
