import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/load.ts';
import { leavingTemplateFiles } from '../syntax/leaving-page.ts';
import { fileType, walkSite } from '../walk.ts';
import type { TransformContext } from './context.ts';
import { type PageHashes, planCsp, servedPath } from './csp-routes.ts';
import {
  addPageHashes,
  createInlineHashes,
  hashedAssetFolders,
  maxHeaderRules,
  overlongLines,
  securityHeaders,
  userRuleCount,
  writeHeadersFile,
} from './headers-file.ts';
import { leavingDestinations, renderLeavingPages } from './leaving-pages.ts';
import { planExternalLinks } from './mark-external-links.ts';
import { readPageTags, type PageTags } from './page-tags.ts';
import { planFormRoutes } from './route-forms.ts';
import { applyEdits, type Edit } from './splice.ts';
import { createSiteStyles, type SiteStyles } from './theme-styles.ts';

/** What `fixDirectory` did. */
export interface FixResult {
  /** HTML and SVG files transformed (read and not ignored), the leaving pages written for the first time included. */
  files: number;
  /** HTML and SVG files rewritten (or, leaving pages, written), relative to the directory, `/` separators, sorted. */
  changed: string[];
  /** The `_headers` file as written. */
  headers: string;
  /**
   * Problems the user should hear about that the transforms cannot fix (a CSP line too long for Cloudflare, a header
   * set twice).
   */
  warnings: string[];
}

/** The edits every page transform makes to one HTML text, and the inline styles they add. */
export function planPageEdits(
  text: string,
  page: PageTags,
  context: TransformContext,
): { edits: Edit[]; addedStyles: string[] } {
  const links = planExternalLinks(text, page, context);
  return { edits: [...links.edits, ...planFormRoutes(text, page, context)], addedStyles: links.addedStyles };
}

/**
 * Applies every page transform to one HTML (or SVG) text from a single parse; returns the new text and what the
 * page holds after it (the parse, with the styles the transforms added, which the CSP must allow).
 */
export function transformPage(text: string, context: TransformContext): { text: string; page: PageTags } {
  const page = readPageTags(text);
  const { edits, addedStyles } = planPageEdits(text, page, context);
  return { text: applyEdits(text, edits), page: { ...page, inlineStyles: [...page.inlineStyles, ...addedStyles] } };
}

/** The built site's own stylesheets, read from `dir` by their URL's path below the site's (each once). */
function builtStyles(dir: string, site: string): SiteStyles {
  const root = new URL(site).pathname.replace(/\/?$/, '/');
  return createSiteStyles((url) => {
    const { pathname } = new URL(url);
    if (!pathname.startsWith(root)) return undefined;
    let path: string;
    try {
      path = normalize(join(dir, decodeURIComponent(pathname.slice(root.length))));
    } catch {
      return undefined;
    }
    if (!path.startsWith(dir + sep)) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  });
}

// Strict, and keeping a BOM in the text, so writing the text back reproduces the file's bytes exactly.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Runs the build transforms on a built site, in place: marks external links (in HTML and SVG files and
 * the markup templates of their scripts), routes same-site POST forms to the origin, writes `_headers` and, in
 * interstitial mode, a leaving page for every destination the links name.
 * Writes only files whose text changed; idempotent. Files that are not UTF-8 are left as they are (the
 * check reports them). Ignored files are not edited, but their inline scripts and styles are still
 * hashed into the CSP so those pages keep working.
 */
export async function fixDirectory(dir: string, config: ResolvedConfig): Promise<FixResult> {
  const isIgnored = picomatch(config.ignore, { dot: true });
  // By served path: a leaving page read from the build and then written anew counts once, as written.
  const pages = new Map<string, PageHashes>();
  const pageHashes = (file: string, page: PageTags) => {
    const hashes = createInlineHashes();
    addPageHashes(hashes, page);
    const path = servedPath(file);
    pages.set(path, { path, notFound: /(?:^|\/)404\.html$/.test(file), hashes });
  };
  const styles = builtStyles(normalize(dir), config.site);
  const changed: string[] = [];
  const destinations = new Set<string>();
  let files = 0;
  for await (const file of walkSite(dir)) {
    // The check reads SVG files as markup too, so their links are marked the same way.
    const type = fileType(file);
    if (type !== 'html' && type !== 'svg') continue;
    const path = join(dir, file);
    const bytes = await readFile(path).catch(() => undefined);
    const text = bytes && decodeUtf8(bytes);
    if (text === undefined) continue;
    if (isIgnored(file)) {
      if (type === 'html') pageHashes(file, readPageTags(text));
      continue;
    }
    files += 1;
    const result = transformPage(text, { file, config, styles });
    for (const url of leavingDestinations(result.page, { file, config })) destinations.add(url);
    // Only HTML pages' inline code is hashed into the CSP: SVG files are mostly images, which the CSP does not govern.
    if (type === 'html') pageHashes(file, result.page);
    if (result.text !== text) {
      await writeFile(path, result.text);
      changed.push(file);
    }
  }
  const leaving = await writeLeavingPages(dir, config, destinations, pageHashes);
  changed.push(...leaving.changed);
  files += leaving.created;
  const headersPath = join(dir, '_headers');
  const existing = await readFile(headersPath, 'utf8').catch(() => undefined);
  const immutablePaths = hashedAssetFolders.filter((folder) => existsSync(join(dir, folder))).map((f) => `/${f}/*`);
  const budget = maxHeaderRules - userRuleCount(existing) - immutablePaths.length - 1;
  // Pagefind's search and other WebAssembly need 'wasm-unsafe-eval'; a site without any keeps it out.
  const wasm = (await readdir(dir, { recursive: true })).some((file) => file.endsWith('.wasm'));
  const csp = planCsp(config, [...pages.values()], { wasm }, budget);
  const { text: headers, warnings } = writeHeadersFile(
    existing,
    securityHeaders(config, csp.site),
    immutablePaths,
    csp.routes,
  );
  if (headers !== existing) await writeFile(headersPath, headers);
  return {
    files,
    changed: changed.sort(),
    headers,
    warnings: [...leaving.warnings, ...warnings, ...overlongLines(headers)],
  };
}

/**
 * Interstitial mode: writes the leaving page of every destination, made from the site's own leaving page as the
 * transforms left it, transformed like any page and with its inline code hashed into the CSP.
 */
async function writeLeavingPages(
  dir: string,
  config: ResolvedConfig,
  destinations: Set<string>,
  pageHashes: (file: string, page: PageTags) => void,
): Promise<{ changed: string[]; created: number; warnings: string[] }> {
  if (config.externalLinks.mode !== 'interstitial') return { changed: [], created: 0, warnings: [] };
  let template: { file: string; text: string } | undefined;
  for (const file of leavingTemplateFiles(config.externalLinks.leavingPage)) {
    const bytes = await readFile(join(dir, file)).catch(() => undefined);
    const text = bytes && decodeUtf8(bytes);
    if (text !== undefined) template ??= { file, text };
  }
  const { pages, warnings } = renderLeavingPages(template, destinations, config);
  const changed: string[] = [];
  let created = 0;
  for (const page of pages) {
    const { text, page: tags } = transformPage(page.text, { file: page.file, config });
    pageHashes(page.file, tags);
    const path = join(dir, page.file);
    const existing = await readFile(path, 'utf8').catch(() => undefined);
    if (existing === text) continue;
    if (existing === undefined) created += 1;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    changed.push(page.file);
  }
  return { changed, created, warnings };
}
