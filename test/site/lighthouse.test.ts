import type { LaunchedChrome } from 'chrome-launcher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formFactors, launchForLighthouse, runLighthouse, untimedCategories } from '../../bench/audit/lighthouse.ts';
import { serveBuiltSite } from '../../bench/audit/site.ts';
import { findChromium } from '../../scanners/crawl/chromium.ts';
import type { StaticServer } from '../../scanners/crawl/server.ts';
import { siteDir } from './support.ts';

// npm run audit's Lighthouse budgets, in npm test for the categories that do not depend on timing; performance,
// whose timings vary on a busy machine, is judged by npm run audit (bench/AUDIT.md).
let server: StaticServer;
let chrome: LaunchedChrome;

beforeAll(async () => {
  server = await serveBuiltSite(siteDir, 'www.example.ca');
  chrome = await launchForLighthouse(await findChromium());
}, 60_000);

afterAll(async () => {
  await chrome?.kill();
  await server?.close();
});

describe('Lighthouse on the starter', () => {
  it.each(['/', '/contact/'].flatMap((path) => formFactors.map((formFactor) => [path, formFactor] as const)))(
    '%s as a %s scores 100 in accessibility, best practices and SEO',
    async (path, formFactor) => {
      const result = await runLighthouse(chrome, server.origin + path, formFactor, untimedCategories);
      expect(result.failedAudits).toEqual([]);
      expect(result.scores).toEqual({ accessibility: 100, 'best-practices': 100, seo: 100 });
    },
    120_000,
  );
});
