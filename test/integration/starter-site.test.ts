import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../scanners/config/load.ts';
import { scanDirectory } from '../../scanners/scan.ts';
import { fixDirectory } from '../../scanners/transforms/index.ts';
import { captureLog, temporaryOutDir } from './support.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const config = loadConfig(`${root}nospy.config.json`);
let siteDir: string;
let ownBuild: string | undefined;
let log = '';

// In the vitest "site" project the starter is already built, with this integration, by test/setup/build-site.ts.
beforeAll(async () => {
  const shared = inject('siteDir');
  if (shared) {
    siteDir = shared;
    return;
  }
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  siteDir = ownBuild = await temporaryOutDir();
  const built = await captureLog(() => build({ root, outDir: siteDir, logLevel: 'info' }));
  log = built.log;
  if (built.result.status === 'rejected') throw built.result.reason;
}, 120_000);

afterAll(async () => {
  if (ownBuild) await rm(ownBuild, { recursive: true, force: true });
});

describe('the starter site built with the nospy integration', () => {
  it('has a _headers file with the CSP from nospy.config.json', async () => {
    const headers = await readFile(`${siteDir}/_headers`, 'utf8');
    expect(headers).toMatch(/^\/\*$/m);
    expect(headers).toMatch(/^ {2}Content-Security-Policy: default-src 'self'; script-src 'self'/m);
    expect(headers).toContain("form-action 'self' https://origin.example.ca;");
    expect(headers).toContain('frame-src https://player.mediadelivery.net/embed/123456/ ');
    expect(headers).toMatch(/^ {2}Referrer-Policy: strict-origin-when-cross-origin$/m);
    expect(headers.toLowerCase()).not.toContain('set-cookie');
  });

  it('passes the gate with no errors', async () => {
    const { files, findings } = await scanDirectory(siteDir, config);
    expect(files).toBeGreaterThan(10);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('is already fixed: running the transforms again changes nothing', async () => {
    const before = await readFile(`${siteDir}/_headers`, 'utf8');
    const again = await fixDirectory(siteDir, config);
    expect(again.changed).toEqual([]);
    expect(again.headers).toBe(before);
  });

  it('logs the time the transforms and the check took', ({ skip }) => {
    // The shared build's log went to the global setup, not here.
    if (log === '') skip();
    expect(log).toMatch(/\[nospy\] transforms: \d+ of \d+ pages changed, _headers written in \d+ ms/);
    expect(log).toMatch(/\[nospy\] check: \d+ files, 0 errors, \d+ warnings in \d+ ms/);
  });
});
