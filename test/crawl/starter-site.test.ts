import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../scanners/config/load.ts';
import { crawlDirectory } from '../../scanners/crawl/index.ts';

/** Provided by test/setup/build-site.ts to the vitest `site` project only (see vitest.config.ts). */
const siteDir = inject('siteDir');

describe.skipIf(!siteDir)('nospy crawl on the starter site build', () => {
  it('opens every HTML page and sees no cookie, no storage and no request beyond first-party, allowHosts and Bunny in real Chromium', async () => {
    const { files, findings, crawl } = await crawlDirectory(
      siteDir,
      loadConfig(fileURLToPath(new URL('../../nospy.config.json', import.meta.url))),
    );
    const htmlFiles = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
    expect(crawl.pages).toEqual(htmlFiles);
    expect(files).toBe(htmlFiles.length);
    expect(findings).toEqual([]);
  }, 180_000);
});
