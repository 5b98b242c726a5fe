import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/load.ts';
import { leavingTemplateFiles } from '../syntax/leaving-page.ts';
import { fileType, walkSite } from '../walk.ts';
import type { TransformContext } from './context.ts';
import { cspMetaEdits } from './csp-meta.ts';
import { type PageHashes, planCsp, servedPath } from './csp-routes.ts';
import {
  addPageHashes,
  contentSecurityPolicy,
  createInlineHashes,
  type InlineHashes,
  hashedAssetFolders,
  maxHeaderRules,
  overlongLines,
  readUserHeaders,
  securityHeaders,
  userOwnsCsp,
  writeHeadersFile,
} from './headers-file.ts';
import { leavingDestinations, renderLeavingPages } from './leaving-pages.ts';
import { planExternalLinks } from './mark-external-links.ts';
import { readPageTags, type PageTags } from './page-tags.ts';
import { planFormRoutes } from './route-forms.ts';
import { applyEdits, type Edit } from '../html/splice.ts';
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

/**
 * The edits every page transform makes to one HTML (or SVG) text, from a single parse, and what the page holds after
 * them: the parse, with the inline styles the transforms add (which the CSP must allow).
 */
export function planPage(text: string, context: TransformContext): { edits: Edit[]; page: PageTags } {
  const tags = readPageTags(text);
  const links = planExternalLinks(text, tags, context);
  const edits = [...links.edits, ...planFormRoutes(text, tags, context)];
  return { edits, page: { ...tags, inlineStyles: [...tags.inlineStyles, ...links.addedStyles] } };
}

