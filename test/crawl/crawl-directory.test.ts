import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../scanners/config/load.ts';
import { type CrawlResult, crawlDirectory } from '../../scanners/crawl/index.ts';
import { findChromium } from '../../scanners/crawl/chromium.ts';
import { UsageError } from '../../scanners/errors.ts';
import type { Finding } from '../../scanners/report.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
const config = resolveConfig({ site: 'https://www.example.ca', bunny: { libraryIds: ['123456'] } }, 'test config');
const browserTimeoutMs = 90_000;

const summary = (findings: Finding[]) => findings.map(({ file, ruleId, host }) => ({ file, ruleId, host }));

describe('nospy crawl', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it(
    'finds nothing on a clean site: first-party CSS and images (absolute URLs too), a private Bunny player, a script removing an old service worker',
    async () => {
      const result = await crawlDirectory(fixture('clean'), config);
      expect(result.files).toBe(2);
      expect(result.findings).toEqual([]);
      expect(result.crawl).toEqual({
        pages: ['about/index.html', 'index.html'],
        notVisited: [
          { file: '_headers', reason: 'response headers: sent with every page and file' },
          { file: 'logo.svg', reason: 'image: loaded by the pages that use it' },
          { file: 'style.css', reason: 'stylesheet: loaded by the pages that use it' },
        ],
      });
    },
    browserTimeoutMs,
  );

  describe('on a site that leaks', () => {
    let result: CrawlResult;
    beforeAll(async () => {
      result = await crawlDirectory(fixture('leaky'), config);
    }, browserTimeoutMs);

    it('visits every page and reports nothing on the clean one', () => {
      expect(result.files).toBe(6);
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

    it('names a cookie and a tracker that a script puts together at run time, which static analysis cannot see', () => {
      const runtime = result.findings.filter((finding) => finding.file === 'runtime/index.html');
      expect(runtime.map(({ ruleId, host, vendor, evidence }) => ({ ruleId, host, vendor, evidence }))).toEqual([
        { ruleId: 'cookies/script-cookie', host: undefined, vendor: undefined, evidence: 'cookies: session_id' },
        {
          ruleId: 'trackers/known-tracker',
          host: 'www.google-analytics.com',
          vendor: 'Google Analytics',
          evidence: undefined,
        },
      ]);
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

  describe('on a long page of lazy images', () => {
    let runs: CrawlResult[];
    beforeAll(async () => {
      runs = [await crawlDirectory(fixture('lazy'), config), await crawlDirectory(fixture('lazy'), config)];
    }, browserTimeoutMs);

    it('scrolls the whole page, so every lazy image and frame, and one a script loads in view, is fetched', () => {
      const hosts = runs[0].findings.map((finding) => finding.host);
      expect(hosts).toEqual(
        expect.arrayContaining([
          ...Array.from({ length: 20 }, (_, i) => `lazy-${i + 1}.cdn.example`),
          'scripted.cdn.example',
          'frames.cdn.example',
        ]),
      );
    });

    it('gives the same report twice', () => {
      expect(runs[1]).toEqual(runs[0]);
    });

    it('does not open a redirect stub, and says why', () => {
      expect(runs[0].crawl).toEqual({
        pages: ['index.html'],
        notVisited: [{ file: 'moved/index.html', reason: 'redirect stub to /: the browser would leave it at once' }],
      });
    });
  });

  it(
    "reports what the browser refused because of the site's own _headers: a CSP block and a header it cannot apply",
    async () => {
      const { findings } = await crawlDirectory(fixture('refused'), config);
      expect(findings.map(({ ruleId, evidence, message }) => ({ ruleId, evidence, message }))).toEqual([
        {
          ruleId: 'headers/browser-refused',
          evidence: undefined,
          message:
            "Chromium ignored part of this page's headers (Error with Permissions-Policy header: Unrecognized feature: 'no-such-feature'.); fix the header in _headers.",
        },
        {
          ruleId: 'headers/csp-violation',
          evidence: 'inline',
          message:
            'The Content-Security-Policy directive script-src-elem blocked inline on this page; allow it or remove it.',
        },
      ]);
    },
    browserTimeoutMs,
  );

  it(
    'finds the Chromium that @sparticuz/chromium brings when there is no system browser, and crawls with it',
    async () => {
      vi.stubEnv('NOSPY_CHROMIUM', '');
      const executable = await findChromium({ systemPaths: [] });
      expect(executable).toMatch(/node_modules\/\.cache\/nospy\/chromium-[\d.]+\/chromium$/);
      const result = await crawlDirectory(fixture('leaky'), config, { systemChromiumPaths: [] });
      expect(summary(result.findings.filter((finding) => finding.file === 'cookie/index.html'))).toEqual([
        { file: 'cookie/index.html', ruleId: 'cookies/set-cookie', host: undefined },
      ]);
    },
    browserTimeoutMs,
  );

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
