import type { ResolvedConfig } from '../config/load.ts';
import { NospyError } from '../errors.ts';
import {
  contentSecurityPolicy,
  createInlineHashes,
  type CspOptions,
  type CspRoute,
  type InlineHashes,
  maxHeaderLine,
  maxHeaderRules,
  mergeHashes,
} from './headers-file.ts';

/** One HTML page: the path Cloudflare serves it at, and the hashes of its inline code. */
export interface PageHashes {
  path: string;
  /** A `404.html`, which Cloudflare serves at any path it has no file for. */
  notFound: boolean;
  hashes: InlineHashes;
  /** `nospy fix` edits the page, so it can hold its own policy in a meta (`metaPolicy`); ignored pages cannot. */
  canHoldMeta: boolean;
}

/** The path Cloudflare Pages and Workers static assets serve a built HTML file at (`blog/index.html` → `/blog/`). */
export function servedPath(file: string): string {
  const path = `/${file}`.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
  return encodeURI(path);
}

/** The policy for every path, the rules of the pages that need more than it holds, and the pages given a meta. */
export interface CspPlan {
  site: string;
  routes: CspRoute[];
  /** Served paths of the pages that hold their own policy in a meta, which their header leaves inline code to. */
  metaPages: Set<string>;
}

const KINDS = ['scripts', 'styles', 'styleAttributes'] as const;
const union = (sets: Iterable<InlineHashes>) => {
  const all = createInlineHashes();
  for (const set of sets) mergeHashes(all, set);
  return all;
};
const covers = (site: InlineHashes, page: InlineHashes) =>
  KINDS.every((kind) => [...page[kind]].every((h) => site[kind].has(h)));
const keyOf = (hashes: InlineHashes) => KINDS.map((kind) => [...hashes[kind]].sort().join(' ')).join('|');
function headerLineLength(config: ResolvedConfig, hashes: InlineHashes, options: CspOptions): number {
  return `  Content-Security-Policy: ${contentSecurityPolicy(config, hashes, options)}`.length;
}

const byPattern = (a: { pattern: string }, b: { pattern: string }) => (a.pattern < b.pattern ? -1 : 1);

/** Every folder `path` sits in below the root, deepest first (`/a/b/c` → `/a/b/`, `/a/`). */
function foldersOf(path: string): string[] {
  const folders: string[] = [];
  for (let end = path.lastIndexOf('/', path.length - 2); end > 0; end = path.lastIndexOf('/', end - 1))
    folders.push(path.slice(0, end + 1));
  return folders;
}

/**
 * Fits the site's CSP into Cloudflare's `_headers` limits, in the first of three ways that fits:
 * 1. Hashes in the header only. One policy for every path when all the pages' hashes fit one line; otherwise the
 *    hashes most pages share (and the 404 page's) go in the policy for every path, and each page that needs others
 *    gets a rule of its own, merged into folder rules (`/docs/*`) when there would be more rules than `ruleBudget`.
 * 2. As 1, but each page whose own policy no line holds keeps its hashes in a meta policy and gets a rule of its own
 *    that leaves inline code to the meta (`'unsafe-inline'`), after the others so that it detaches what they set.
 * 3. Every page nospy edits holds its policy in a meta, and the policy for every path leaves inline code to it; only
 *    pages that cannot hold one (ignored pages) get rules with their hashes.
 * Throws a NospyError naming the limit when none fits.
 */
export function planCsp(
  config: ResolvedConfig,
  pages: readonly PageHashes[],
  options: CspOptions,
  ruleBudget: number,
): CspPlan {
  const policy = (hashes: InlineHashes) => contentSecurityPolicy(config, hashes, options);
  const lineLength = (hashes: InlineHashes) => headerLineLength(config, hashes, options);
  const fits = (hashes: InlineHashes) => lineLength(hashes) <= maxHeaderLine;
  const inlineLeftToMeta = contentSecurityPolicy(config, "'unsafe-inline'", options);
  const metaRoute = (page: PageHashes): CspRoute => ({ pattern: page.path, policy: inlineLeftToMeta, meta: true });
  const header = (inHeader: readonly PageHashes[], budget: number) =>
    planHeaderCsp(inHeader, policy, fits, lineLength, budget);
  const attempt = (plan: () => CspPlan): CspPlan | NospyError => {
    try {
      return plan();
    } catch (error) {
      if (error instanceof NospyError) return error;
      throw error;
    }
  };

  const headerOnly = attempt(() => header(pages, ruleBudget));
  if (!(headerOnly instanceof NospyError)) return headerOnly;
  // The 404 page is served at every path without a file, under those paths' rules: its hashes stay in them.
  const big = pages.filter((page) => page.canHoldMeta && !page.notFound && !fits(page.hashes));
  const bigPaths = new Set(big.map((page) => page.path));
  const someInMeta = attempt(() => {
    if (big.length === 0 || big.length > ruleBudget) throw headerOnly;
    const plan = header(
      pages.filter((page) => !bigPaths.has(page.path)),
      ruleBudget - big.length,
    );
    return { ...plan, routes: [...plan.routes, ...big.map(metaRoute).sort(byPattern)], metaPages: bigPaths };
  });
  if (!(someInMeta instanceof NospyError)) return someInMeta;

  const inHeader = pages.filter((page) => !page.canHoldMeta);
  for (const page of inHeader) if (!fits(page.hashes)) throw tooLong(page.path, lineLength(page.hashes));
  if (inHeader.length > ruleBudget) throw tooManyRules(inHeader.length + maxHeaderRules - ruleBudget);
  return {
    site: inlineLeftToMeta,
    routes: inHeader.map((page) => ({ pattern: page.path, policy: policy(page.hashes) })).sort(byPattern),
    metaPages: new Set(pages.filter((page) => page.canHoldMeta).map((page) => page.path)),
  };
}

