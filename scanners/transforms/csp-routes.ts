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
}

/** The path Cloudflare Pages and Workers static assets serve a built HTML file at (`blog/index.html` → `/blog/`). */
export function servedPath(file: string): string {
  const path = `/${file}`.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
  return encodeURI(path);
}

/** The policy for every path, and the rules of the pages that need more than it holds. */
export interface CspPlan {
  site: string;
  routes: CspRoute[];
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

/** Every folder `path` sits in below the root, deepest first (`/a/b/c` → `/a/b/`, `/a/`). */
function foldersOf(path: string): string[] {
  const folders: string[] = [];
  for (let end = path.lastIndexOf('/', path.length - 2); end > 0; end = path.lastIndexOf('/', end - 1))
    folders.push(path.slice(0, end + 1));
  return folders;
}

/**
 * Fits the site's CSP into Cloudflare's `_headers` limits. One policy for every path when all the pages' hashes fit
 * one line; otherwise the hashes most pages share (and the 404 page's) go in the policy for every path, and each
 * page that needs others gets a rule of its own, merged into folder rules (`/docs/*`) when there would be more
 * rules than `ruleBudget`. Throws a NospyError naming the limit when no such plan exists.
 */
export function planCsp(
  config: ResolvedConfig,
  pages: readonly PageHashes[],
  options: CspOptions,
  ruleBudget: number,
): CspPlan {
  const policy = (hashes: InlineHashes) => contentSecurityPolicy(config, hashes, options);
  const lineLength = (hashes: InlineHashes) => `  Content-Security-Policy: ${policy(hashes)}`.length;
  const fits = (hashes: InlineHashes) => lineLength(hashes) <= maxHeaderLine;
  const all = union(pages.map((page) => page.hashes));
  if (fits(all)) return { site: policy(all), routes: [] };

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
  routes.sort((a, b) => (a.pattern < b.pattern ? -1 : 1));
  return { site: policy(site), routes: routes.map(({ pattern, hashes }) => ({ pattern, policy: policy(hashes) })) };
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
    if (best === undefined) {
      throw new NospyError(
        `_headers: the Content-Security-Policy needs ${total + maxHeaderRules - ruleBudget} rules (pages whose inline scripts and styles differ need a policy each), over Cloudflare's limit of ${maxHeaderRules} header rules; move inline scripts and styles into files so pages share them`,
      );
    }
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
