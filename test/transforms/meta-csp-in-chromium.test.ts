import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../scanners/crawl/chromium.ts';
import { fixDirectory } from '../../scanners/transforms/index.ts';
import { site, withSite } from './chromium-site.ts';
import { testConfig } from './support.ts';

const browserTimeoutMs = 90_000;

// A docs page the way Starlight and Tailwind themes ship one: a charset, a theme script before the stylesheet,
// dozens of inline scripts and styles of its own (islands, code tabs), style attributes. Its hashes pass 2,000
// characters, so fix puts them in a meta; the small page beside it keeps its hashes in the header.
const parts = Array.from({ length: 60 }, (_, i) => `<script>window.ran.push(${i})</script>`).join('');
const docsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs</title><script>window.ran = ['theme']</script><style>h1{color:rgb(200, 0, 0)}</style></head><body><h1>Docs</h1><p id="tinted" style="color: rgb(0, 0, 200)">Tinted</p>${parts}<script>const s = document.createElement('script'); s.textContent = 'window.ran.push("added by script")'; document.body.append(s);</script></body></html>`;
const homePage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home</title></head><body><script>window.ran = ["home"]</script></body></html>';

interface Visit {
  ran: string[];
  headingColor: string;
  tintedColor: string;
  violations: string[];
}

describe("a page whose policy is in its own meta, under the _headers fix wrote, in Chromium at the site's address", () => {
  let dir: string;
  let browser: Browser;

  /** Opens `path` at the site's own origin, answered from the folder with its _headers. */
  async function visit(path: string): Promise<Visit> {
    return withSite(browser, dir, async (context) => {
      const page = await context.newPage();
      await page.goto(`${site}${path}`);
      return page.evaluate(() => ({
        ran: (window as unknown as { ran: unknown[] }).ran.map(String),
        headingColor: getComputedStyle(document.querySelector('h1') ?? document.body).color,
        tintedColor: getComputedStyle(document.querySelector('#tinted') ?? document.body).color,
        violations: (window as unknown as { violations: string[] }).violations,
      }));
    });
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nospy-meta-csp-'));
    await mkdir(join(dir, 'docs'));
    await writeFile(join(dir, 'docs/index.html'), docsPage);
    await writeFile(join(dir, 'index.html'), homePage);
    browser = await launchChromium(await findChromium());
    await fixDirectory(dir, testConfig());
  }, browserTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'runs every inline script and style the page was built with, and blocks only the script its own code adds',
    async () => {
      expect(await readFile(join(dir, 'docs/index.html'), 'utf8')).toContain('data-nospy-csp');
      const docs = await visit('/docs/');
      expect(docs.ran).toEqual(['theme', ...Array.from({ length: 60 }, (_, i) => String(i))]);
      expect(docs.headingColor).toBe('rgb(200, 0, 0)');
      expect(docs.tintedColor).toBe('rgb(0, 0, 200)');
      // The script the page's own code adds is not one it was built with: the meta blocks it, as a header would.
      expect(docs.violations).toEqual(['script-src-elem inline']);
      expect(await visit('/')).toMatchObject({ ran: ['home'], violations: [] });
    },
    browserTimeoutMs,
  );

  it(
    'blocks an inline script, a style and a style attribute injected into the page after fix',
    async () => {
      const fixed = await readFile(join(dir, 'docs/index.html'), 'utf8');
      const injected = fixed
        .replace('<h1>', '<script>window.ran.push("injected")</script><style>h1{color:rgb(0, 200, 0)}</style><h1>')
        .replace('color: rgb(0, 0, 200)', 'color: rgb(0, 200, 0)');
      await writeFile(join(dir, 'docs/index.html'), injected);
      try {
        const docs = await visit('/docs/');
        expect(docs.ran).not.toContain('injected');
        expect(docs.ran).toContain('59');
        expect(docs.headingColor).toBe('rgb(200, 0, 0)');
        expect(docs.tintedColor).not.toBe('rgb(0, 200, 0)');
        expect(docs.violations).toEqual(
          expect.arrayContaining(['script-src-elem inline', 'style-src-elem inline', 'style-src-attr inline']),
        );
      } finally {
        await writeFile(join(dir, 'docs/index.html'), fixed);
      }
    },
    browserTimeoutMs,
  );
});
