import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/load.ts';
import { compareFindings, inputFindings, runRules } from '../engine.ts';
import { gatherHeaders } from '../gather/site-files/headers.ts';
import { pageUrl } from '../syntax/url.ts';
import type { Finding } from '../report.ts';
import { fileType, walkSite } from '../walk.ts';
import { findChromium, launchChromium } from './chromium.ts';
import { compileHeaderRules, type HeaderRule } from './headers.ts';
import { crawlPage, type PageTimeouts } from './page.ts';
import { serveDirectory } from './server.ts';
import { createUrlMap } from './urls.ts';

export interface CrawlOptions {
  /** Path of the Chromium executable; default `$NOSPY_CHROMIUM`, then Debian's and Ubuntu's usual paths. */
  chromium?: string;
}

/** Pages open at once: enough to overlap waiting, few enough for a 2-core CI runner. */
const concurrency = 3;
const timeouts: PageTimeouts = { loadMs: 30_000, settleMs: 2_000 };

async function readHeaderRules(root: string, siteHost: string): Promise<HeaderRule[]> {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  return compileHeaderRules(gatherHeaders(text, '_headers'), siteHost);
}

async function listPages(root: string, ignore: readonly string[]): Promise<string[]> {
  const pages: string[] = [];
  for await (const file of walkSite(root, ignore)) if (fileType(file) === 'html') pages.push(file);
  return pages.sort();
}

/**
 * A resource fetched twice, or a cookie seen in two frames, is one finding: browser observations carry no line to tell
 * them apart.
 */
function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
 * `nospy crawl`: serves `dir` on 127.0.0.1 (with its `_headers`), opens every HTML page in headless
 * Chromium that can reach nothing but that server, and runs the rules on what the browser actually
 * did: requests (blocked ones included), embeds, cookies and client storage. Findings sorted.
 */
export async function crawlDirectory(
  dir: string,
  config: ResolvedConfig,
  options: CrawlOptions = {},
): Promise<{ files: number; findings: Finding[] }> {
  const executablePath = findChromium(options.chromium);
  const root = resolve(dir);
  const pages = await listPages(root, config.ignore);
  const server = await serveDirectory(root, await readHeaderRules(root, config.hosts.siteHost));
  const urls = createUrlMap(server.origin, config.site);
  const findings: Finding[] = [];
  try {
    const browser = await launchChromium(executablePath);
    try {
      await forEachLimited(pages, concurrency, async (file) => {
        // Directory pages are visited at their pretty URL, as visitors reach them.
        const url = pageUrl(config.site, file.replace(/(^|\/)index\.html$/, '$1'));
        const observations = await crawlPage(browser, file, url, urls, timeouts);
        if (typeof observations === 'string') findings.push(...inputFindings(file, observations, config));
        else findings.push(...uniqueFindings(runRules(observations, config)));
      });
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
  return { files: pages.length, findings: findings.sort(compareFindings) };
}
