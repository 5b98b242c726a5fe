import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import nospy from '../../scanners/astro/index.ts';
import { captureLog, temporaryOutDir } from './support.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const root = fileURLToPath(new URL('./fixtures/bad-site/', import.meta.url));
const outDirs: string[] = [];

async function buildFixture(config?: string, site?: string) {
  const outDir = await temporaryOutDir();
  // A failed gate moves the output aside.
  outDirs.push(outDir, `${outDir}.failed`);
  return captureLog(() =>
    build({ root, outDir, site, configFile: false, logLevel: 'info', integrations: [nospy({ config })] }),
  );
}

afterAll(async () => {
  // Astro also leaves its caches in the fixture (git-ignored); tidy them too.
  const leftovers = [...outDirs, `${root}.astro`, `${root}node_modules`];
  await Promise.all(leftovers.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the nospy Astro integration on a site that breaks its promises', () => {
  it('fails astro build and logs each finding at the page that wrote it', async () => {
    const { log, result } = await buildFixture();
    expect(result.status).toBe('rejected');
    expect(String((result as PromiseRejectedResult).reason)).toMatch(
      /nospy: the build breaks the site's privacy promises/,
    );
    expect(log).toMatch(/^ {2}src\/pages\/index\.astro:6:5 {2}error .* {2}trackers\/known-tracker$/m);
    expect(log).toMatch(/^ {2}src\/pages\/index\.astro:5:5 {2}error .* {2}embeds\/third-party-player$/m);
    // The transform marked the external link before the check, so it is not a finding.
    expect(log).not.toContain('external-links/unmarked');
    expect(log).toMatch(/\[nospy\] transforms: 1 of 1 pages changed, _headers written in \d+ ms/);
    expect(log).toMatch(/\[nospy\] check: \d+ files, \d+ errors, \d+ warnings in \d+ ms/);
  }, 120_000);

  it('stops before building when the config is invalid, naming the key', async () => {
    const { result } = await buildFixture('broken.config.json');
    expect(result.status).toBe('rejected');
    expect(String((result as PromiseRejectedResult).reason)).toMatch(
      /broken\.config\.json: externalLinks\.mode: expected "inline" or "interstitial"/,
    );
  }, 120_000);

  it("refuses an astro.config site that differs from nospy.config.json's, naming both", async () => {
    const { result } = await buildFixture(undefined, 'https://staging.example.ca');
    expect(result.status).toBe('rejected');
    expect(String((result as PromiseRejectedResult).reason)).toMatch(
      /astro\.config: site is https:\/\/staging\.example\.ca\/? but nospy\.config\.json says https:\/\/[^ ]+; remove site from astro\.config/,
    );
  }, 120_000);
});
