import { describe, expect, it } from 'vitest';
import { listBuiltFiles, listElements, loadPage, readBuiltFile } from './support.ts';

// The site itself, the origin that receives the form, and Bunny's player named in /privacy/#video.
const allowedHosts = new Set(['www.example.ca', 'origin.example.ca', 'player.mediadelivery.net']);
const siteUrl = 'https://www.example.ca/';

const cssUrl = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g;

function hostOf(url: string): string {
  return URL.parse(url.trim(), siteUrl)?.hostname ?? '';
}

function urlsInCss(css: string): string[] {
  return [...css.matchAll(cssUrl)].map((match) => match[2] ?? match[4]);
}

/** Attribute values that make the browser fetch: every URL-like attribute except link targets (navigations). */
function urlsInAttributes(tagName: string, attributes: Record<string, string>): string[] {
  const isLink = tagName === 'a' || tagName === 'area';
  return Object.entries(attributes).flatMap(([name, value]) => {
    if (isLink && name === 'href') return [];
    if (name === 'style') return urlsInCss(value);
    if (name === 'srcset') return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]);
    return /^\s*(https?:)?\/\//i.test(value) ? [value] : [];
  });
}

/** Every URL the built pages and stylesheets would make a browser fetch, with its host. */
async function findRequests(): Promise<{ file: string; url: string; host: string }[]> {
  const requests: { file: string; url: string; host: string }[] = [];
  const record = (file: string, urls: string[]) => {
    for (const url of urls) requests.push({ file, url, host: hostOf(url) });
  };
  for (const file of await listBuiltFiles('.html')) {
    const $ = await loadPage(file);
    for (const { tagName, attributes } of listElements($)) record(file, urlsInAttributes(tagName, attributes));
    record(file, urlsInCss($('style').text()));
  }
  for (const file of await listBuiltFiles('.css')) record(file, urlsInCss(await readBuiltFile(file)));
  return requests;
}

describe('requests the built site makes', () => {
  it('go to no host other than the site, its origin and Bunny.net’s player', async () => {
    const requests = await findRequests();
    const strangers = requests.filter(({ host }) => !allowedHosts.has(host));
    expect(strangers).toEqual([]);
  });

  it('contact Bunny.net’s player only once the visitor presses play: no page loads it by itself', async () => {
    const requests = await findRequests();
    expect(requests.filter(({ host }) => host === 'player.mediadelivery.net')).toEqual([]);
  });

  it('load no web font', async () => {
    const css = await Promise.all((await listBuiltFiles('.css')).map(readBuiltFile));
    expect(css.join('\n')).not.toMatch(/@font-face/i);
    expect(await listBuiltFiles('.woff2')).toEqual([]);
  });
});
