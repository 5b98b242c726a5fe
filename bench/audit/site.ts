import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compileHeadersFile } from '../../scanners/crawl/headers.ts';
import { serveDirectory, type StaticServer } from '../../scanners/crawl/server.ts';
import { fileType, walkSite } from '../../scanners/walk.ts';

/** The built site's pages as visitors reach them: `/`, `/news/`, `/404.html`, sorted. */
export async function listPagePaths(dir: string): Promise<string[]> {
  const paths: string[] = [];
  for await (const file of walkSite(dir)) {
    if (fileType(file) === 'html') paths.push(`/${file.replace(/(^|\/)index\.html$/, '$1')}`);
  }
  return paths.sort();
}

/** Serves `dir` on loopback with the headers its `_headers` file sets, as the CDN would. */
export async function serveBuiltSite(dir: string, siteHost: string): Promise<StaticServer> {
  const root = resolve(dir);
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  return serveDirectory(root, compileHeadersFile(text, siteHost));
}
