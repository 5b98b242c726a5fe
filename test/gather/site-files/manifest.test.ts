import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherManifest } from '../../../scanners/gather/site-files/manifest.ts';
import type { RequestObservation } from '../../../scanners/observations.ts';
import { fileType } from '../../../scanners/walk.ts';

const at = (file: string) => ({ file, url: `https://www.example.ca/${file}` });
/** The observations, or the problem the report would show. */
const gather = (text: string, file = 'icons/site.webmanifest') => {
  const gathered = gatherManifest(text, at(file));
  return gathered.ok ? gathered.value : gathered.problem;
};
/** `line:column element url` of each request, the shape most cases assert. */
function requests(text: string, file?: string): string[] {
  const result = gather(text, file);
  if (typeof result === 'string') throw new Error(result);
  return result.map(({ line, column, element, url }) => `${line}:${column} ${element} ${url}`);
}

describe('gatherManifest', () => {
  it("reports each icon as an image request from the manifest, resolved against the manifest's URL, at the string's first character", () => {
    const text = [
      '{',
      '  "name": "Example",',
      '  "icons": [',
      '    { "src": "android-192.png", "sizes": "192x192" },',
      '    { "src": "https://cdn.other.test/512.png" }',
      '  ]',
      '}',
    ].join('\n');
    expect(gather(text)).toEqual([
      {
        kind: 'request',
        type: 'image',
        source: 'manifest',
        file: 'icons/site.webmanifest',
        line: 4,
        column: 15,
        element: 'icons',
        attribute: 'src',
        raw: 'android-192.png',
        url: 'https://www.example.ca/icons/android-192.png',
        host: 'www.example.ca',
        evidence: '"src": "android-192.png"',
      },
      {
        kind: 'request',
        type: 'image',
        source: 'manifest',
        file: 'icons/site.webmanifest',
        line: 5,
        column: 15,
        element: 'icons',
        attribute: 'src',
        raw: 'https://cdn.other.test/512.png',
        url: 'https://cdn.other.test/512.png',
        host: 'cdn.other.test',
        evidence: '"src": "https://cdn.other.test/512.png"',
      },
    ] satisfies RequestObservation[]);
  });

  it('reads screenshots and the icons of shortcuts and file handlers, and nothing else that names a URL', () => {
    const text = JSON.stringify({
      start_url: 'https://start.test/',
      scope: '/',
      id: 'https://id.test/',
      screenshots: [{ src: '/shot.png', form_factor: 'wide' }],
      shortcuts: [
        { name: 'News', url: 'https://news.test/', icons: [{ src: '//shortcut.test/s.png' }] },
        { name: 'No icons' },
      ],
      file_handlers: [{ action: '/open', icons: [{ src: 'https://handler.test/f.png' }] }],
      protocol_handlers: [{ protocol: 'web+x', url: 'https://protocol.test/?q=%s' }],
      related_applications: [{ platform: 'play', url: 'https://play.test/app' }],
      share_target: { action: 'https://share.test/' },
    });
    expect(requests(text).map((request) => request.replace(/^\S+ /, ''))).toEqual([
      'screenshots https://www.example.ca/shot.png',
      'shortcuts https://shortcut.test/s.png',
      'file_handlers https://handler.test/f.png',
    ]);
  });

  it('reads the last of duplicate members, as browsers do, and skips icons without a string src', () => {
    const text =
      '{"icons": [{"src": "https://first.test/a.png"}],\n "icons": [{"src": 5}, {"sizes": "any"}, "x.png", {"src": ""}, {"src": "last.png"}]}';
    expect(requests(text)).toEqual(['2:73 icons https://www.example.ca/icons/last.png']);
  });

  it('places a src after escapes and wide characters by UTF-16 code units, and decodes its escapes', () => {
    expect(requests('{"name": "caf\\u00e9 😀", "icons": [{"src": "https:\\/\\/cdn.test\\/i.png"}]}')).toEqual([
      '1:45 icons https://cdn.test/i.png',
    ]);
  });

  it.each([
    [
      'a trailing comma',
      '{"icons": [{"src": "/a.png"}],}',
      /^not valid JSON \(PropertyNameExpected at line 1, column 31\)$/,
    ],
    ['a comment', '{\n  // icons\n  "icons": []\n}', /^not valid JSON \(InvalidCommentToken at line 2, column 3\)$/],
    ['an empty file', '', /^not valid JSON \(ValueExpected at line 1, column 1\)$/],
    [
      'nesting deeper than browsers read',
      `{"icons": ${'['.repeat(100_000)}`,
      /^JSON nested over 200 levels deep at line 1, column 210, which browsers do not read$/,
    ],
  ])('returns the reason a .webmanifest with %s cannot be read: browsers ignore it', (_case, text, reason) => {
    expect(gather(text)).toMatch(reason);
    expect(gather(text, 'app.webmanifest.json')).toMatch(reason);
  });

  it.each([
    ["JSON with comments (a build tool's)", '{\n  // chunks\n  "main.js": {}\n}'],
    ['not JSON at all', 'CACHE MANIFEST\n/index.html'],
    ['deeply nested JSON', '['.repeat(100_000)],
  ])('treats a manifest.json with %s as no web manifest', (_case, text) => {
    expect(gather(text, 'manifest.json')).toEqual([]);
  });

  it("finds nothing in Vite's manifest, whose entries name chunks and source files", () => {
    const vite = JSON.stringify(
      {
        'src/main.ts': {
          file: 'assets/main-4f2a.js',
          src: 'src/main.ts',
          isEntry: true,
          css: ['assets/main-9c1d.css'],
          assets: ['assets/icon-192.png'],
        },
        'icons/icon.svg': { file: 'assets/icon-7b3e.svg', src: 'icons/icon.svg' },
      },
      null,
      2,
    );
    expect(gather(vite, '.vite/manifest.json')).toEqual([]);
  });

  it.each([
    ['a JSON array', '[{"src": "https://x.test/a.png"}]'],
    [
      "icons that are no list (a browser extension's manifest)",
      '{"name": "Ext", "icons": {"48": "https://x.test/a.png"}}',
    ],
  ])('finds nothing in %s', (_case, text) => {
    expect(gather(text)).toEqual([]);
  });

  it('never throws, and places every request on its src string', () => {
    const icon = fc.record(
      {
        src: fc.oneof(
          fc.string(),
          fc.constantFrom('https://x.test/a.png', '//y.test/"b".png', '/é/😀.png', 'c\\d.png'),
          fc.integer(),
        ),
      },
      { requiredKeys: [] },
    );
    const manifest = fc.record(
      { name: fc.string(), icons: fc.array(icon), shortcuts: fc.array(fc.record({ icons: fc.array(icon) })) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(manifest, fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const lines = text.split('\n');
        const result = gather(text);
        if (typeof result === 'string') throw new Error(result);
        for (const request of result) {
          expect(
            lines[request.line - 1]!.slice(request.column - 1).startsWith(JSON.stringify(request.raw).slice(1, -1)),
          ).toBe(true);
        }
      }),
    );
  });
});

describe('fileType', () => {
  it.each([
    ['site.webmanifest', 'manifest'],
    ['icons/App.WebManifest', 'manifest'],
    ['manifest.json', 'manifest'],
    ['site.manifest.json', 'manifest'],
    ['app.webmanifest.json', 'manifest'],
    ['.vite/manifest.json', 'manifest'],
    ['data.json', undefined],
    ['manifest.json.bak', undefined],
    ['_redirects', 'redirects'],
    ['docs/_redirects', 'redirects'],
    ['my_redirects', undefined],
  ])('reads %s as %s', (file, type) => {
    expect(fileType(file)).toBe(type);
  });
});