/** `planCsp` for the pages whose hashes go in the header. */
function planHeaderCsp(
  pages: readonly PageHashes[],
  policy: (hashes: InlineHashes) => string,
  fits: (hashes: InlineHashes) => boolean,
  lineLength: (hashes: InlineHashes) => number,
  ruleBudget: number,
): CspPlan {
  const all = union(pages.map((page) => page.hashes));
  if (fits(all)) return { site: policy(all), routes: [], metaPages: new Set() };

  const notFound = union(pages.filter((page) => page.notFound).map((page) => page.hashes));
  if (!fits(notFound)) throw tooLong('404 page', lineLength(notFound));
  const groups = new Map<string, { hashes: InlineHashes; count: number }>();
  for (const page of pages) {
    const key = keyOf(page.hashes);
    const group = groups.get(key) ?? { hashes: page.hashes, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  let site = notFound;
  const byUse = [...groups].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1));
  for (const [, group] of byUse) {
    const candidate = union([site, group.hashes]);
    if (fits(candidate)) site = candidate;
  }

  let routes = pages
    .filter((page) => !page.notFound && !covers(site, page.hashes))
    .map((page) => ({ pattern: page.path, hashes: page.hashes }));
  for (const route of routes) if (!fits(route.hashes)) throw tooLong(route.pattern, lineLength(route.hashes));
  if (routes.length > ruleBudget) routes = mergeIntoFolders(routes, pages, notFound, fits, ruleBudget);
  routes.sort(byPattern);
  return {
    site: policy(site),
    routes: routes.map(({ pattern, hashes }) => ({ pattern, policy: policy(hashes) })),
    metaPages: new Set(),
  };
}

/**
 * Replaces page rules by folder rules (`/docs/*`) until at most `ruleBudget` remain, taking each time the folder
 * that saves the most rules (the deeper on a tie) whose policy still fits a line. A folder rule serves every page
 * under it, and the 404 page for paths there that have no file.
 */
function mergeIntoFolders(
  routes: { pattern: string; hashes: InlineHashes }[],
  pages: readonly PageHashes[],
  notFound: InlineHashes,
  fits: (hashes: InlineHashes) => boolean,
  ruleBudget: number,
): { pattern: string; hashes: InlineHashes }[] {
  const under = new Map<string, InlineHashes>();
  for (const page of pages)
    for (const folder of foldersOf(page.path)) mergeHashes(under.get(folder) ?? setNew(under, folder), page.hashes);
  for (const hashes of under.values()) mergeHashes(hashes, notFound);
  /** How many rules a folder rule would replace. */
  const counts = new Map<string, number>();
  for (const route of routes)
    for (const folder of foldersOf(route.pattern)) counts.set(folder, (counts.get(folder) ?? 0) + 1);
  const fitting = new Map<string, boolean>();
  const folderFits = (folder: string) =>
    fitting.get(folder) ?? fitting.set(folder, fits(under.get(folder)!)).get(folder)!;
  const merged: string[] = [];
  // Merged folders and the folders in them leave `counts`; what is left can still be merged.
  let total = routes.length;
  while (total > ruleBudget) {
    let best: string | undefined;
    for (const [folder, count] of counts) {
      const bestCount = best === undefined ? 1 : counts.get(best)!;
      const better = count > bestCount || (count === bestCount && best !== undefined && folder.length > best.length);
      if (better && folderFits(folder)) best = folder;
    }
    if (best === undefined) throw tooManyRules(total + maxHeaderRules - ruleBudget);
    const saving = counts.get(best)! - 1;
    total -= saving;
    for (const folder of foldersOf(best)) counts.set(folder, counts.get(folder)! - saving);
    for (const folder of counts.keys()) if (folder.startsWith(best)) counts.delete(folder);
    merged.push(best);
  }
  const kept = routes.filter((route) => !merged.some((folder) => route.pattern.startsWith(folder)));
  return [...kept, ...merged.map((folder) => ({ pattern: `${folder}*`, hashes: under.get(folder)! }))];
}

function setNew(map: Map<string, InlineHashes>, key: string): InlineHashes {
  const hashes = createInlineHashes();
  map.set(key, hashes);
  return hashes;
}

function tooLong(page: string, length: number): NospyError {
  return new NospyError(
    `_headers: the Content-Security-Policy for ${page} is ${length} characters, over Cloudflare's limit of ${maxHeaderLine} characters a line; move that page's inline scripts and styles into files`,
  );
}

function tooManyRules(rules: number): NospyError {
  return new NospyError(
    `_headers: the Content-Security-Policy needs ${rules} rules (pages whose inline scripts and styles differ need a policy each), over Cloudflare's limit of ${maxHeaderRules} header rules; move inline scripts and styles into files so pages share them`,
  );
}
