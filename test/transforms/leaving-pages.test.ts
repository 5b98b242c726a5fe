import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../scanners/index.ts';
import { leavingPageFile, leavingPagePath } from '../../scanners/syntax/leaving-page.ts';
import { fixDirectory } from '../../scanners/transforms/index.ts';
import { renderLeavingPages } from '../../scanners/transforms/leaving-pages.ts';
import { tempSite, testConfig } from './support.ts';

const config = testConfig({ externalLinks: { mode: 'interstitial' } });
const fileOf = (url: string) => leavingPageFile(url, '/leaving/');

/** A leaving page shaped like the starter's build: compressed, one stylesheet, the slots marked. */
const template = [
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>You are leaving this site | Studio</title>',
  '<link rel="stylesheet" href="/_astro/global.Bx1.css"></head><body><main id="main" class="wrap">',
  '<header class="page-header"><p class="eyebrow">You are leaving Studio</p>',
  '<h1>Leaving for <span class="leaving-host" data-nospy-leaving="host">another website</span></h1>',
  '<p class="leaving-url" data-nospy-leaving="url" hidden></p></header>',
  '<p class="lead">Its own privacy policy applies there.</p><p class="actions">',
  '<a class="button" data-nospy-leaving="continue" hidden>Continue to <span data-nospy-leaving="host">the other website</span></a>',
  '<a class="button secondary" href="/">Back to Studio</a></p></main></body></html>',
].join('\n');

function render(url: string, text = template) {
  return renderLeavingPages({ file: 'leaving/index.html', text }, [url], config);
}

describe('renderLeavingPages', () => {
  it("writes the destination's page in the site's design: host, full address, continue and back links, noindex", () => {
    const url = 'https://shop.partner.example/catalogue?item=4';
    const { pages, warnings } = render(url);
    expect(warnings).toEqual([]);
    expect(pages.map(({ file }) => file)).toEqual([fileOf(url)]);
    const $ = load(pages[0]!.text);
    expect($('h1').text()).toBe('Leaving for shop.partner.example');
    expect($('.leaving-url').text()).toBe(url);
    expect($('.leaving-url').is('[hidden]')).toBe(false);
    const go = $('a[data-nospy-leaving="continue"]');
    expect(go.attr('href')).toBe(url);
    expect(go.attr('rel')).toBe('noopener noreferrer external');
    expect(go.is('[data-leaving]')).toBe(true);
    expect(go.is('[hidden]')).toBe(false);
    expect(go.text()).toBe('Continue to shop.partner.example');
    expect($('a.secondary').attr('href')).toBe('/');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('link[rel="stylesheet"]').attr('href')).toBe('/_astro/global.Bx1.css');
  });

  it('changes no byte of the template but the slots, the hidden attributes and the robots meta', () => {
    const url = 'https://other.org/';
    const text = render(url).pages[0]!.text;
    const expected = template
      .replace('<head>', '<head><meta name="robots" content="noindex">')
      .replace('>another website<', '>other.org<')
      .replace('data-nospy-leaving="url" hidden></p>', 'data-nospy-leaving="url">https://other.org/</p>')
      .replace(
        'data-nospy-leaving="continue" hidden>',
        'data-nospy-leaving="continue" href="https://other.org/" rel="noopener noreferrer external" data-leaving="">',
      )
      .replace('>the other website<', '>other.org<');
    expect(text).toBe(expected);
  });

  it('escapes the address everywhere it is written', () => {
    const url = new URL("https://other.org/a?q=\"><script>alert(1)</script>&x='1'").href;
    const text = render(url).pages[0]!.text;
    expect(text).not.toContain('<script>');
    const $ = load(text);
    expect($('.leaving-url').text()).toBe(url);
    expect($('a[data-nospy-leaving="continue"]').attr('href')).toBe(url);
    expect($('script')).toHaveLength(0);
  });

  it('names any address exactly, as text and as the continue link', () => {
    const anyUrl = fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true, withFragments: true });
    fc.assert(
      fc.property(anyUrl, (raw) => {
        const url = new URL(raw).href;
        const $ = load(render(url).pages[0]!.text);
        expect($('.leaving-url').text()).toBe(url);
        expect($('a[data-nospy-leaving="continue"]').attr('href')).toBe(url);
        expect($('h1').text()).toBe(`Leaving for ${new URL(url).host}`);
      }),
    );
  });

  it('shows the port of an address that has one, and keeps an existing noindex', () => {
    const text = render(
      'https://other.org:8443/',
      template.replace('<head>', '<head><meta name="robots" content="noindex, nofollow">'),
    ).pages[0]!.text;
    const $ = load(text);
    expect($('h1').text()).toBe('Leaving for other.org:8443');
    expect($('meta[name="robots"]')).toHaveLength(1);
  });

  it('writes one page per address, in a stable order', () => {
    const urls = ['https://b.org/', 'https://a.org/x', 'https://a.org/y', 'https://a.org/x'];
    const { pages } = renderLeavingPages({ file: 'leaving/index.html', text: template }, urls, config);
    expect(pages.map(({ file }) => file)).toEqual(['https://a.org/x', 'https://a.org/y', 'https://b.org/'].map(fileOf));
  });

  it("falls back to a plain page without the site's own leaving page, and says so when it lacks the slots", () => {
    const url = 'https://other.org/x';
    const plain = renderLeavingPages(undefined, [url], config);
    expect(plain.warnings).toEqual([]);
    const $ = load(plain.pages[0]!.text);
    expect($('h1').text()).toBe('Leaving for other.org');
    expect($('a[data-nospy-leaving="continue"]').attr('href')).toBe(url);
    expect($('a[href="/"]').text()).toBe('Back to this site');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');

    const bare = renderLeavingPages({ file: 'leaving/index.html', text: '<!doctype html><p>Bye</p>' }, [url], config);
    expect(bare.pages[0]!.text).toBe(plain.pages[0]!.text);
    expect(bare.warnings).toEqual([
      expect.stringContaining('leaving/index.html has no <head> or no <a data-nospy-leaving="continue">'),
    ]);
  });

  it('ignores slots a browser never shows or cannot fill', () => {
    const text = template.replace(
      '<p class="lead">',
      '<template><span data-nospy-leaving="host">kept</span></template><img data-nospy-leaving="url" alt=""><p class="lead">',
    );
    const $ = load(render('https://other.org/', text).pages[0]!.text);
    expect($('template').html()).toContain('kept');
    expect($('img').attr('alt')).toBe('');
  });
});

