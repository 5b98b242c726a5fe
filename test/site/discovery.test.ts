import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBuiltFiles, loadPage, readBuiltFile, siteDir } from './support.ts';

const site = 'https://www.example.ca';
const pages = await listBuiltFiles('.html');

describe('what search engines and link previews read', () => {
  it('lists the public pages in sitemap.xml, and not the form outcomes, the leaving page or 404', async () => {
    expect(await readBuiltFile('sitemap-index.xml')).toContain(`<loc>${site}/sitemap-0.xml</loc>`);
    const sitemap = await readBuiltFile('sitemap-0.xml');
    for (const path of ['/', '/services/', '/about/', '/news/', '/news/private-video-without-youtube/', '/privacy/']) {
      expect(sitemap).toContain(`<loc>${site}${path}</loc>`);
    }
    expect(sitemap).not.toMatch(/\/contact\/(thanks|error)\/|\/leaving\/|404/);
  });

  it('names the sitemap in robots.txt', async () => {
    expect(await readBuiltFile('robots.txt')).toContain(`Sitemap: ${site}/sitemap-index.xml`);
  });

  it('offers every post in an RSS feed, newest first, linked from every page', async () => {
    const feed = await readBuiltFile('rss.xml');
    const links = [...feed.matchAll(/<item>.*?<link>([^<]+)<\/link>/g)].map((match) => match[1]);
    expect(links).toEqual([`${site}/news/private-video-without-youtube/`, `${site}/news/a-contact-form-that-forgets/`]);
    const $ = await loadPage('index.html');
    expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/rss.xml');
  });

  describe.each(pages)('%s', (page) => {
    it('has Open Graph and Twitter card tags with the self-hosted share image', async () => {
      const $ = await loadPage(page);
      const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');
      expect(meta('og:title')).toBeTruthy();
      expect(meta('og:description')).toBe(meta('description'));
      expect(meta('og:url')).toBe($('link[rel="canonical"]').attr('href'));
      expect(meta('og:image')).toBe(`${site}/og/default.png`);
      expect(meta('twitter:card')).toBe('summary_large_image');
    });
  });

  it('ships the share image, 1200 × 630', async () => {
    const png = await readFile(join(siteDir, 'og/default.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('lets browsers keep hashed assets for a year', async () => {
    expect(await readBuiltFile('_headers')).toContain(
      '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable',
    );
  });
});
