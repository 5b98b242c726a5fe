import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { SourceText } from './locate.ts';

/** Files a page's markup is written in: components, pages, layouts, content entries, styles, scripts. */
const sourceExtensions = new Set([
  '.astro',
  '.md',
  '.mdx',
  '.mdoc',
  '.html',
  '.htm',
  '.svg',
  '.css',
  '.js',
  '.mjs',
  '.ts',
  '.jsx',
  '.tsx',
]);
const contentExtensions = new Set(['.md', '.mdx', '.mdoc']);
/** Past this size a file is data, not something a writer edits by hand. */
const maxSourceBytes = 2 * 1024 * 1024;

const toProjectPath = (root: string, path: string) => relative(root, path).split(sep).join('/');

/** Reads the source files under `dirs` (absolute; missing ones skipped), paths relative to `root`, sorted. */
export async function readSources(root: string, dirs: readonly string[]): Promise<SourceText[]> {
  const sources: SourceText[] = [];
  for (const dir of dirs) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(entry.parentPath, entry.name);
      if (!entry.isFile() || !sourceExtensions.has(extname(entry.name)) || path.includes(`${sep}node_modules${sep}`)) {
        continue;
      }
      if ((await stat(path)).size > maxSourceBytes) continue;
      sources.push({ file: toProjectPath(root, path), text: await readFile(path, 'utf8') });
    }
  }
  return sources.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The URL path a built page is served at: `services/index.html` is `/services/`, `404.html` is `/404`. */
export function pagePathname(builtFile: string): string {
  if (builtFile === 'index.html') return '/';
  if (builtFile.endsWith('/index.html')) return `/${builtFile.slice(0, -'index.html'.length)}`;
  return `/${builtFile.replace(/\.html?$/, '')}`;
}

/** Where to look for the markup of a built file, in order, and what the project knows about the page. */
export interface PageSources {
  /** The built file, relative to the output directory. */
  builtFile: string;
  /** The page component of the route that built it (`src/pages/[slug].astro`), project-relative. */
  entrypoint?: string;
  /** The project-relative public directory, whose files Astro copies into the output as they are. */
  publicDir?: string;
}

/**
 * Orders the project's sources for a built file, most likely first: the content entries named like the page's
 * last path segment (how a `[slug]` route names its entry), the route's page component, the public file it was
 * copied from, then every other source (layouts and components a page may use).
 */
export function orderSources(sources: readonly SourceText[], page: PageSources): SourceText[] {
  const slug = pagePathname(page.builtFile).replace(/\/$/, '').split('/').pop();
  const rank = (source: SourceText) => {
    const extension = extname(source.file);
    if (slug && contentExtensions.has(extension) && basename(source.file, extension) === slug) return 0;
    if (source.file === page.entrypoint) return 1;
    if (page.publicDir !== undefined && source.file === `${page.publicDir}/${page.builtFile}`) return 2;
    return 3;
  };
  return sources
    .map((source, index) => ({ source, index, rank: rank(source) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ source }) => source);
}
