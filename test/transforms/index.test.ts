import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileHeadersFile, headersFor } from '../../scanners/crawl/headers.ts';
import { cspHash } from '../../scanners/syntax/http/csp.ts';
import { fixDirectory } from '../../scanners/transforms/index.ts';
import { ownHiddenStyle } from '../../scanners/transforms/theme-styles.ts';
import { tempSite, testConfig } from './support.ts';

const temp = tempSite('fix');
const site = temp.write;
const read = temp.read;

describe('fixDirectory', () => {
  it('marks links, routes forms and writes _headers, touching only the pages that need it', async () => {
    const clean = '<!doctype html><p>Nothing to do here.</p>';
    await site({
      'index.html': '<a href="https://other.org">O</a>',
      'contact/index.html': '<form method="post"><button>Send</button></form>',
      'about/index.html': clean,
      'style.css': 'a{}',
    });
    const result = await fixDirectory(temp.dir, testConfig());
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

  /** The CSP each page gets from the written _headers, as Cloudflare applies its rules (a detach included). */
  function policyAt(headers: string, path: string): string | undefined {
    return headersFor(compileHeadersFile(headers, 'www.example.ca'), path)['content-security-policy'];
  }

  function expectDeployable(headers: string): void {
    expect(headers.split('\n').filter((line) => line.length > 2000)).toEqual([]);
    expect(headers.split('\n').filter((line) => line.startsWith('/')).length).toBeLessThanOrEqual(100);
  }

  it("moves per-page hashes out of the /* line into rules of their own when one line would pass Cloudflare's 2,000 characters", async () => {
    const shared = '<script>theme()</script>';
    const pages = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`p${index}/index.html`, `${shared}<script>run(${index})</script>`]),
    );
    await site({ ...pages, 'index.html': shared, '404.html': '<script>missing()</script>' });
    const { headers, warnings } = await fixDirectory(temp.dir, testConfig());
    expect(warnings).toEqual([]);
    expectDeployable(headers);
    // Each page gets one policy (never two joined by a comma) that allows its own scripts.
    for (let index = 0; index < 40; index++) {
      const policy = policyAt(headers, `/p${index}/`)!;
      expect(policy).not.toContain(', ');
      expect(policy).toContain(cspHash(`run(${index})`));
      expect(policy).toContain(cspHash('theme()'));
    }
    // The shared script and the 404 page (served at any path) are in the policy for every path.
    for (const path of ['/', '/no/such/page/']) {
      expect(policyAt(headers, path)).toContain(cspHash('theme()'));
      expect(policyAt(headers, path)).toContain(cspHash('missing()'));
    }
    expect(headers).toContain('\n  ! Content-Security-Policy\n');
    expect((await fixDirectory(temp.dir, testConfig())).headers).toBe(headers);
  });

  it('merges page rules into folder rules when there would be more than 100', async () => {
    const pages = Object.fromEntries(
      ['docs', 'blog', 'news', 'shop', 'help', 'team'].flatMap((folder) =>
        Array.from({ length: 25 }, (_, index) => [
          `${folder}/${index}/index.html`,
          `<script>${folder}(${index})</script>`,
        ]),
      ),
    );
    await site({ ...pages, 'blog/index.html': '<p>All posts</p>' });
    const { headers } = await fixDirectory(temp.dir, testConfig());
    expectDeployable(headers);
    for (const folder of ['docs', 'blog', 'news', 'shop', 'help', 'team'])
      for (let index = 0; index < 25; index++)
        expect(policyAt(headers, `/${folder}/${index}/`)).toContain(cspHash(`${folder}(${index})`));
    expect(headers).toMatch(/\n\/[a-z]+\/\*\n {2}! Content-Security-Policy\n/);
  });

  /** A page of a docs theme: 60 inline scripts and styles of its own, which no 2,000-character line holds. */
  const bigPage = (name: string) =>
    `<!doctype html><html><head><title>${name}</title><meta charset="utf-8"><style>h1{color:red}</style></head><body>${Array.from({ length: 60 }, (_, i) => `<script>part(${i}, "${name}")</script>`).join('')}<p style="color:blue">Hi</p></body></html>`;

  it("puts a page's policy in a meta when no header line holds its hashes, and leaves inline code to it in that page's header rule", async () => {
    await site({ 'big/index.html': bigPage('big'), 'index.html': '<script>home()</script>' });
    const { headers, warnings } = await fixDirectory(temp.dir, testConfig());
    expect(warnings).toEqual([]);
    expectDeployable(headers);
    const page = await read('big/index.html');
    // After the charset (which must stay in the first 1,024 bytes), before the first style and script.
    const meta =
      /<meta charset="utf-8">(<meta http-equiv="content-security-policy" content="([^"]+)" data-nospy-csp>)<style>/.exec(
        page,
      );
    expect(meta).not.toBeNull();
    const metaPolicy = meta![2];
    for (let i = 0; i < 60; i++) expect(metaPolicy).toContain(cspHash(`part(${i}, "big")`));
    expect(metaPolicy).toContain(cspHash('h1{color:red}'));
    expect(metaPolicy).toMatch(/style-src [^;]*'unsafe-hashes' [^;]*'sha256-/);
    // A meta cannot carry frame-ancestors: it stays in the header, which lets through any inline code the meta does.
    expect(metaPolicy).not.toContain('frame-ancestors');
    expect(metaPolicy).not.toContain('unsafe-inline');
    const header = policyAt(headers, '/big/')!;
    expect(header).toMatch(/script-src 'self' https:\/\/example\.ca 'unsafe-inline';/);
    expect(header).toMatch(/style-src 'self' https:\/\/example\.ca 'unsafe-inline';/);
    expect(header).not.toContain('sha256-');
    expect(header).toContain("frame-ancestors 'self'");
    // Every other page keeps its hashes in the header, with no meta.
    expect(policyAt(headers, '/')).toContain(cspHash('home()'));
    expect(policyAt(headers, '/')).not.toContain('unsafe-inline');
    expect(await read('index.html')).not.toContain('data-nospy-csp');

    const second = await fixDirectory(temp.dir, testConfig());
    expect(second.changed).toEqual([]);
    expect(second.headers).toBe(headers);
    // Once the page's hashes fit a line again, its meta goes and the header holds them.
    await site({ 'big/index.html': page.replace(/<script>part\((?:[1-9]|[1-5]\d),[^<]*<\/script>/g, '') });
    const third = await fixDirectory(temp.dir, testConfig());
    expect(await read('big/index.html')).not.toContain('data-nospy-csp');
    expect(policyAt(third.headers, '/big/')).toContain(cspHash('part(0, "big")'));
  });

  it("puts every page's policy in a meta, and leaves inline code to them for every path, when no header plan fits", async () => {
    const pages = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`p${i}.html`, `<script>page(${i}, "${'x'.repeat(40)}")</script>`]),
    );
    await site({ ...pages, 'docs/index.html': bigPage('docs'), '404.html': '<script>missing()</script>' });
    const { headers } = await fixDirectory(temp.dir, testConfig());
    expectDeployable(headers);
    expect(headers.split('\n').filter((line) => line.startsWith('/'))).toEqual(['/*']);
    for (const path of ['/p7', '/docs/', '/no/such/page/'])
      expect(policyAt(headers, path)).toMatch(/script-src [^;]*'unsafe-inline';/);
    expect(await read('p7.html')).toMatch(
      /^<meta http-equiv="content-security-policy" content="[^"]+" data-nospy-csp><script>/,
    );
    expect(await read('p7.html')).toContain(cspHash(`page(7, "${'x'.repeat(40)}")`));
    expect(await read('404.html')).toContain(cspHash('missing()'));
  });

  /** Every file of the folder and its bytes. */
  async function snapshot(): Promise<Record<string, string>> {
    const files = await readdir(temp.dir, { recursive: true, withFileTypes: true });
    const entries = files.filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
    return Object.fromEntries(await Promise.all(entries.map(async (path) => [path, await readFile(path, 'utf8')])));
  }

  it.each([
    [
      'more ignored pages with scripts of their own than Cloudflare reads rules',
      Object.fromEntries(
        Array.from({ length: 150 }, (_, i) => [`old/p${i}.html`, `<script>page(${i}, "${'x'.repeat(40)}")</script>`]),
      ),
      /needs \d+ rules .*over Cloudflare's limit of 100 header rules/,
    ],
    [
      'an ignored page with more hashes than a line holds',
      { 'old/big.html': bigPage('old') },
      /the Content-Security-Policy for \/old\/big is \d+ characters, over Cloudflare's limit of 2000 characters a line/,
    ],
  ])(
    'fails naming the limit, and leaves the folder as it was, when the CSP cannot be deployed: %s',
    async (_, pages, message) => {
      // Pages fix would edit (a link to mark, a page that needs a meta), beside the ignored ones that cannot change.
      await site({
        ...pages,
        'index.html': '<a href="https://other.org">O</a>',
        'big.html': bigPage('new'),
        _headers: '/a\n  X-A: 1\n',
      });
      const before = await snapshot();
      await expect(fixDirectory(temp.dir, testConfig({ ignore: ['old/**'] }))).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    },
  );

  it("allows WebAssembly ('wasm-unsafe-eval') only on a site that ships it, such as Pagefind's search", async () => {
    await site({ 'index.html': '<p>Hi</p>' });
    expect((await fixDirectory(temp.dir, testConfig())).headers).not.toContain('wasm-unsafe-eval');
    // Pagefind 1.x ships its module compressed, with no .wasm file.
    await site({ 'pagefind/wasm.en.pagefind': 'x', 'pagefind/pagefind.js': 'x' });
    expect((await fixDirectory(temp.dir, testConfig())).headers).toContain("script-src 'self' 'wasm-unsafe-eval' ");
    await rm(join(temp.dir, 'pagefind'), { recursive: true });
    await site({ 'app/module.wasm': new Uint8Array([0, 97, 115, 109]) });
    expect((await fixDirectory(temp.dir, testConfig())).headers).toContain("script-src 'self' 'wasm-unsafe-eval' ");
  });

  it("takes over the hashes of Astro's meta Content-Security-Policy, which browsers enforce beside the header", async () => {
    const meta =
      "<meta http-equiv=\"content-security-policy\" content=\"script-src 'self' 'sha256-fromAstroScript='; style-src 'self' 'sha256-fromAstroStyle='\">";
    await site({ 'index.html': `<head>${meta}</head><p>Hi</p>` });
    const { headers } = await fixDirectory(temp.dir, testConfig());
    expect(policyAt(headers, '/')).toMatch(/script-src [^;]*'sha256-fromAstroScript='/);
    expect(policyAt(headers, '/')).toMatch(/style-src [^;]*'sha256-fromAstroStyle='/);
  });

  it('marks links in SVG files and in markup templates, so the check passes after it', async () => {
    const sprite =
      '<svg xmlns="http://www.w3.org/2000/svg"><style>text{fill:red}</style><a href="https://other.org/"><text>O</text></a></svg>';
    await site({
      'icons/sprite.svg': sprite,
      'index.html':
        '<script type="text/x-template" id="footer"><footer><a href="https://twitter.com/acme">T</a></footer></script>',
    });
    const result = await fixDirectory(temp.dir, testConfig());
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
    expect((await fixDirectory(temp.dir, testConfig())).changed).toEqual([]);
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
    const result = await fixDirectory(temp.dir, testConfig());
    expect(await read('index.html')).toContain(
      'O<span class="leaving-mark" aria-hidden="true">↗</span><span class="sr-only"> (leaves this site)</span></a>',
    );
    expect(await read('print/index.html')).toContain(`<style>${ownHiddenStyle}</style></head>`);
    expect(result.headers).toContain(cspHash(ownHiddenStyle));
    // Under a site that lives in a folder, the stylesheet's URL path is read below the site's.
    await site({
      'docs/index.html': '<link rel="stylesheet" href="/blog/_astro/base.Bx1.css"><a href="https://other.org/">O</a>',
    });
    await fixDirectory(temp.dir, testConfig({ site: 'https://www.example.ca/blog/' }));
    expect(await read('docs/index.html')).toContain('<span class="sr-only">');
  });

  it('changes nothing on a second run', async () => {
    await site({ 'index.html': '<a href=//other.org>O</a><script>go()</script>', _headers: '/a\n  X-A: 1\n' });
    const first = await fixDirectory(temp.dir, testConfig());
    const page = await read('index.html');
    const second = await fixDirectory(temp.dir, testConfig());
    expect(second.changed).toEqual([]);
    expect(second.headers).toBe(first.headers);
    expect(await read('index.html')).toBe(page);
    expect(await read('_headers')).toBe(first.headers);
    expect(first.headers.startsWith('/a\n  X-A: 1\n\n# nospy:start')).toBe(true);
  });

  it("keeps the site's own _headers choices: one CSP for every path, the user's, however often it runs", async () => {
    const user = "/*\n  Content-Security-Policy: default-src 'self'\n\n/embed/*\n  Referrer-Policy: no-referrer\n";
    // Pages that would otherwise get policies of their own: in rules of their own, and in a meta.
    const pages = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [`p${index}/index.html`, `<script>run(${index})</script>`]),
    );
    await site({ ...pages, 'big/index.html': bigPage('big'), 'index.html': '<script>go()</script>', _headers: user });
    const first = await fixDirectory(temp.dir, testConfig());
    expect(first.headers.startsWith(user)).toBe(true);
    expect(first.headers.match(/^ +Content-Security-Policy:/gm)).toHaveLength(1);
    expect(first.headers).not.toContain('! Content-Security-Policy');
    expect(await read('big/index.html')).not.toContain('data-nospy-csp');
    expect(first.headers).toContain('\n  Permissions-Policy: ');
    expect(first.warnings).toEqual([expect.stringMatching(/^_headers: \/embed\/\* sets Referrer-Policy/)]);
    const second = await fixDirectory(temp.dir, testConfig());
    expect(second.headers).toBe(first.headers);
    expect(await read('_headers')).toBe(first.headers);
  });

  it('leaves ignored pages alone but still hashes their inline scripts into the CSP', async () => {
    const legacy = '<a href="https://other.org">O</a><script>legacy()</script>';
    await site({ 'legacy/old.html': legacy });
    const result = await fixDirectory(temp.dir, testConfig({ ignore: ['legacy/**'] }));
    expect(result.changed).toEqual([]);
    expect(await read('legacy/old.html')).toBe(legacy);
    expect(result.headers).toMatch(/script-src 'self' https:\/\/example\.ca 'sha256-/);
  });

  it('keeps a byte-order mark and leaves files that are not UTF-8 as they are', async () => {
    const latin1 = Uint8Array.from([...Buffer.from('<a href="https://other.org">caf'), 0xe9, ...Buffer.from('</a>')]);
    await site({ 'bom.html': '\uFEFF<a href="https://other.org">O</a>', 'latin1.html': latin1 });
    const result = await fixDirectory(temp.dir, testConfig());
    expect(result.changed).toEqual(['bom.html']);
    expect((await readFile(join(temp.dir, 'bom.html'))).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await readFile(join(temp.dir, 'latin1.html'))).toEqual(Buffer.from(latin1));
  });
});
