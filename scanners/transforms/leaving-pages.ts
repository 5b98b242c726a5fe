import type { ResolvedConfig } from '../config/load.ts';
import { readHtml } from '../html/reader.ts';
import { getAttribute, type StartTag } from '../html/tags.ts';
import { leavingPageFile, leavingPagePath } from '../syntax/leaving-page.ts';
import { leavingRel, splitTokens } from '../syntax/link-rel.ts';
import { resolveUrl } from '../syntax/url.ts';
import { escapeAttribute, insertAttributes, replaceAttributeValue, setAttribute } from './attribute-edits.ts';
import { isHttp, type TransformContext } from './context.ts';
import { httpLinks } from './page-links.ts';
import type { LinkTag, PageTags } from './page-tags.ts';
import { applyEdits, type Edit } from '../html/splice.ts';

/** The attribute that marks the parts of the site's leaving page that name the destination. */
export const slotAttribute = 'data-nospy-leaving';

/** The edits that keep a link's destination on it once it points at its leaving page: `data-leaving-to`. */
export function keepDestination(text: string, link: LinkTag, url: string): Edit[] {
  const to = getAttribute(link, 'data-leaving-to');
  if (to === undefined) return [insertAttributes(text, link, `data-leaving-to="${escapeAttribute(url)}"`)];
  return to.value === url ? [] : [replaceAttributeValue(text, to, url)];
}

/**
 * The destinations whose leaving pages one page's links need in interstitial mode: the external links the transform
 * sends through their leaving page, and the links that already point at one and name its destination in
 * `data-leaving-to` (as `ExternalLink` writes them, or a previous `nospy fix`).
 */
export function leavingDestinations(page: PageTags, context: TransformContext): string[] {
  const { config, file } = context;
  const { mode, leavingPage } = config.externalLinks;
  if (mode !== 'interstitial') return [];
  // The links planExternalLinks marks, read the same way.
  return [...httpLinks(page, context)].flatMap(({ link, base, url, firstParty }) => {
    if (!firstParty) return file === leavingPageFile(url, leavingPage) ? [] : [url];
    const to = link.attributes['data-leaving-to'];
    const destination = to === undefined ? undefined : resolveUrl(to, base);
    if (!destination || !isHttp(destination.url) || config.hosts.isFirstParty(destination.host)) return [];
    return new URL(url).pathname === leavingPagePath(destination.url, leavingPage) ? [destination.url] : [];
  });
}

type SlotKind = 'host' | 'url' | 'continue';

interface Slot {
  kind: SlotKind;
  tag: StartTag;
  /** Where its content starts and ends: the text between its start tag and its written end tag. */
  contentStart: number;
  contentEnd: number;
}

/** What rendering needs from the site's leaving page. */
interface Template {
  text: string;
  /** After the written `<head>` start tag: where a robots meta goes. */
  headEnd: number;
  noindex: boolean;
  slots: Slot[];
}

const slotKinds = new Set<string>(['host', 'url', 'continue']);

/** Reads a leaving page's slots; undefined unless it has a written `<head>` and a continue `<a>` slot. */
function readTemplate(text: string): Template | undefined {
  let headEnd: number | undefined;
  let noindex = false;
  const slots: Slot[] = [];
  const open: { slot: Slot; depth: number }[] = [];
  readHtml(
    text,
    {
      startTag(tag) {
        const { name, attributes } = tag;
        if (name === 'head' && headEnd === undefined) headEnd = tag.end + 1;
        if (name === 'meta' && attributes.name?.trim().toLowerCase() === 'robots') {
          noindex ||= splitTokens((attributes.content ?? '').replaceAll(',', ' ')).includes('noindex');
        }
        for (const entry of open) if (entry.slot.tag.name === name) entry.depth += 1;
        const kind = attributes[slotAttribute]?.trim().toLowerCase();
        if (kind === undefined || !slotKinds.has(kind) || tag.inTemplate || tag.inNoscript || tag.foreign) return;
        // A slot inside a slot whose text is replaced would be replaced with it.
        if (open.some(({ slot }) => slot.kind !== 'continue')) return;
        if (kind === 'continue' && name !== 'a') return;
        open.push({ slot: { kind: kind as SlotKind, tag, contentStart: tag.end + 1, contentEnd: -1 }, depth: 1 });
      },
      endTag(name, start, implied) {
        for (let i = open.length - 1; i >= 0; i--) {
          const entry = open[i]!;
          if (entry.slot.tag.name !== name || --entry.depth > 0) continue;
          open.splice(i, 1);
          // A void element or an unclosed one has no content to replace.
          if (!implied) slots.push({ ...entry.slot, contentEnd: start });
        }
      },
    },
    { writtenAttributes: true },
  );
  if (headEnd === undefined || !slots.some(({ kind }) => kind === 'continue')) return undefined;
  return { text, headEnd, noindex, slots };
}

