import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBudgets } from '../../bench/audit/budgets.ts';
import { measurePage, variants } from '../../bench/audit/measure.ts';
import { listPagePaths, serveBuiltSite } from '../../bench/audit/site.ts';
import { findChromium, launchChromium } from '../../scanners/crawl/chromium.ts';
import type { StaticServer } from '../../scanners/crawl/server.ts';
import { check, fix, loadConfig, type ResolvedConfig } from '../../scanners/index.ts';
import { leavingPagePath } from '../../scanners/syntax/leaving-page.ts';
import { astroBuild, copyStarter } from './support.ts';

let copy: string;
let dist: string;
let config: ResolvedConfig;
let build: { status: number | null; output: string };

/** A page under /leaving/: the site's leaving page or a destination's. */
const isLeavingPage = (path: string) => path.startsWith('/leaving/');

beforeAll(async () => {
  copy = await copyStarter('interstitial');
  const configFile = join(copy, 'nospy.config.json');
  const text = await readFile(configFile, 'utf8');
  await writeFile(configFile, text.replace('"mode": "inline"', '"mode": "interstitial"'));
  config = loadConfig(configFile);
  build = astroBuild(copy);
  dist = join(copy, 'dist');
}, 180_000);

afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

async function readPage(path: string) {
  const file = path.endsWith('/') ? `${path}index.html` : path;
  return load(await readFile(join(dist, file), 'utf8'));
}

/** Every link of the build's own pages that carries a destination, and where it points. */
async function findLeavingLinks() {
  const links: { page: string; href: string; to: string }[] = [];
  for (const page of (await listPagePaths(dist)).filter((path) => !isLeavingPage(path))) {
    const $ = await readPage(page);
    for (const element of $('a[data-leaving-to]').toArray()) {
      links.push({ page, href: $(element).attr('href') ?? '', to: $(element).attr('data-leaving-to') ?? '' });
    }
  }
  return links;
}

describe('astro build of the starter in interstitial mode', () => {
  it('passes the gate without a warning', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/\[nospy\] check: \d+ files, 0 errors, 0 warnings/);
    expect(build.output).not.toContain('[WARN]');
  });

  it("points each external link, from ExternalLink and from MDX, at its destination's leaving page", async () => {
    const links = await findLeavingLinks();
    expect(links.map(({ to }) => to)).toEqual(
      expect.arrayContaining(['https://www.w3.org/WAI/standards-guidelines/wcag/', 'https://bunny.net/privacy/']),
    );
    for (const { page, href, to } of links) expect(href, `${to} on ${page}`).toBe(leavingPagePath(to, '/leaving/'));
  });

  it("writes each leaving page in the site's design, naming the destination, kept out of search engines", async () => {
    const home = await readPage('/');
    for (const { href, to } of await findLeavingLinks()) {
      const $ = await readPage(href);
      const { host } = new URL(to);
      expect($('h1').text()).toBe(`Leaving for ${host}`);
      expect($('.leaving-url').text()).toBe(to);
      expect($('main').text()).toContain('its own privacy policy applies there');
      const go = $('a[data-nospy-leaving="continue"]');
      expect(go.attr('href')).toBe(to);
      expect(go.text()).toBe(`Continue to ${host}`);
      expect(go.attr('rel')).toBe('noopener noreferrer external');
      expect($('a.button.secondary').attr('href')).toBe('/');
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      // The same header, stylesheet and footer as every page.
      const stylesheets = ($: typeof home) =>
        $('link[rel="stylesheet"]')
          .map((_, link) => $(link).attr('href'))
          .get();
      expect(stylesheets(home)).toEqual(expect.arrayContaining(stylesheets($)));
      expect($('header.site-header .brand').text()).toBe(home('header.site-header .brand').text());
      expect($('footer.site-footer').text()).toBe(home('footer.site-footer').text());
    }
  });

  it('lists no leaving page in sitemap.xml', async () => {
    const sitemap = await readFile(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://www.example.ca/privacy/</loc>');
    expect(sitemap).not.toContain('/leaving/');
  });

  it('is left as it is by a second nospy fix, and still passes the check', async () => {
    const again = await fix(dist, { config });
    expect(again.changed).toEqual([]);
    const report = await check(dist, { config });
    expect(report.summary.errors).toBe(0);
  });
});

describe('the interstitial build in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveBuiltSite(dist, config.hosts.siteHost);
    browser = await launchChromium(await findChromium());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends every external link through a page of the site that names its destination and links to it, with 0 console messages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`error: ${error.message}`));
    const destinations = new Map<string, { to: string; from: string }>();
    for (const path of (await listPagePaths(dist)).filter((p) => !isLeavingPage(p))) {
      await page.goto(server.origin + path);
      // SVG links too, whose href the DOM does not resolve as a string.
      const links = await page.$$eval('a[href], area[href]', (elements) =>
        elements.map((element) => ({
          href: new URL(element.getAttribute('href') ?? '', element.baseURI).href,
          to: element.getAttribute('data-leaving-to'),
        })),
      );
      for (const { href, to } of links) {
        const url = new URL(href);
        if (!/^https?:$/.test(url.protocol)) continue;
        // No link leaves the site by itself: it stays on the served site, or names a host of the site.
        const onSite = url.origin === server.origin || config.hosts.isFirstParty(url.hostname);
        expect(onSite, `${href} on ${path}`).toBe(true);
        if (to !== null) destinations.set(href, { to, from: path });
      }
    }
    expect(destinations.size).toBeGreaterThanOrEqual(2);

    // A visitor's click on one of them lands on its leaving page.
    const [href, { from }] = [...destinations][0]!;
    await page.goto(server.origin + from);
    await page.click(`a[href="${new URL(href).pathname}"]`);
    await page.waitForURL(href);

    for (const [href, { to }] of destinations) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      expect(await page.locator('h1').textContent()).toBe(`Leaving for ${new URL(to).host}`);
      expect(await page.locator('a[data-nospy-leaving="continue"]').getAttribute('href')).toBe(to);
      expect(await page.getByRole('link', { name: `Continue to ${new URL(to).host}` }).count()).toBe(1);
    }
    // The site's own leaving page, the template, offers no way off the site.
    await page.goto(`${server.origin}/leaving/`);
    expect(await page.getByRole('link', { name: /^Continue/ }).count()).toBe(0);
    await context.close();
    expect(messages).toEqual([]);
  }, 120_000);

  it('keeps every budget on the leaving pages: no JavaScript, cookies, requests beyond the site, console messages or axe violations', async () => {
    const leaving = (await listPagePaths(dist)).filter((path) => isLeavingPage(path) && path !== '/leaving/');
    expect(leaving.length).toBeGreaterThanOrEqual(2);
    for (const path of leaving) {
      for (const variant of variants) {
        const measure = await measurePage(browser, server.origin + path, variant);
        expect(checkBudgets(measure), `${path} ${variant.name}`).toEqual([]);
      }
    }
  }, 180_000);
});
