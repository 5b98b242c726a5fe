import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crawlDirectory } from '../../scanners/crawl/index.ts';
import { fixDirectory } from '../../scanners/transforms/index.ts';
import { tempSite, testConfig } from '../transforms/support.ts';

const browserTimeoutMs = 90_000;
const config = testConfig();
const temp = tempSite('fixed-csp');
const site = temp.write;

async function cspViolations(): Promise<{ file: string; evidence?: string }[]> {
  const { findings } = await crawlDirectory(temp.dir, config);
  return findings
    .filter((finding) => finding.ruleId === 'headers/csp-violation')
    .map(({ file, evidence }) => ({ file, evidence }));
}

// A minimal WebAssembly module (magic number and version), which a page compiles as Pagefind's search does.
const wasmModule = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const search = 'fetch("/pagefind/pagefind.wasm").then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b));';

describe('the CSP nospy fix writes, under nospy crawl', () => {
  it(
    "blocks nothing of the site's own pages, even split into per-page rules or a page's own meta policy, and lets WebAssembly search run",
    async () => {
      const pages = Object.fromEntries(
        Array.from({ length: 30 }, (_, index) => [
          `docs/${index}/index.html`,
          `<!doctype html><head><style>.p${index}{color:red}</style></head><script>document.title = "page ${index}";</script><a href="https://other.org/${index}">Other</a><script src="/search.js"></script>`,
        ]),
      );
      // A page whose 60 inline scripts no header line holds: its policy goes in a meta of its own.
      const big = Array.from({ length: 60 }, (_, i) => `<script>document.title += "${i}";</script>`).join('');
      await site({
        ...pages,
        'guide/index.html': `<!doctype html><head><meta charset="utf-8"><style>p{margin:0}</style></head>${big}`,
        'search.js': search,
        'pagefind/pagefind.wasm': wasmModule,
      });
      const { headers } = await fixDirectory(temp.dir, config);
      expect(headers).toContain('! Content-Security-Policy');
      expect(await readFile(join(temp.dir, 'guide/index.html'), 'utf8')).toContain('data-nospy-csp');
      expect(await cspViolations()).toEqual([]);
    },
    browserTimeoutMs,
  );

  it(
    "blocks nothing the site's own absolute URLs load ('self' is the site's origin, as deployed), and still reports a third party",
    async () => {
      await site({
        'index.html':
          '<!doctype html><head><link rel="icon" href="https://www.example.ca/favicon.ico"><link rel="stylesheet" href="https://www.example.ca/style.css"></head><img src="https://www.example.ca/logo.svg"><script src="https://www.example.ca/app.js"></script>',
        'about/index.html': '<!doctype html><p>About</p>',
        'blog/index.html': '<!doctype html><img src="https://cdn.other.org/pic.png">',
        'favicon.ico': new Uint8Array([0, 0, 1, 0]),
        'style.css': 'body{margin:0}',
        'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
        // A redirect (/about to /about/) is followed at the site's address, so the fetch stays 'self'.
        'app.js': 'fetch("/about").then((r) => r.text());',
      });
      await fixDirectory(temp.dir, config);
      expect(await cspViolations()).toEqual([{ file: 'blog/index.html', evidence: 'https://cdn.other.org/pic.png' }]);
    },
    browserTimeoutMs,
  );

  it(
    'reports a page whose inline script the written policy does not allow: a page edited after fix, or no wasm-unsafe-eval',
    async () => {
      await site({
        'index.html': '<!doctype html><script>document.title = "home";</script><script src="/search.js"></script>',
        'search.js': search,
        'pagefind/pagefind.wasm': wasmModule,
      });
      await fixDirectory(temp.dir, config);
      await writeFile(
        join(temp.dir, 'index.html'),
        (await readFile(join(temp.dir, 'index.html'), 'utf8')).replace('home', 'edited'),
      );
      const headers = await readFile(join(temp.dir, '_headers'), 'utf8');
      await writeFile(join(temp.dir, '_headers'), headers.replace(" 'wasm-unsafe-eval'", ''));
      expect(await cspViolations()).toEqual([
        { file: 'index.html', evidence: 'wasm-eval' },
        { file: 'index.html', evidence: 'inline' },
      ]);
    },
    browserTimeoutMs,
  );
});
