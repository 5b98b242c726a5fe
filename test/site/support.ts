import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { inject } from 'vitest';

/** Absolute path of the site built by test/setup/build-site.ts. */
export const siteDir = inject('siteDir');

/** Every page the starter promises, as built files relative to the output directory. */
export const expectedPages = [
  'index.html',
  'services/index.html',
  'about/index.html',
  'news/index.html',
  'news/private-video-without-youtube/index.html',
  'news/a-contact-form-that-forgets/index.html',
  'contact/index.html',
  'contact/thanks/index.html',
  'contact/error/index.html',
  'privacy/index.html',
  'leaving/index.html',
  '404.html',
];

/** Paths of all built files with one of the extensions, relative to the output directory, `/`-separated. */
export async function listBuiltFiles(extension: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => join(entry.parentPath, entry.name).slice(siteDir.length).split('\\').join('/'))
    .sort();
}

export function readBuiltFile(file: string): Promise<string> {
  return readFile(join(siteDir, file), 'utf8');
}

/** A built page parsed with cheerio. */
export async function loadPage(file: string): Promise<CheerioAPI> {
  return load(await readBuiltFile(file));
}

/** Every element of a page with its attributes, in document order. */
export function listElements($: CheerioAPI): { tagName: string; attributes: Record<string, string> }[] {
  return $('*')
    .toArray()
    .flatMap((node) => ('attribs' in node ? [{ tagName: node.tagName, attributes: node.attribs }] : []));
}
