import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/load.ts';
import { fileType, walkSite } from '../walk.ts';
import type { TransformContext } from './context.ts';
import {
  addPageHashes,
  createInlineHashes,
  hashedAssetFolders,
  overlongLines,
  securityHeaders,
  writeHeadersFile,
} from './headers-file.ts';
import { planExternalLinks } from './mark-external-links.ts';
import { readPageTags, type PageTags } from './page-tags.ts';
import { planFormRoutes } from './route-forms.ts';
import { applyEdits, type Edit } from './splice.ts';

/** What `fixDirectory` did. */
export interface FixResult {
  /** HTML and SVG files transformed (read and not ignored). */
  files: number;
  /** HTML and SVG files rewritten, relative to the directory, `/` separators, sorted. */
  changed: string[];
  /** The `_headers` file as written. */
  headers: string;
  /**
   * Problems the user should hear about that the transforms cannot fix (a CSP line too long for Cloudflare, a header
   * set twice).
   */
  warnings: string[];
}

/** The edits every page transform makes to one HTML text. */
export function planPageEdits(text: string, page: PageTags, context: TransformContext): Edit[] {
  return [...planExternalLinks(text, page, context), ...planFormRoutes(text, page, context)];
}

/**
 * Applies every page transform to one HTML (or SVG) text from a single parse; returns the new text and what the parse
 * saw.
 */
export function transformPage(text: string, context: TransformContext): { text: string; page: PageTags } {
  const page = readPageTags(text);
  return { text: applyEdits(text, planPageEdits(text, page, context)), page };
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
 * the markup templates of their scripts), routes same-site POST forms to the origin, writes `_headers`.
 * Writes only files whose text changed; idempotent. Files that are not UTF-8 are left as they are (the
 * check reports them). Ignored files are not edited, but their inline scripts and styles are still
 * hashed into the CSP so those pages keep working.
 */
export async function fixDirectory(dir: string, config: ResolvedConfig): Promise<FixResult> {
  const isIgnored = picomatch(config.ignore, { dot: true });
  const hashes = createInlineHashes();
  const changed: string[] = [];
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
      if (type === 'html') addPageHashes(hashes, readPageTags(text));
      continue;
    }
    files += 1;
    const result = transformPage(text, { file, config });
    // Only HTML pages' inline code is hashed into the CSP: SVG files are mostly images, which the CSP does not govern.
    if (type === 'html') addPageHashes(hashes, result.page);
    if (result.text !== text) {
      await writeFile(path, result.text);
      changed.push(file);
    }
  }
  const headersPath = join(dir, '_headers');
  const existing = await readFile(headersPath, 'utf8').catch(() => undefined);
  const immutablePaths = hashedAssetFolders.filter((folder) => existsSync(join(dir, folder))).map((f) => `/${f}/*`);
  const { text: headers, warnings } = writeHeadersFile(existing, securityHeaders(config, hashes), immutablePaths);
  if (headers !== existing) await writeFile(headersPath, headers);
  return { files, changed: changed.sort(), headers, warnings: [...warnings, ...overlongLines(headers)] };
}
