import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cspHash } from '../../scanners/syntax/csp.ts';
import { fixDirectory } from '../../scanners/transforms/index.ts';
import { ownHiddenStyle } from '../../scanners/transforms/theme-styles.ts';
import { testConfig } from './support.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nospy-fix-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function site(files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), content);
  }
}

const read = (file: string) => readFile(join(dir, file), 'utf8');

describe('fixDirectory', () => {
  it('marks links, routes forms and writes _headers, touching only the pages that need it', async () => {
    const clean = '<!doctype html><p>Nothing to do here.</p>';
    await site({
      'index.html': '<a href="https://other.org">O</a>',
      'contact/index.html': '<form method="post"><button>Send</button></form>',
      'about/index.html': clean,
      'style.css': 'a{}',
    });
    const result = await fixDirectory(dir, testConfig());
    expect(result.files).toBe(3);
    expect(result.changed).toEqual(['contact/index.html', 'index.html']);
    expect(await read('index.html')).toContain('data-leaving="" rel="noopener noreferrer external"');
    expect(await read('contact/index.html')).toBe(
      '<form method="post" action="https://origin.example.ca/contact/"><button>Send</button></form>',
    );
    expect(await read('about/index.html')).toBe(clean);
    expect(await read('_headers')).toBe(result.headers);
    expect(result.headers).toContain('Content-Security-Policy:');
    expect(result.warnings).toEqual([]);
  });

  it("warns when the CSP line grows past Cloudflare's 2000-character limit", async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`p${index}.html`, `<script>run(${index})</script>`]),
    );
    await site(pages);
    const result = await fixDirectory(dir, testConfig());
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^_headers: the Content-Security-Policy line is \d+ characters, over Cloudflare's limit of 2000/,
      ),
    ]);
  });

  it('marks links in SVG files and in markup templates, so the check passes after it', async () => {
    const sprite =
      '<svg xmlns="http://www.w3.org/2000/svg"><style>text{fill:red}</style><a href="https://other.org/"><text>O</text></a></svg>';
    await site({
      'icons/sprite.svg': sprite,
      'index.html':
        '<script type="text/x-template" id="footer"><footer><a href="https://twitter.com/acme">T</a></footer></script>',
    });
    const result = await fixDirectory(dir, testConfig());
    expect(result.files).toBe(2);
    expect(result.changed).toEqual(['icons/sprite.svg', 'index.html']);
    expect(await read('icons/sprite.svg')).toBe(
      sprite.replace('"https://other.org/"', '"https://other.org/" data-leaving="" rel="noopener noreferrer external"'),
    );
    expect(await read('index.html')).toContain(
      '<a href="https://twitter.com/acme" data-leaving="" rel="noopener noreferrer external">T<span class="leaving-mark"',
    );
    // An SVG's own <style> is not a page's: the only style the CSP allows is the hidden-text rule fix brought.
    expect(result.headers).not.toContain("'unsafe-hashes'");
    expect(result.headers).toContain(`style-src 'self' https://example.ca ${cspHash(ownHiddenStyle)};`);
    expect((await fixDirectory(dir, testConfig())).changed).toEqual([]);
  });

  it("writes the notice's words in the hidden-text class of the site's own stylesheet, read from the build", async () => {
    const css =
      '.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap}';
    const head = '<!doctype html><head><link rel="stylesheet" href="/_astro/base.Bx1.css"></head>';
    await site({
      '_astro/base.Bx1.css': css,
      'index.html': `${head}<a href="https://other.org/">O</a>`,
      // A stylesheet for print, or on another host, does not hide anything on screen.
      'print/index.html':
        '<head><link rel="stylesheet" media="print" href="/_astro/base.Bx1.css"><link rel="stylesheet" href="https://cdn.other.org/_astro/base.Bx1.css"></head><a href="https://other.org/">O</a>',
    });
    const result = await fixDirectory(dir, testConfig());
    expect(await read('index.html')).toContain(
      'O<span class="leaving-mark" aria-hidden="true">↗</span><span class="sr-only"> (leaves this site)</span></a>',
    );
    expect(await read('print/index.html')).toContain(`<style>${ownHiddenStyle}</style></head>`);
    expect(result.headers).toContain(cspHash(ownHiddenStyle));
  });

  it('changes nothing on a second run', async () => {
    await site({ 'index.html': '<a href=//other.org>O</a><script>go()</script>', _headers: '/a\n  X-A: 1\n' });
    const first = await fixDirectory(dir, testConfig());
    const page = await read('index.html');
    const second = await fixDirectory(dir, testConfig());
    expect(second.changed).toEqual([]);
    expect(second.headers).toBe(first.headers);
    expect(await read('index.html')).toBe(page);
    expect(await read('_headers')).toBe(first.headers);
    expect(first.headers.startsWith('/a\n  X-A: 1\n\n# nospy:start')).toBe(true);
  });

  it("keeps the site's own _headers choices: one CSP for every path, the user's, however often it runs", async () => {
    const user = "/*\n  Content-Security-Policy: default-src 'self'\n\n/embed/*\n  Referrer-Policy: no-referrer\n";
    await site({ 'index.html': '<script>go()</script>', _headers: user });
    const first = await fixDirectory(dir, testConfig());
    expect(first.headers.startsWith(user)).toBe(true);
    expect(first.headers.match(/^ +Content-Security-Policy:/gm)).toHaveLength(1);
    expect(first.headers).toContain('\n  Permissions-Policy: ');
    expect(first.warnings).toEqual([expect.stringMatching(/^_headers: \/embed\/\* sets Referrer-Policy/)]);
    const second = await fixDirectory(dir, testConfig());
    expect(second.headers).toBe(first.headers);
    expect(await read('_headers')).toBe(first.headers);
  });

  it('leaves ignored pages alone but still hashes their inline scripts into the CSP', async () => {
    const legacy = '<a href="https://other.org">O</a><script>legacy()</script>';
    await site({ 'legacy/old.html': legacy });
    const result = await fixDirectory(dir, testConfig({ ignore: ['legacy/**'] }));
    expect(result.changed).toEqual([]);
    expect(await read('legacy/old.html')).toBe(legacy);
    expect(result.headers).toMatch(/script-src 'self' https:\/\/example\.ca 'sha256-/);
  });

  it('keeps a byte-order mark and leaves files that are not UTF-8 as they are', async () => {
    const latin1 = Uint8Array.from([...Buffer.from('<a href="https://other.org">caf'), 0xe9, ...Buffer.from('</a>')]);
    await site({ 'bom.html': '\uFEFF<a href="https://other.org">O</a>', 'latin1.html': latin1 });
    const result = await fixDirectory(dir, testConfig());
    expect(result.changed).toEqual(['bom.html']);
    expect((await readFile(join(dir, 'bom.html'))).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await readFile(join(dir, 'latin1.html'))).toEqual(Buffer.from(latin1));
  });
});