/** Applies every page transform to one HTML (or SVG) text; returns the new text and what the page holds after it. */
export function transformPage(text: string, context: TransformContext): { text: string; page: PageTags } {
  const { edits, page } = planPage(text, context);
  return { text: applyEdits(text, edits), page };
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
 * An HTML page with every transform's edits worked out but not applied, and what its meta policy needs: the text is
 * written once the site's CSP plan says whether the page holds its policy in a meta.
 */
interface PlannedPage {
  file: string;
  text: string;
  edits: Edit[];
  /** Where the page's meta policy goes, or the one an earlier run wrote. */
  meta: Pick<PageTags, 'cspMetaSlot' | 'nospyCspMeta'>;
  hashes: InlineHashes;
}

/** Plans one HTML page's edits; `page` is its parse, with the styles the transforms add. */
function planHtml(text: string, context: TransformContext): { planned: PlannedPage; page: PageTags } {
  const { edits, page } = planPage(text, context);
  const meta = { cspMetaSlot: page.cspMetaSlot, nospyCspMeta: page.nospyCspMeta };
  return { planned: { file: context.file, text, edits, meta, hashes: hashesOf(page) }, page };
}

/** The page's new text: its edits, and nospy's meta holding `policy` (none when undefined). */
function applyPlan(planned: PlannedPage, policy: string | undefined): string {
  // First, so that the meta comes before a style nospy inserts at the same place.
  return applyEdits(planned.text, [...cspMetaEdits(planned.meta, policy), ...planned.edits]);
}

/**
 * Runs the build transforms on a built site, in place: marks external links (in HTML and SVG files and
 * the markup templates of their scripts), routes same-site POST forms to the origin, writes `_headers` and, in
 * interstitial mode, a leaving page for every destination the links name.
 * Writes only files whose text changed; idempotent. Files that are not UTF-8 are left as they are (the
 * check reports them). Ignored files are not edited, but their inline scripts and styles are still
 * hashed into the CSP so those pages keep working. Every page and the `_headers` plan are worked out before
 * anything is written, so a failure (no CSP fits Cloudflare's limits) leaves the folder as it was.
 */
export async function fixDirectory(dir: string, config: ResolvedConfig): Promise<FixResult> {
  const isIgnored = picomatch(config.ignore, { dot: true });
  // By served path: a leaving page read from the build and then written anew counts once, as written.
  const pages = new Map<string, PageHashes>();
  const pageHashes = (file: string, hashes: InlineHashes, canHoldMeta: boolean) => {
    const path = servedPath(file);
    pages.set(path, { path, notFound: /(?:^|\/)404\.html$/.test(file), hashes, canHoldMeta });
  };
  const styles = builtStyles(normalize(dir), config.site);
  /** Files to write with their new text, and HTML pages whose text waits for the CSP plan, by file. */
  const writes = new Map<string, string>();
  const planned = new Map<string, PlannedPage>();
  const destinations = new Set<string>();
  let files = 0;
  for await (const file of walkSite(dir)) {
    // The check reads SVG files as markup too, so their links are marked the same way.
    const type = fileType(file);
    if (type !== 'html' && type !== 'svg') continue;
    const bytes = await readFile(join(dir, file)).catch(() => undefined);
    const text = bytes && decodeUtf8(bytes);
    if (text === undefined) continue;
    if (isIgnored(file)) {
      if (type === 'html') pageHashes(file, hashesOf(readPageTags(text)), false);
      continue;
    }
    files += 1;
    const context = { file, config, styles };
    // Only HTML pages' inline code is hashed into the CSP: SVG files are mostly images, which the CSP does not govern.
    if (type === 'html') {
      const { planned: page, page: tags } = planHtml(text, context);
      for (const url of leavingDestinations(tags, context)) destinations.add(url);
      pageHashes(file, page.hashes, true);
      planned.set(file, page);
    } else {
      const result = transformPage(text, context);
      for (const url of leavingDestinations(result.page, context)) destinations.add(url);
      if (result.text !== text) writes.set(file, result.text);
    }
  }
  const leaving = await leavingPages(dir, config, destinations, planned);
  for (const page of leaving.pages) {
    pageHashes(page.file, page.hashes, true);
    planned.set(page.file, page);
  }
  files += leaving.created;

  const headersPath = join(dir, '_headers');
  const existing = await readFile(headersPath, 'utf8').catch(() => undefined);
  const user = readUserHeaders(existing);
  const immutablePaths = hashedAssetFolders.filter((folder) => existsSync(join(dir, folder))).map((f) => `/${f}/*`);
  const budget = maxHeaderRules - user.ruleCount - immutablePaths.length - 1;
  // WebAssembly needs 'wasm-unsafe-eval'; a site without any keeps it out. Pagefind ships its search's module
  // compressed, as `pagefind/wasm.<language>.pagefind`.
  const isWasm = (file: string) => file.endsWith('.wasm') || /(?:^|[/\\])wasm\.[^/\\]*\.pagefind$/.test(file);
  const options = { wasm: (await readdir(dir, { recursive: true })).some(isWasm) };
  const plan = userOwnsCsp(user)
    ? { site: '', routes: [], metaPages: new Set<string>() }
    : planCsp(config, [...pages.values()], options, budget);
  const { text: headers, warnings } = writeHeadersFile(
    user,
    securityHeaders(config, plan.site),
    immutablePaths,
    plan.routes,
  );
  for (const [file, page] of planned) {
    const inMeta = plan.metaPages.has(servedPath(file));
    const text = applyPlan(page, inMeta ? contentSecurityPolicy(config, page.hashes, options) : undefined);
    const onDisk = leaving.onDisk.has(file) ? leaving.onDisk.get(file) : page.text;
    if (text !== onDisk) writes.set(file, text);
  }
  // Nothing is written before every page and the plan are known: a failure leaves the folder as it was.
  for (const [file, text] of writes) {
    const path = join(dir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  if (headers !== existing) await writeFile(headersPath, headers);
  return {
    files,
    changed: [...writes.keys()].sort(),
    headers,
    warnings: [...leaving.warnings, ...warnings, ...overlongLines(headers)],
  };
}

function hashesOf(page: PageTags): InlineHashes {
  const hashes = createInlineHashes();
  addPageHashes(hashes, page);
  return hashes;
}

/**
 * Interstitial mode: the leaving page of every destination, made from the site's own leaving page as the transforms
 * leave it (`planned`), planned like any page, and the text of each that is already there.
 */
async function leavingPages(
  dir: string,
  config: ResolvedConfig,
  destinations: Set<string>,
  planned: ReadonlyMap<string, PlannedPage>,
): Promise<{ pages: PlannedPage[]; onDisk: Map<string, string | undefined>; created: number; warnings: string[] }> {
  const onDisk = new Map<string, string | undefined>();
  if (config.externalLinks.mode !== 'interstitial') return { pages: [], onDisk, created: 0, warnings: [] };
  let template: { file: string; text: string } | undefined;
  for (const file of leavingTemplateFiles(config.externalLinks.leavingPage)) {
    const ownPlan = planned.get(file);
    // Without a meta policy: each leaving page gets its own.
    const bytes = ownPlan ? undefined : await readFile(join(dir, file)).catch(() => undefined);
    const text = ownPlan ? applyPlan(ownPlan, undefined) : bytes && decodeUtf8(bytes);
    if (text !== undefined) template ??= { file, text };
  }
  const rendered = renderLeavingPages(template, destinations, config);
  const pages: PlannedPage[] = [];
  for (const page of rendered.pages) {
    pages.push(planHtml(page.text, { file: page.file, config }).planned);
    onDisk.set(page.file, await readFile(join(dir, page.file), 'utf8').catch(() => undefined));
  }
  const created = [...onDisk.values()].filter((text) => text === undefined).length;
  return { pages, onDisk, created, warnings: rendered.warnings };
}
