import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../scanners/config/load.ts';
import { crawlDirectory } from '../../scanners/crawl/index.ts';
import { UsageError } from '../../scanners/errors.ts';
import type { Finding } from '../../scanners/report.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
const config = resolveConfig({ site: 'https://www.example.ca', bunny: { libraryIds: ['123456'] } }, 'test config');
const browserTimeoutMs = 90_000;

const summary = (findings: Finding[]) => findings.map(({ file, ruleId, host }) => ({ file, ruleId, host }));

describe('nospy crawl', () => {
  it(
    'finds nothing on a clean site: first-party CSS and images (absolute URLs too), a private Bunny player, a script removing an old service worker',
    async () => {
      const result = await crawlDirectory(fixture('clean'), config);
      expect(result).toEqual({ files: 2, findings: [] });
    },
    browserTimeoutMs,
  );

  describe('on a site that leaks', () => {
    let result: { files: number; findings: Finding[] };
    beforeAll(async () => {
      result = await crawlDirectory(fixture('leaky'), config);
    }, browserTimeoutMs);

    it('visits every page and reports nothing on the clean one', () => {
      expect(result.files).toBe(5);
      expect(result.findings.filter((finding) => finding.file === 'index.html')).toEqual([]);
    });

    it('reports the cookie and the localStorage a page script writes', () => {
      const storage = result.findings.filter(
        (finding) => finding.category === 'cookies' && finding.file === 'storage/index.html',
      );
      expect(summary(storage)).toEqual([
        { file: 'storage/index.html', ruleId: 'cookies/script-cookie', host: undefined },
        { file: 'storage/index.html', ruleId: 'cookies/storage', host: undefined },
      ]);
      expect(storage.map((finding) => finding.evidence)).toEqual(['cookies: visitor', 'localStorage keys: theme']);
    });

    it('reports a service worker a page script registers once loaded', () => {
      const worker = result.findings.filter((finding) => finding.file === 'worker/index.html');
      expect(summary(worker)).toEqual([{ file: 'worker/index.html', ruleId: 'cookies/storage', host: undefined }]);
      expect(worker.map((finding) => finding.evidence)).toEqual(['page script registered a service worker: /sw.js']);
    });

    it('reports requests to third parties, from markup and from script, though they never leave the machine', () => {
      const thirdParty = result.findings.filter((finding) => finding.category === 'third-party');
      expect(summary(thirdParty)).toEqual([
        { file: 'storage/index.html', ruleId: 'third-party/request', host: 'beacon.unknown-cdn.example' },
        { file: 'storage/index.html', ruleId: 'third-party/request', host: 'images.unknown-cdn.example' },
      ]);
    });

    it('reports a YouTube iframe as a third-party player and a tracker', () => {
      const video = result.findings.filter((finding) => finding.file === 'video/index.html');
      expect(video.map(({ ruleId, category, vendor }) => ({ ruleId, category, vendor }))).toEqual([
        { ruleId: 'embeds/third-party-player', category: 'embeds', vendor: 'YouTube' },
        { ruleId: 'trackers/known-tracker', category: 'trackers', vendor: 'YouTube' },
      ]);
    });

    it('serves the site with its _headers, so a Set-Cookie there is a cookie the browser keeps', () => {
      const cookie = result.findings.filter((finding) => finding.file === 'cookie/index.html');
      expect(summary(cookie)).toEqual([{ file: 'cookie/index.html', ruleId: 'cookies/set-cookie', host: undefined }]);
    });

    it('reports at line 1 of the page, sorted by file and rule', () => {
      expect(result.findings.every((finding) => finding.line === 1 && finding.column === 1)).toBe(true);
      const order = result.findings.map(({ file, ruleId, message }) => `${file} ${ruleId} ${message}`);
      expect(order).toEqual([...order].sort());
    });
  });

  it('is a usage error, naming the path, when the given Chromium does not exist', async () => {
    const crawl = crawlDirectory(fixture('clean'), config, { chromium: '/no/such/chromium' });
    await expect(crawl).rejects.toThrow(UsageError);
    await expect(crawl).rejects.toThrow('/no/such/chromium');
  });

  it(
    'is a usage error, naming the path, when the program there is not a browser that starts',
    async () => {
      const crawl = crawlDirectory(fixture('clean'), config, { chromium: '/bin/false' });
      await expect(crawl).rejects.toThrow(UsageError);
      await expect(crawl).rejects.toThrow('Chromium at /bin/false did not start');
    },
    browserTimeoutMs,
  );
});
