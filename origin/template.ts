import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asBrowserSees, readHtml } from '../scanners/html/reader.ts';
import { applyEdits, type Edit } from '../scanners/html/splice.ts';
import { cspHash } from '../scanners/syntax/http/csp.ts';
import { parseSrcset } from '../scanners/syntax/srcset.ts';
import { contactPaths } from './contact-paths.ts';

/** The site's own built page (`src/pages/contact/notice.astro`), ready for the receiver to put its pages in. */
export interface PageTemplate {
  /** The document up to the title's text, from there to the slot's content, and after the slot. */
  parts: [string, string, string];
  /** The template's title: the site's name, which follows each page's own title as on the site's pages. */
  siteName: string;
  /** `'sha256-…'` of each inline `<style>`, for the Content-Security-Policy. */
  styleHashes: string[];
}

export type TemplateLoad = { template: PageTemplate } | { warning: string };

/** Attributes whose value is a URL, which must point at the site once the page is served by the receiver. */
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'poster', 'srcset']);

/**
 * Loads the built template from the site's folder. Anything short of a usable template is a warning, never a stop:
 * the receiver then answers with a page of its own.
 */
export function loadPageTemplate(siteDir: string, siteBase: URL): TemplateLoad {
  const file = join(siteDir, contactPaths.noticePage, 'index.html');
  const fallback = "the receiver's pages use their own plain layout, not the site's";
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch {
    return { warning: `no ${file}: ${fallback} (build the site with npm run build, or set SITE_DIR to its folder)` };
  }
  const template = parsePageTemplate(html, siteBase);
  return typeof template === 'string' ? { warning: `${file}: ${template}; ${fallback}` } : { template };
}

const TITLE = '\u0000title\u0000';
const SLOT = '\u0000slot\u0000';

/**
 * Turns the built page into a template served from another origin: every URL made absolute against the site (its
 * stylesheets and logo stay on the CDN); scripts, `<base>` and the site's meta policies removed; the title and the
 * element marked `data-receiver-slot` left open for each page. Returns what is missing when it cannot.
 */
export function parsePageTemplate(html: string, siteBase: URL): PageTemplate | string {
  const pageUrl = new URL(contactPaths.noticePage.slice(1), siteBase);
  const edits: Edit[] = [];
  const styleHashes: string[] = [];
  let siteName: string | undefined;
  let open: { name: string; start: number; contentStart: number } | undefined;
  let slot: { name: string; contentStart: number; depth: number } | undefined;
  let slotFound = false;
  readHtml(
    html,
    {
      startTag(tag) {
        if (slot && tag.name === slot.name) slot.depth++;
        // The document's title: the first outside SVG, whose <title> elements name drawings.
        const isTitle = tag.name === 'title' && !tag.foreign && siteName === undefined;
        if (tag.name === 'script' || tag.name === 'style' || isTitle) {
          open = { name: tag.name, start: tag.start, contentStart: tag.end + 1 };
          if (isTitle) siteName = '';
        }
        if (tag.name === 'base' || isSitePolicy(tag.name, tag.attributes)) {
          return void edits.push({ start: tag.start, end: tag.end + 1, text: '' });
        }
        for (const attribute of tag.written) {
          const { name, value, start, end } = attribute;
          if (name.startsWith('on')) edits.push({ start, end, text: '' });
          else if (urlAttributes.has(name) && URL.canParse(value, pageUrl) && !value.startsWith('#')) {
            const absolute = name === 'srcset' ? absoluteSrcset(value, pageUrl) : new URL(value, pageUrl).href;
            edits.push({ start, end, text: `${name}="${escapeAttribute(absolute)}"` });
          }
        }
        if ('data-receiver-slot' in tag.attributes && !slotFound) {
          slotFound = true;
          slot = { name: tag.name, contentStart: tag.end + 1, depth: 1 };
        }
      },
      text(data) {
        if (open?.name === 'title') siteName += data;
      },
      endTag(name, start) {
        if (open?.name === name) {
          const { contentStart } = open;
          if (name === 'script') edits.push({ start: open.start, end: html.indexOf('>', start) + 1, text: '' });
          if (name === 'title') edits.push({ start: contentStart, end: start, text: TITLE });
          if (name === 'style') {
            styleHashes.push(cspHash(asBrowserSees(html.slice(contentStart, start))));
          }
          open = undefined;
        }
        if (slot && name === slot.name && --slot.depth === 0) {
          edits.push({ start: slot.contentStart, end: start, text: SLOT });
          slot = undefined;
        }
      },
    },
    { writtenAttributes: true },
  );
  if (siteName === undefined) return 'it has no <title>';
  if (!slotFound) return 'it has no element marked data-receiver-slot';
  // Edits that fall inside a removed element (a script's own src) go with it.
  const [head, rest, ...more] = applyEdits(html, edits, { dropNested: true }).split(TITLE);
  const [middle, tail, ...after] = rest?.split(SLOT) ?? [];
  if (more.length || after.length || tail === undefined) return 'its <title> does not come before the slot';
  return { parts: [head!, middle!, tail], siteName: siteName.trim(), styleHashes };
}

// The site's own policies in <meta> would override the receiver's headers: a CSP whose 'self' is the receiver, and a
// referrer policy that tells the site which receiver page a visitor came from.
function isSitePolicy(name: string, attributes: Record<string, string>): boolean {
  if (name !== 'meta') return false;
  const equiv = attributes['http-equiv']?.toLowerCase();
  return attributes.name?.toLowerCase() === 'referrer' || equiv === 'content-security-policy' || equiv === 'referrer';
}

// Parsed as browsers parse srcset: a comma inside a URL (an image CDN's w_100,h_100) does not split it.
function absoluteSrcset(srcset: string, base: URL): string {
  return parseSrcset(srcset)
    .map(({ url, descriptors }) => [URL.canParse(url, base) ? new URL(url, base).href : url, ...descriptors].join(' '))
    .join(', ');
}

function escapeAttribute(text: string): string {
  return text.replace(/[&"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
