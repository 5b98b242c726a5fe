import { readdirSync, type Dirent } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import picomatch from 'picomatch';

/**
 * How a file of the site is scanned; files of any other type are neither scanned nor counted. SVG files are
 * documents too (opened directly, or through `<object>`/`<iframe>`), read like HTML but not transformed or crawled.
 * `_headers` and `_redirects` tell the host how to answer; web app manifests name icons a browser fetches.
 */
export type FileType = 'html' | 'svg' | 'css' | 'js' | 'headers' | 'redirects' | 'manifest';

const typesByExtension: Record<string, FileType> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.svg': 'svg',
  '.css': 'css',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.webmanifest': 'manifest',
};

/** `manifest.json`, `site.manifest.json`, `app.webmanifest.json`: a web app manifest, or a build tool's asset map. */
const manifestJsonName = /manifest\.json$/i;

/** The scan type of a relative path, or undefined when nospy does not read such files. */
export function fileType(file: string): FileType | undefined {
  if (file === '_headers' || file.endsWith('/_headers')) return 'headers';
  if (file === '_redirects' || file.endsWith('/_redirects')) return 'redirects';
  if (manifestJsonName.test(file)) return 'manifest';
  return typesByExtension[extname(file).toLowerCase()];
}

const skippedDirectories = new Set(['node_modules', '.git']);

/**
 * Yields the relative (`/`-separated) paths of the scannable files under `root`, streaming, in no
 * particular order. Skips `ignore` globs, node_modules and .git; follows symlinks once each. A link
 * that leads nowhere, or a folder that cannot be listed, is still yielded, so reading it becomes an
 * `input` finding rather than silence.
 */
export async function* walkSite(root: string, ignore: readonly string[] = []): AsyncGenerator<string> {
  const isIgnored = ignore.length > 0 ? picomatch(ignore as string[], { dot: true }) : () => false;
  const seen = new Set<string>([await realpath(root)]);
  const pending: string[] = [''];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const entries = listDirectory(join(root, dir), dir === '');
    // An unreadable folder is yielded itself: reading it fails the same way and becomes an `input` finding.
    if (!entries) {
      yield dir;
      continue;
    }
    for (const entry of entries) {
      const file = dir === '' ? entry.name : `${dir}/${entry.name}`;
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = await stat(join(root, file)).catch(() => undefined);
        isDirectory = target?.isDirectory() ?? false;
        // A loop of links would otherwise walk forever.
        if (isDirectory && !remember(seen, await realpath(join(root, file)))) continue;
      }
      if (isDirectory) {
        if (!skippedDirectories.has(entry.name) && !isIgnored(file)) pending.push(file);
      } else if (fileType(file) !== undefined && !isIgnored(file)) {
        yield file;
      }
    }
  }
}

/**
 * One folder's entries in a single call: listing entry by entry through an async `Dir` cost more than
 * scanning the pages on a site of small folders. Undefined when the folder cannot be listed (the root must be).
 */
function listDirectory(path: string, isRoot: boolean): Dirent[] | undefined {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch (error) {
    if (isRoot) throw error;
    return undefined;
  }
}

function remember(seen: Set<string>, path: string): boolean {
  if (seen.has(path)) return false;
  seen.add(path);
  return true;
}
