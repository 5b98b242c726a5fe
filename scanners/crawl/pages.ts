import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { parseMetaRefresh } from '../syntax/meta-refresh.ts';
import { type FileType, fileType, walkSite } from '../walk.ts';

/** A file `nospy check` scans that the crawl does not open as a page, and why. */
export interface NotVisited {
  file: string;
  reason: string;
}

/** The site's files as the crawl sees them: the pages it opens, and every other file `check` would scan. */
export interface CrawlPlan {
  pages: string[];
  notVisited: NotVisited[];
}

const reasons: Record<Exclude<FileType, 'html'>, string> = {
  css: 'stylesheet: loaded by the pages that use it',
  js: 'script: run by the pages that load it',
  svg: 'image: loaded by the pages that use it',
  manifest: 'web app manifest: loaded by the pages that link it',
  headers: 'response headers: sent with every page and file',
  redirects: 'redirect rules: checked by nospy check; the crawl server does not follow them',
};

/**
 * The URL of a page that only redirects (`<meta http-equiv="refresh" content="0;url=…">` and no script), as static
 * generators write for moved pages: the browser would leave it at once for a page visited on its own.
 */
function redirectStubTarget(html: string): string | undefined {
  let target: string | undefined;
  let hasScript = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script') hasScript = true;
      if (name !== 'meta' || attributes['http-equiv']?.trim().toLowerCase() !== 'refresh') return;
      const refresh = parseMetaRefresh(attributes.content ?? '');
      if (refresh?.seconds === 0 && refresh.url !== undefined) target ??= refresh.url;
    },
  });
  parser.end(html);
  return hasScript ? undefined : target;
}

/** Sorts the site's files into pages to open and the rest, each with its reason. */
export async function planCrawl(root: string, ignore: readonly string[]): Promise<CrawlPlan> {
  const pages: string[] = [];
  const notVisited: NotVisited[] = [];
  for await (const file of walkSite(root, ignore)) {
    const type = fileType(file);
    if (type === undefined) continue;
    if (type !== 'html') {
      notVisited.push({ file, reason: reasons[type] });
      continue;
    }
    // An unreadable page is still opened: the browser's failure to load it becomes an input finding.
    const target = redirectStubTarget(await readFile(join(root, file), 'utf8').catch(() => ''));
    if (target === undefined) pages.push(file);
    else notVisited.push({ file, reason: `redirect stub to ${target}: the browser would leave it at once` });
  }
  const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return { pages: pages.sort(), notVisited: notVisited.sort(byFile) };
}