describe('fixDirectory in interstitial mode', () => {
  const temp = tempSite('leaving');
  const site = temp.write;
  const read = temp.read;

  it('writes a leaving page for every destination the links name, which the check then passes, and a second run changes nothing', async () => {
    const written = `https://docs.example.org/guide`;
    const page = (body: string) =>
      `<!doctype html><html lang="en"><head><title>T</title></head><body>${body}</body></html>`;
    await site({
      'leaving/index.html': template,
      'index.html': page('<a href="https://other.org/">Other</a> <a href="https://other.org/#top">Top</a>'),
      // As ExternalLink writes a link in interstitial mode.
      'about/index.html': page(
        `<a href="${leavingPagePath(written, '/leaving/')}" data-leaving-to="${written}" data-leaving rel="noopener noreferrer external">Guide</a>`,
      ),
    });
    const first = await fixDirectory(temp.dir, config);
    const pages = ['https://other.org/', 'https://other.org/#top', written].map(fileOf);
    expect(first.changed).toEqual(['index.html', ...pages].sort());
    expect(first.files).toBe(6);
    expect(first.warnings).toEqual([]);
    expect(
      load(await read('index.html'))('a')
        .first()
        .attr('href'),
    ).toBe(leavingPagePath('https://other.org/', '/leaving/'));
    expect(load(await read(fileOf(written)))('a[data-nospy-leaving="continue"]').attr('href')).toBe(written);

    const report = await check(temp.dir, { config });
    expect(report.findings.filter(({ severity }) => severity === 'error')).toEqual([]);

    const again = await fixDirectory(temp.dir, config);
    expect(again.changed).toEqual([]);
    expect(again.files).toBe(6);
    expect(again.headers).toBe(first.headers);
  });

  it('hashes the inline style of the plain page into the CSP', async () => {
    await site({ 'index.html': '<a href="https://other.org/">Other</a>' });
    const result = await fixDirectory(temp.dir, config);
    expect(result.changed).toEqual([fileOf('https://other.org/'), 'index.html'].sort());
    expect(result.headers).toMatch(/style-src [^;]*'sha256-/);
  });

  it("writes no leaving page for a player facade's link, which fix leaves pointing at the player", async () => {
    const facade =
      '<lite-youtube videoid="abc"><a class="lty-playbtn" href="https://www.youtube.com/watch?v=abc">Play</a></lite-youtube>';
    await site({ 'leaving/index.html': template, 'index.html': facade });
    const result = await fixDirectory(temp.dir, config);
    expect(result.changed).not.toContain(fileOf('https://www.youtube.com/watch?v=abc'));
  });

  it('writes no leaving page in inline mode', async () => {
    await site({ 'leaving/index.html': template, 'index.html': '<a href="https://other.org/">Other</a>' });
    const result = await fixDirectory(temp.dir, testConfig());
    expect(result.changed).toEqual(['index.html']);
  });
});
