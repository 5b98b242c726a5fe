import { describe, expect, it } from 'vitest';
import { expectedPages, listBuiltFiles, listElements, loadPage } from './support.ts';

const pages = await listBuiltFiles('.html');

describe('the built starter site', () => {
  it('has every page the starter promises', () => {
    expect(pages).toEqual(expect.arrayContaining(expectedPages));
  });

  describe.each(pages)('%s', (page) => {
    it('runs no JavaScript: no script other than JSON-LD, no event handler attributes, no javascript: URLs', async () => {
      const $ = await loadPage(page);
      const scripts = $('script').filter((_, script) => $(script).attr('type') !== 'application/ld+json');
      expect(scripts.length).toBe(0);
      const handlers = listElements($).flatMap(({ attributes }) =>
        Object.keys(attributes).filter((name) => name.startsWith('on')),
      );
      expect(handlers).toEqual([]);
      expect($('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]').length).toBe(0);
    });

    it('is in English, with a title, a description and a viewport', async () => {
      const $ = await loadPage(page);
      expect($('html').attr('lang')).toBe('en');
      expect($('title').text().trim()).not.toBe('');
      expect($('meta[name="description"]').attr('content')?.trim()).toBeTruthy();
      expect($('meta[name="viewport"]').attr('content')).toContain('width=device-width');
      expect($('meta[charset]').attr('charset')?.toLowerCase()).toBe('utf-8');
    });

    it('has exactly one h1 and headings that never skip a level', async () => {
      const $ = await loadPage(page);
      expect($('h1').length).toBe(1);
      const levels = $('h1, h2, h3, h4, h5, h6')
        .toArray()
        .map((heading) => Number(heading.tagName.slice(1)));
      expect(levels[0]).toBe(1);
      for (const [index, level] of levels.entries()) {
        if (index > 0) expect(level - levels[index - 1]).toBeLessThanOrEqual(1);
      }
    });

    it('has a skip link to the main content, the main navigation and a footer link to the privacy policy', async () => {
      const $ = await loadPage(page);
      const skipLink = $('a.skip-link');
      expect(skipLink.attr('href')).toBe('#main');
      expect($('main#main').length).toBe(1);
      expect($('nav[aria-label="Main"] a').length).toBeGreaterThanOrEqual(5);
      expect($('footer a[href="/privacy/"]').length).toBe(1);
    });
  });

  it('marks the current page in the main navigation', async () => {
    const $ = await loadPage('services/index.html');
    expect($('nav a[aria-current="page"]').attr('href')).toBe('/services/');
  });

  it('lists every news post, newest first, each linking to its own page', async () => {
    const $ = await loadPage('news/index.html');
    const links = $('.post-list a')
      .toArray()
      .map((link) => $(link).attr('href'));
    expect(links).toEqual(['/news/private-video-without-youtube/', '/news/a-contact-form-that-forgets/']);
    const dates = $('.post-list time')
      .toArray()
      .map((time) => $(time).attr('datetime') ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('says on the leaving page that the visitor is leaving, and offers a way back; it names no destination itself', async () => {
    const $ = await loadPage('leaving/index.html');
    expect($('h1').text()).toBe('Leaving for another website');
    expect($('main').text()).toMatch(/its own privacy policy applies there/);
    expect($('main a[href="/"]').length).toBe(1);
    // The template of interstitial mode's leaving pages: the continue link waits, hidden, for a destination.
    expect($('a[data-nospy-leaving="continue"]').is('[hidden]:not([href])')).toBe(true);
  });

  it('gives the origin a thank-you page and an error page to redirect to', async () => {
    const thanks = await loadPage('contact/thanks/index.html');
    expect(thanks('h1').text()).toMatch(/thank you/i);
    const error = await loadPage('contact/error/index.html');
    expect(error('h1').text()).toMatch(/not sent/i);
    expect(error('main a[href="/contact/"]').length).toBe(1);
  });
});
