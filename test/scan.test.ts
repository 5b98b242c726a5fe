import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../scanners/config/load.ts';
import { scanDirectory, scanFile } from '../scanners/scan.ts';

const config = resolveConfig({ site: 'https://www.example.ca', ignore: ['legacy/**'] }, 'test config');
const pixel = (host: string) => `<!doctype html><title>t</title><img src="https://${host}/pixel.gif" alt="">`;

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function site(files: Record<string, string | Uint8Array>): string {
  root = mkdtempSync(join(tmpdir(), 'nospy-scan-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return root;
}

const where = (findings: { file: string; ruleId: string }[]) =>
  findings.map((finding) => `${finding.file} ${finding.ruleId}`);

describe('scanDirectory', () => {
  it('scans HTML pages in every folder and counts only the files it scans', async () => {
    const dir = site({
      'index.html': pixel('a.example.net'),
      'blog/post/index.htm': pixel('b.example.net'),
      'style.css': 'body { color: red }',
      'app.js': 'console.log(1)',
      _headers: '/*\n  X-Content-Type-Options: nosniff\n',
      'logo.png': 'not scanned',
      'robots.txt': 'not scanned',
    });
    const result = await scanDirectory(dir, config);
    expect(result.files).toBe(5);
    expect(where(result.findings)).toEqual([
      'blog/post/index.htm third-party/request',
      'index.html third-party/request',
    ]);
  });

  it('skips ignored globs, node_modules and .git', async () => {
    const dir = site({
      'index.html': '<p>clean</p>',
      'legacy/old.html': pixel('a.example.net'),
      'node_modules/x/index.html': pixel('b.example.net'),
      '.git/x.html': pixel('c.example.net'),
    });
    expect(await scanDirectory(dir, config)).toEqual({ files: 1, findings: [] });
  });

  it('reports an undecodable file and still scans the others', async () => {
    const dir = site({
      'bad.html': new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x80]),
      'good.html': pixel('a.example.net'),
    });
    const { findings } = await scanDirectory(dir, config);
    expect(where(findings)).toEqual(['bad.html input/unreadable', 'good.html third-party/request']);
    expect(findings[0].message).toContain('cannot decode as UTF-8');
  });

  it('reports a link to a missing file and survives a loop of directory links', async () => {
    const dir = site({ 'good.html': pixel('a.example.net') });
    symlinkSync(join(dir, 'nowhere.html'), join(dir, 'dangling.html'));
    symlinkSync(dir, join(dir, 'loop'));
    const { files, findings } = await scanDirectory(dir, config);
    expect(files).toBe(2);
    expect(where(findings)).toEqual(['dangling.html input/unreadable', 'good.html third-party/request']);
    expect(findings[0].message).toContain('ENOENT');
    expect(findings[0].message).not.toContain(dir);
  });

  it('reports a file over 64 MiB without reading it', async () => {
    const dir = site({ 'huge.js': '', 'good.html': pixel('a.example.net') });
    // Sparse: takes no disk space and no time to write.
    truncateSync(join(dir, 'huge.js'), 65 * 2 ** 20);
    const { findings } = await scanDirectory(dir, config);
    expect(where(findings)).toEqual(['good.html third-party/request', 'huge.js input/unreadable']);
    expect(findings[1].message).toContain('64 MiB');
  });

  it('prints the same findings in the same order with 1 or 4 workers', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++)
      files[`section-${i % 7}/page-${i}.html`] =
        pixel(`host${i % 13}.example.net`) + pixel(`other${i % 5}.example.org`);
    const dir = site(files);
    const inProcess = await scanDirectory(dir, config, { workers: 1 });
    const pooled = await scanDirectory(dir, config, { workers: 4 });
    expect(inProcess.files).toBe(300);
    expect(inProcess.findings).toHaveLength(600);
    expect(pooled).toEqual(inProcess);
  }, 60_000);

  it('never loses another file’s findings, whatever bytes a file holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom('x.html', 'x.css', 'x.js', '_headers'),
        async (bytes, name) => {
          const dir = site({ [name]: bytes, 'good.html': pixel('a.example.net') });
          try {
            const { findings } = await scanDirectory(dir, config);
            expect(where(findings)).toContain('good.html third-party/request');
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

describe('scanFile', () => {
  it('decodes UTF-16 pages by their byte order mark', () => {
    const text = pixel('a.example.net');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(where(scanFile('page.html', utf16, config))).toEqual(['page.html third-party/request']);
  });

  it('decodes a page in the legacy charset its <meta> declares', () => {
    const latin1 = Buffer.from(`<meta charset="windows-1252"><p>caf\u00e9</p>${pixel('a.example.net')}`, 'latin1');
    expect(where(scanFile('page.html', latin1, config))).toEqual(['page.html third-party/request']);
  });

  it.each([
    ['a stylesheet', 'x.css', `@charset "ISO-8859-1";\n.caf\u00e9 { background: url(https://a.example.net/p.png) }`],
    [
      'an XHTML page',
      'x.xhtml',
      `<?xml version="1.0" encoding="ISO-8859-1"?>\n<html><p>caf\u00e9</p>${pixel('a.example.net')}</html>`,
    ],
    [
      'an SVG file',
      'x.svg',
      `<?xml version='1.0' encoding='windows-1252'?>\n<svg><desc>caf\u00e9</desc><image href="https://a.example.net/p.png"/></svg>`,
    ],
  ])('decodes %s in the legacy encoding it declares on its first line', (_kind, file, text) => {
    expect(where(scanFile(file, Buffer.from(text, 'latin1'), config))).toEqual([`${file} third-party/request`]);
  });

  it('reads an ISO-2022-JP page as ISO-2022-JP although its bytes are also valid UTF-8: a comment opener inside kanji is no comment', () => {
    const page = Buffer.from(
      `<meta charset="iso-2022-jp"><p>\x1b$B<!--\x1b(B</p>${pixel('a.example.net')}<p>--></p>`,
      'latin1',
    );
    expect(where(scanFile('page.html', page, config))).toEqual(['page.html third-party/request']);
  });

  it('lets a UTF-8 byte order mark win over a declared charset, as browsers do', () => {
    const page = Buffer.from(
      `\ufeff<meta charset="iso-2022-jp"><p>\x1b$B<!--\x1b(B</p>${pixel('a.example.net')}<p>--></p>`,
      'utf8',
    );
    expect(where(scanFile('page.html', page, config))).toEqual([]);
  });

  it('reports an undecodable file at line 1, column 1, like every finding has a place', () => {
    expect(scanFile('x.js', new Uint8Array([0x61, 0xff]), config)[0]).toMatchObject({
      ruleId: 'input/unreadable',
      line: 1,
      column: 1,
    });
  });

  it('does not guess an encoding for a stylesheet that is not UTF-8', () => {
    expect(where(scanFile('x.css', new Uint8Array([0x61, 0xff]), config))).toEqual(['x.css input/unreadable']);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('x.html', 'x.css', 'x.mjs', '_headers'),
        (bytes, name) => {
          expect(Array.isArray(scanFile(name, bytes, config))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
