import { describe, expect, it } from 'vitest';
import { listBuiltFiles, loadPage, readBuiltFile } from './support.ts';

// The site itself, the origin that receives the form, and Bunny's player named in /privacy/#video.
const allowedHosts = new Set(['www.example.ca', 'origin.example.ca', 'player.mediadelivery.net']);
const siteUrl = 'https://www.example.ca/';

const cssUrl = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g;

function hostOf(value: string): string | undefined {
  return URL.parse(value.trim(), siteUrl)?.hostname || undefined;
}

function urlsInCss(css: string): string[] {
  return [...css.matchAll(cssUrl)].map((match) => match[2] ?? match[4]);
}

/** URL-like values of every attribute that can make the browser fetch, except link targets (navigations). */
async function findRequestedHosts(): Promise<{ file: string; value: string; host: string }[]> {
  const found = [];
  for (const file of await listBuiltFiles('.html')) {
    const $ = await loadPage(file);
    for (const element of $('*').toArray()) {
      const isLink = element.tagName === 'a' || element.tagName === 'area';
      for (const [name, value] of Object.entries(element.attribs)) {
        if (isLink && name === 'href') continue;
        const candidates = name === 'style' ? urlsInCss(value)
          : name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0])
          : /^\s*(https?:)?\/\//i.test(value) ? [value] : [];
        for (const candidate of candidates) found.push({ file, value: candidate, host: hostOf(candidate) ?? '' });
      }
    }
    for (const style of $('style').toArray()) {
      for (const value of urlsInCss($(style).text())) found.push({ file, value, host: hostOf(value) ?? '' });
    }
  }
  for (const file of await listBuiltFiles('.css')) {
    for (const value of urlsInCss(await readBuiltFile(file))) found.push({ file, value, host: hostOf(value) ?? '' });
  }
  return found;
}

describe('requests the built site makes', () => {
  it('go to no host other than the site, its origin and Bunny.net’s player', async () => {
    const requests = await findRequestedHosts();
    const strangers = requests.filter(({ host }) => !allowedHosts.has(host));
    expect(strangers).toEqual([]);
    expect(requests.some(({ host }) => host === 'player.mediadelivery.net')).toBe(true);
  });

  it('load no web font', async () => {
    const css = await Promise.all((await listBuiltFiles('.css')).map(readBuiltFile));
    expect(css.join('\n')).not.toMatch(/@font-face/i);
    expect(await listBuiltFiles('.woff2')).toEqual([]);
  });
});
