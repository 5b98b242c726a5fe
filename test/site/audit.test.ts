import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBudgets } from '../../bench/audit/budgets.ts';
import { isBunnyPlayer, measurePage, measurePlay, variants } from '../../bench/audit/measure.ts';
import { listPagePaths, serveBuiltSite } from '../../bench/audit/site.ts';
import type { StaticServer } from '../../scanners/crawl/server.ts';
import { findChromium, launchChromium } from '../../scanners/crawl/chromium.ts';
import { siteDir } from './support.ts';

// npm run audit's browser checks on the built starter; its Lighthouse runs (minutes) stay in npm run audit.
const paths = await listPagePaths(siteDir);
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveBuiltSite(siteDir, 'www.example.ca');
  browser = await launchChromium(await findChromium());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('npm run audit on the starter', () => {
  it('finds every page', () => {
    expect(paths).toEqual(expect.arrayContaining(['/', '/contact/', '/news/', '/privacy/', '/404.html']));
  });

  it.concurrent.each(paths)(
    '%s keeps every budget in light and dark, on a phone and a desktop',
    async (path) => {
      for (const variant of variants) {
        const measure = await measurePage(browser, server.origin + path, variant);
        expect(checkBudgets(measure), `${path} ${variant.name}`).toEqual([]);
      }
    },
    60_000,
  );

  it('contacts Bunny only when the visitor presses play, and then its configured library’s player', async () => {
    const play = await measurePlay(browser, `${server.origin}/`);
    expect(play?.before).toEqual([]);
    expect(play?.after.filter(isBunnyPlayer)).toEqual([
      expect.stringMatching(/^https:\/\/player\.mediadelivery\.net\/embed\/123456\/[^?]+\?autoplay=true&/),
    ]);
  }, 30_000);

  it('names a broken budget by audit', () => {
    const measure = {
      scriptBytes: 12,
      cookies: 1,
      thirdPartyRequests: ['https://t.test/p.gif'],
      consoleMessages: ['warning: x'],
      axeViolations: ['color-contrast (2)'],
      transferredBytes: 200_000,
    };
    expect(checkBudgets(measure).map(({ audit }) => audit)).toEqual([
      'client-js',
      'cookies',
      'third-party-requests',
      'console',
      'axe',
      'page-weight',
    ]);
  });
});
