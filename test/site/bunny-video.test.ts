import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { listBuiltFiles, loadPage, readBuiltFile } from './support.ts';

const playerUrl =
  'https://player.mediadelivery.net/embed/123456/7f3d2a9e-1c4b-4e8a-9b6d-2f5e8c1a4d70' +
  '?autoplay=true&preload=false&responsive=true';
const title = 'A two-minute tour of a privacy-first website';

/** The document BunnyVideo's frame shows before play: its srcdoc, parsed. */
async function loadPosterDocument(page: string) {
  const $ = await loadPage(page);
  return { $, frame: $('iframe'), poster: load($('iframe').attr('srcdoc') ?? '') };
}

describe('BunnyVideo', () => {
  const pagesWithVideo = ['index.html', 'news/private-video-without-youtube/index.html'];

  describe.each(pagesWithVideo)('on %s', (page) => {
    it('loads nothing from Bunny with the page: the frame shows a document of its own, lazily', async () => {
      const { frame } = await loadPosterDocument(page);
      expect(frame.length).toBe(1);
      expect(frame.attr('src')).toBeUndefined();
      expect(frame.attr('srcdoc')).toBeTruthy();
      expect(frame.attr('loading')).toBe('lazy');
      expect(frame.attr('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    });

    it('shows a self-hosted poster and a play link that loads the player in the frame and starts it', async () => {
      const { poster } = await loadPosterDocument(page);
      const play = poster('a.play');
      expect(play.attr('href')).toBe(playerUrl);
      // No target: the player replaces the poster inside the frame; the visitor stays on the page.
      expect(play.attr('target')).toBeUndefined();
      expect(poster('img').attr('src')).toBe('/video/poster.svg');
      expect(poster('img').attr('alt')).toBe('');
      expect(poster('link[rel="stylesheet"]').attr('href')).toBe('/video/frame.css');
      expect(poster('script').length).toBe(0);
    });

    it('names the frame and the play link for screen readers', async () => {
      const { frame, poster } = await loadPosterDocument(page);
      expect(frame.attr('title')).toBe(`Video: ${title}`);
      expect(poster('html').attr('lang')).toBe('en');
      expect(poster('a.play').text().replace(/\s+/g, ' ')).toBe(`Play video: ${title}`);
    });

    it('lets the player go full screen through allow alone (allowfullscreen beside it makes Chromium warn)', async () => {
      const { frame } = await loadPosterDocument(page);
      expect(frame.attr('allow')?.split(/;\s*/)).toEqual(expect.arrayContaining(['autoplay', 'fullscreen']));
      expect(frame.is('[allowfullscreen]')).toBe(false);
    });
  });

  it('ships the poster and the frame stylesheet with the site', async () => {
    expect(await readBuiltFile('video/poster.svg')).toContain('<svg');
    expect(await readBuiltFile('video/frame.css')).toContain('.play');
  });

  it('lets the frame load exactly the configured library’s player (CSP frame-src)', async () => {
    const frameSrc = /frame-src ([^;]+)/.exec(await readBuiltFile('_headers'))?.[1].split(' ');
    expect(frameSrc).toContain('https://player.mediadelivery.net/embed/123456/');
    expect(frameSrc?.every((source) => source.includes('/123456/'))).toBe(true);
  });

  it('keeps the player 16:9 at any width with CSS alone', async () => {
    const css = await Promise.all((await listBuiltFiles('.css')).map(readBuiltFile));
    expect(css.join('\n')).toMatch(/\.bunny-video-frame[^{]*\{[^}]*aspect-ratio:\s*16\s*\/\s*9/);
  });
});
