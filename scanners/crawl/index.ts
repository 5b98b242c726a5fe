import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/load.ts';
import { compareFindings, inputFindings, runRules } from '../engine.ts';
import type { CrawlCoverage, Finding } from '../report.ts';
import { pageUrl } from '../syntax/url.ts';
import { type ChromiumSearch, findChromium, launchChromium, loadPlaywright } from './chromium.ts';
import { compileHeadersFile, type HeaderRule } from './headers.ts';
import { crawlPage, type SettleRule } from './page.ts';
import { planCrawl } from './pages.ts';
import { serveDirectory } from './server.ts';
import { createUrlMap } from './urls.ts';

export interface CrawlOptions {
  /** Path of the Chromium executable; default `$NOSPY_CHROMIUM`, then a system browser, then the npm-brought one. */
  chromium?: string;
  /** Where to look for a system browser (see `findChromium`). */
  systemChromiumPaths?: ChromiumSearch['systemPaths'];
  /** Called after each page, for a progress line. */
  onProgress?(done: number, total: number): void;
}

export interface CrawlResult {
  /** Pages opened in the browser. */
  files: number;
  findings: Finding[];
  crawl: CrawlCoverage;
}

/** Pages open at once, each in its own context of one browser: most of a visit is waiting on the renderer. */
const concurrency = availableParallelism() * 4;
const settleRule: SettleRule = { loadMs: 30_000, settleMs: 5_000, idleMs: 200, maxScrollSteps: 40 };

async function readHeaderRules(root: string, siteHost: string): Promise<HeaderRule[]> {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  return compileHeadersFile(text, siteHost);
}

/**
 * A resource fetched twice, or a cookie seen in two frames, is one finding: browser observations carry no line to tell
 * them apart. Sorted, ties broken by the whole finding, so the order never depends on which request came first.
 */
function sortUniqueFindings(findings: Finding[]): Finding[] {
  const byKey = new Map(findings.map((finding) => [JSON.stringify(finding), finding]));
  return [...byKey.entries()]
    .sort(([keyA, a], [keyB, b]) => compareFindings(a, b) || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .map(([, finding]) => finding);
}

/** Runs `task` over `items` with at most `limit` running at once. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * `nospy crawl`: serves `dir` on 127.0.0.1 (with its `_headers`), opens every HTML page at its public address in
 * headless Chromium, whose requests to the site are answered from that server and all others refused (see
 * `crawlPage`), and runs the rules on what the browser actually
 * did: requests (blocked ones included), embeds, cookies and client storage. Findings sorted; `crawl` lists the
 * pages opened and why every other file `check` scans was not.
 */
export async function crawlDirectory(
  dir: string,
  config: ResolvedConfig,
  options: CrawlOptions = {},
): Promise<CrawlResult> {
  // The driver first: a project that installed nospy alone hears that it needs playwright-core, then a browser.
  await loadPlaywright();
  const executablePath = await findChromium({ explicit: options.chromium, systemPaths: options.systemChromiumPaths });
  const root = resolve(dir);
  const { pages, notVisited } = await planCrawl(root, config.ignore);
  const server = await serveDirectory(root, await readHeaderRules(root, config.hosts.siteHost));
  const urls = createUrlMap(server.origin, config.site);
  const findings: Finding[] = [];
  let done = 0;
  try {
    const browser = await launchChromium(executablePath);
    try {
      await forEachLimited(pages, concurrency, async (file) => {
        // Directory pages are visited at their pretty URL, as visitors reach them.
        const url = pageUrl(config.site, file.replace(/(^|\/)index\.html$/, '$1'));
        const visit = await crawlPage(browser, file, url, urls, settleRule);
        findings.push(...(visit.ok ? runRules(visit.value, config) : inputFindings(file, visit.problem, config)));
        options.onProgress?.(++done, pages.length);
      });
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
  return { files: pages.length, findings: sortUniqueFindings(findings), crawl: { pages, notVisited } };
}