function escapeText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Removes a `hidden` attribute, with the space before it: the template hides what names no destination yet. */
function unhide(text: string, tag: StartTag): Edit[] {
  const hidden = getAttribute(tag, 'hidden');
  if (hidden === undefined) return [];
  const start = /[\t\n\f\r ]/.test(text[hidden.start - 1] ?? '') ? hidden.start - 1 : hidden.start;
  return [{ start, end: hidden.end, text: '' }];
}

/** The leaving page for `url`, spliced from the template: every slot filled, escaped, and kept out of search engines. */
function renderPage(template: Template, url: string): string {
  const { text } = template;
  const destination = new URL(url);
  const edits: Edit[] = template.noindex
    ? []
    : [{ start: template.headEnd, end: template.headEnd, text: '<meta name="robots" content="noindex">' }];
  for (const { kind, tag, contentStart, contentEnd } of template.slots) {
    edits.push(...unhide(text, tag));
    if (kind === 'host') edits.push({ start: contentStart, end: contentEnd, text: escapeText(destination.host) });
    else if (kind === 'url') edits.push({ start: contentStart, end: contentEnd, text: escapeText(destination.href) });
    else {
      // The page is the notice; its continue link carries the marker so the check sees the way off the site marked.
      edits.push(
        setAttribute(text, tag, 'href', destination.href),
        setAttribute(text, tag, 'rel', leavingRel.join(' ')),
        setAttribute(text, tag, 'data-leaving', ''),
      );
    }
  }
  return applyEdits(text, edits);
}

/** A plain page for sites without a leaving page of their own (or one without the slots). */
function minimalTemplate(home: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>You are leaving this site</title>
<style>body{max-width:40rem;margin:3rem auto;padding:0 1rem;font:1.125rem/1.6 system-ui,sans-serif}.url{overflow-wrap:anywhere;font-family:ui-monospace,monospace}</style>
</head>
<body>
<main>
<h1>Leaving for <span ${slotAttribute}="host">another website</span></h1>
<p class="url" ${slotAttribute}="url" hidden></p>
<p>That website is not run by us, and its own privacy policy applies there: it may use cookies or trackers that this site does not.</p>
<p><a ${slotAttribute}="continue" hidden>Continue to <span ${slotAttribute}="host">the other website</span></a></p>
<p><a href="${escapeAttribute(home)}">Back to this site</a></p>
</main>
</body>
</html>
`;
}

/** The leaving pages to write: each destination's built file and text. */
export interface LeavingPages {
  pages: { file: string; text: string }[];
  warnings: string[];
}

/**
 * Renders one leaving page per destination from the site's own leaving page (`templateText`, the built page at
 * `externalLinks.leavingPage`), so they keep the site's design: the elements it marks `data-nospy-leaving="host"` and
 * `"url"` get the destination's host and full address as text, the `<a data-nospy-leaving="continue">` gets its
 * address, and a robots `noindex` is added. Without a usable template, a plain page is used.
 */
export function renderLeavingPages(
  templateText: { file: string; text: string } | undefined,
  destinations: Iterable<string>,
  config: ResolvedConfig,
): LeavingPages {
  const warnings: string[] = [];
  let template = templateText && readTemplate(templateText.text);
  if (templateText && !template) {
    warnings.push(
      `${templateText.file} has no <head> or no <a ${slotAttribute}="continue">: the leaving pages were written as plain pages, not in the site's design`,
    );
  }
  template ??= readTemplate(minimalTemplate(new URL(config.site).pathname))!;
  const byFile = new Map<string, string>();
  for (const url of [...new Set(destinations)].sort()) {
    const file = leavingPageFile(url, config.externalLinks.leavingPage);
    const taken = byFile.get(file);
    if (taken === undefined) byFile.set(file, url);
    else warnings.push(`${url} and ${taken} share the leaving page ${file}; links to ${url} lead to the other one`);
  }
  const pages = [...byFile].map(([file, url]) => ({ file, text: renderPage(template, url) }));
  return { pages, warnings };
}
