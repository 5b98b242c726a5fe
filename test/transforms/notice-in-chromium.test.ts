import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../scanners/crawl/chromium.ts';
import { fixDirectory } from '../../scanners/transforms/index.ts';
import { site, withSite } from './chromium-site.ts';
import { testConfig } from './support.ts';

const browserTimeoutMs = 90_000;

// Three themes written the way generators ship them: one with no hidden-text class at all, one whose Tailwind build
// (a linked stylesheet) has `sr-only`, and one whose links carry aria-labels.
const layout =
  'body{font:16px/1.5 sans-serif;margin:2rem}nav{display:flex;gap:1rem}.social{display:flex;gap:.5rem}.social a{display:inline-flex;width:2rem;height:2rem;background:#eee}';
const themes: Record<string, string> = {
  'plain/index.html': `<!doctype html><html lang="en"><head><title>Plain</title><style>${layout}</style></head><body><nav><a id="a" href="https://other.org/">Other</a><a href="/about/">About</a></nav><p>Read <a id="b" href="https://docs.other.org/guide">the guide</a> first.</p><div class="social"><a id="c" href="https://github.com/acme"><svg width="16" height="16" viewBox="0 0 16 16"><path d="M0 0h16v16H0z"/></svg></a></div></body></html>`,
  'tailwind/index.html': `<!doctype html><html lang="en"><head><title>Tailwind</title><link rel="stylesheet" href="/_astro/app.C3x.css"></head><body><nav class="flex"><a id="a" class="px-2" href="https://other.org/">Other</a></nav><p><a id="b" href="https://docs.other.org/">Docs</a></p></body></html>`,
  'label/index.html': `<!doctype html><html lang="en"><head><title>Labels</title><style>${layout}</style></head><body><p><a id="a" href="https://code.other.org/" aria-label="Our code">Code</a></p><div class="social"><a id="b" href="https://mastodon.example/@acme" aria-label="Mastodon"><svg width="16" height="16" viewBox="0 0 16 16"><path d="M0 0h16v16H0z"/></svg></a></div><p><a id="c" href="https://blog.other.org/">Blog</a></p></body></html>`,
  '_astro/app.C3x.css': `${layout}.flex{display:flex}.px-2{padding-left:.5rem;padding-right:.5rem}.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border-width:0}`,
};
const pages = ['plain', 'tailwind', 'label'];

interface Measured {
  links: Record<string, { width: number; height: number; mark: number; name: string }>;
  /** Boxes of the notice's words: what a sighted visitor could see of them. */
  words: { width: number; height: number; clipped: boolean }[];
  violations: string[];
}

describe('the leaving notice in Chromium, on themes with and without a hidden-text class', () => {
  let dir: string;
  let browser: Browser;
  const before: Record<string, Measured> = {};
  const after: Record<string, Measured> = {};

  async function measureAll(into: Record<string, Measured>): Promise<void> {
    // The site's own URL, answered from the local copy with its _headers (the CSP fix wrote is enforced).
    await withSite(browser, dir, async (context) => {
      for (const name of pages) {
        const page = await context.newPage();
        await page.goto(`${site}/${name}/`);
        const measured = await page.evaluate(() => {
          const links: Measured['links'] = {};
          for (const link of document.querySelectorAll('a[id]')) {
            const box = link.getBoundingClientRect();
            const mark = link.querySelector('.leaving-mark')?.getBoundingClientRect().width ?? 0;
            links[link.id] = { width: box.width, height: box.height, mark, name: '' };
          }
          const words = [...document.querySelectorAll('span')]
            .filter((span) => span.textContent === ' (leaves this site)')
            .map((span) => {
              const box = span.getBoundingClientRect();
              const style = getComputedStyle(span);
              const clipped = style.clipPath === 'inset(50%)' || /^rect\(0px,? 0px,? 0px,? 0px\)$/.test(style.clip);
              return { width: box.width, height: box.height, clipped };
            });
          return { links, words, violations: (window as unknown as { violations: string[] }).violations };
        });
        for (const id of Object.keys(measured.links)) {
          const name = await page.locator(`#${id}`).evaluate((element) => element.getAttribute('aria-label') ?? '');
          measured.links[id]!.name = name;
        }
        into[name] = measured;
        await page.close();
      }
    });
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nospy-notice-'));
    for (const [file, text] of Object.entries(themes)) {
      await mkdir(join(dir, file, '..'), { recursive: true });
      await writeFile(join(dir, file), text);
    }
    browser = await launchChromium(await findChromium());
    await measureAll(before);
    await fixDirectory(dir, testConfig());
    await measureAll(after);
  }, browserTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(pages)(
    '%s: the words have no visible box (1px at most, or clipped), and the CSP fix wrote blocks nothing',
    (name) => {
      const { words, violations } = after[name]!;
      expect(words.length).toBeGreaterThan(0);
      for (const box of words)
        expect(box.clipped || (box.width <= 1 && box.height <= 1), JSON.stringify(box)).toBe(true);
      for (const box of words) expect(box.width * box.height).toBeLessThanOrEqual(1);
      expect(violations).toEqual([]);
    },
  );

  it.each(pages)('%s: no link grew beyond the ↗ it got, nor wrapped', (name) => {
    for (const [id, link] of Object.entries(after[name]!.links)) {
      const old = before[name]!.links[id]!;
      expect(link.width - old.width, `#${id}`).toBeLessThanOrEqual(link.mark + 0.5);
      expect(link.height - old.height, `#${id}`).toBeLessThanOrEqual(0.5);
    }
  });

  it('gives text links the ↗, and icon-only and fixed-size links nothing visible', () => {
    expect(after.plain!.links.a!.mark).toBeGreaterThan(0);
    expect(after.plain!.links.b!.mark).toBeGreaterThan(0);
    expect(after.plain!.links.c).toMatchObject({ mark: 0, width: before.plain!.links.c!.width });
    expect(after.tailwind!.links.a!.mark).toBeGreaterThan(0);
    expect(after.label!.links.b).toMatchObject({ mark: 0, width: before.label!.links.b!.width });
  });

  it("puts the words in an aria-label, which screen readers read instead of the link's content", () => {
    expect(after.label!.links.a!.name).toBe('Our code (leaves this site)');
    expect(after.label!.links.b!.name).toBe('Mastodon (leaves this site)');
    // No hidden words inside a labelled link, where the label already says it: only in the unlabelled one.
    expect(after.label!.words).toHaveLength(1);
  });
});
