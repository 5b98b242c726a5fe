import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../scanners/config/load.ts';
import { scanDirectory } from '../../scanners/scan.ts';
import { fixDirectory } from '../../scanners/transforms/index.ts';

// The vitest "site" project builds the starter once, through astro.config.mjs and so with this integration.
const siteDir = inject('siteDir');
const config = loadConfig(fileURLToPath(new URL('../../nospy.config.json', import.meta.url)));

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

  it('carries no dev toolbar code, though astro.config.mjs enables the toolbar for astro dev', async () => {
    const files = (await readdir(siteDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files) {
      expect(await readFile(join(file.parentPath, file.name), 'utf8')).not.toMatch(/dev-toolbar|nospy:findings/);
    }
  });
});
