import { describe, expect, it } from 'vitest';
import { listBuiltFiles, loadPage, readBuiltFile } from './support.ts';

const playerUrl =
  'https://player.mediadelivery.net/embed/123456/7f3d2a9e-1c4b-4e8a-9b6d-2f5e8c1a4d70' +
  '?autoplay=false&preload=false&responsive=true';

describe('BunnyVideo', () => {
  const pagesWithVideo = ['index.html', 'news/private-video-without-youtube/index.html'];

  describe.each(pagesWithVideo)('on %s', (page) => {
    it('embeds the private player of the configured library: no autoplay, no preload, lazy', async () => {
      const $ = await loadPage(page);
      const iframe = $('iframe');
      expect(iframe.length).toBe(1);
      expect(iframe.attr('src')).toBe(playerUrl);
      expect(iframe.attr('loading')).toBe('lazy');
      expect(iframe.attr('referrerpolicy')).toBe('strict-origin-when-cross-origin');
      expect(iframe.attr('allow')).toBe('encrypted-media; picture-in-picture; fullscreen');
      expect(iframe.is('[allowfullscreen]')).toBe(true);
    });

    it('gives the player a title for screen readers', async () => {
      const $ = await loadPage(page);
      expect($('iframe').attr('title')).toBe('A two-minute tour of a privacy-first website');
    });

    it('offers a fallback link to the same player, marked as leaving the site', async () => {
      const $ = await loadPage(page);
      const fallback = $('figure.bunny-video figcaption a');
      expect(fallback.attr('href')).toBe(playerUrl);
      expect(fallback.is('[data-leaving]')).toBe(true);
    });
  });

  it('keeps the player 16:9 at any width with CSS alone', async () => {
    const css = await Promise.all((await listBuiltFiles('.css')).map(readBuiltFile));
    expect(css.join('\n')).toMatch(/\.bunny-video-frame[^{]*\{[^}]*aspect-ratio:\s*16\s*\/\s*9/);
  });
});
