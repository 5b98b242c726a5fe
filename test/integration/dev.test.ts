import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../scanners/crawl/chromium.ts';

const repository = fileURLToPath(new URL('../../', import.meta.url));
const root = fileURLToPath(new URL('./fixtures/dev-site/', import.meta.url));
let server: ChildProcess;
let log = '';
let origin: string;

/** Resolves once the dev server's log matches `pattern`. */
function logMatches(pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${log}`)), 30_000);
    const look = () => {
      const match = log.match(pattern);
      if (!match) return;
      clearTimeout(timer);
      server.stdout?.off('data', look);
      resolve(match);
    };
    server.stdout?.on('data', look);
    look();
  });
}

beforeAll(async () => {
  // As a writer runs it: Astro's dev server serves nothing when it sees vitest's VITEST variable.
  const { VITEST: _vitest, ...env } = process.env;
  server = spawn(process.execPath, [join(repository, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0'], {
    cwd: root,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const collect = (chunk: Buffer) => {
    log += stripVTControlCharacters(chunk.toString());
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  origin = (await logMatches(/Local +(http:\/\/\S+?)\/?\s/))[1]!;
}, 60_000);

afterAll(async () => {
  server.kill();
  await Promise.all([`${root}.astro`, `${root}node_modules`].map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('astro dev with the nospy integration', () => {
  it('serves pages with the build transforms applied: the raw external link is marked', async () => {
    const html = await (await fetch(`${origin}/`)).text();
    expect(html).toMatch(/<a href="https:\/\/other\.org\/" [^>]*data-leaving="" rel="noopener noreferrer external"/);
  }, 30_000);

  it("logs the page's findings at their source, with the snippet and the policy, once per change", async () => {
    await fetch(`${origin}/`);
    // The entry ends with the text report's summary line.
    await logMatches(/✖ \d+ errors?, \d+ warnings? in 1 file/);
    expect(log).toMatch(/^ {2}src\/pages\/index\.astro:5:5 {2}error .* {2}embeds\/third-party-player$/m);
    expect(log).toMatch(/^ {6}│ <iframe title="Film" src="https:\/\/player\.vimeo\.com\/video\/76979871">$/m);
    expect(log).toContain('      policy: /privacy/#video');
    expect(log).not.toContain('external-links/unmarked');
    // Served twice with the same findings: logged once.
    expect(log.match(/embeds\/third-party-player/g)).toHaveLength(1);
  }, 30_000);

  it('logs them again when the writer changes the page', async () => {
    const page = join(root, 'src/pages/index.astro');
    const original = await readFile(page, 'utf8');
    try {
      await writeFile(page, original.replace('<iframe', '<p>Watch it:</p>\n    <iframe'));
      const moved = /^ {2}src\/pages\/index\.astro:6:5 {2}error .* {2}embeds\/third-party-player$/m;
      for (let tries = 0; tries < 20 && !moved.test(log); tries += 1) {
        await fetch(`${origin}/`);
        await new Promise((settle) => setTimeout(settle, 250));
      }
      expect(log).toMatch(moved);
    } finally {
      await writeFile(page, original);
    }
  }, 30_000);

  it("lists the page's findings in the dev toolbar, with links to the policy", async () => {
    const browser = await launchChromium(await findChromium());
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/`);
      // Playwright's locators reach into the toolbar's open shadow roots.
      const items = page.locator('astro-dev-toolbar-app-canvas[data-app-id="nospy"] li');
      await items.first().waitFor({ state: 'attached' });
      const texts = await items.allTextContents();
      expect(texts.some((text) => /src\/pages\/index\.astro:\d+ · embeds\/third-party-player/.test(text))).toBe(true);
      const links = page.locator('astro-dev-toolbar-app-canvas[data-app-id="nospy"] a');
      expect(await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toContain(
        '/privacy/#video',
      );
    } finally {
      await browser.close();
    }
  }, 60_000);
});
