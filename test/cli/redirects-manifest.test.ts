import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../scanners/report.ts';
import { config, project, run } from './cli-helpers.ts';

let cwd: string;
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const page = '<!doctype html><title>Home</title><link rel="manifest" href="/site.webmanifest"><p>Hello</p>';
/** Vite's chunk map: named like a manifest, never fetched by a browser. */
const viteManifest = JSON.stringify(
  { 'src/main.ts': { file: 'assets/main-4f2a.js', src: 'src/main.ts', isEntry: true } },
  null,
  2,
);
const cleanManifest = JSON.stringify(
  {
    name: 'Example',
    start_url: '/',
    icons: [
      { src: '/icons/192.png', sizes: '192x192' },
      { src: 'icons/512.png', sizes: '512x512' },
    ],
  },
  null,
  2,
);

async function checkJson(files: Record<string, string>): Promise<{ code: number; report: Report; stderr: string }> {
  cwd = project({ 'nospy.config.json': config, ...files });
  const { code, stdout, stderr } = await run(cwd, ['check', 'dist', '--format', 'json']);
  return { code, report: JSON.parse(stdout) as Report, stderr };
}

describe('nospy check on _redirects and web app manifests', () => {
  it('fails on a redirect to another site and on third-party and tracker icons in the manifest', async () => {
    const { code, report } = await checkJson({
      'dist/index.html': page,
      'dist/_redirects': [
        '/about-us   /about/   301',
        '/shop       https://shop.partner.example.org/   302',
        '/api/*      https://api.partner.example.org/:splat   200',
      ].join('\n'),
      'dist/site.webmanifest': [
        '{',
        '  "name": "Example",',
        '  "icons": [',
        '    { "src": "/icons/192.png", "sizes": "192x192" },',
        '    { "src": "https://static.xx.fbcdn.net/rsrc.php/512.png", "sizes": "512x512" }',
        '  ],',
        '  "screenshots": [{ "src": "https://images.other.example.org/wide.png" }]',
        '}',
      ].join('\n'),
      'dist/.vite/manifest.json': viteManifest,
    });
    expect(code).toBe(1);
    expect(report.summary).toEqual({ files: 4, errors: 3, warnings: 0 });
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'external-links/redirect',
        category: 'external-links',
        severity: 'error',
        file: '_redirects',
        line: 2,
        column: 13,
        url: 'https://shop.partner.example.org/',
        host: 'shop.partner.example.org',
        evidence: '/shop       https://shop.partner.example.org/   302',
        policy: '/privacy/#external-links',
        message: expect.stringMatching(/\/shop\b.*shop\.partner\.example\.org/),
      }),
      expect.objectContaining({
        ruleId: 'trackers/known-tracker',
        category: 'trackers',
        file: 'site.webmanifest',
        line: 5,
        column: 15,
        host: 'static.xx.fbcdn.net',
        vendor: 'Facebook',
        url: 'https://static.xx.fbcdn.net/rsrc.php/512.png',
      }),
      expect.objectContaining({
        ruleId: 'third-party/request',
        category: 'third-party',
        file: 'site.webmanifest',
        line: 7,
        column: 29,
        host: 'images.other.example.org',
      }),
    ]);
  });

  it("passes internal redirects, rewrites and a manifest whose icons are the site's own", async () => {
    const { code, report, stderr } = await checkJson({
      'dist/index.html': page,
      'dist/_redirects':
        '# moved pages\n/about-us  /about/  301\n/blog/*  /posts/:splat  301!\n/shop  https://example.ca/shop/\n/app/*  /app/index.html  200\n',
      'dist/site.webmanifest': cleanManifest,
      'dist/.vite/manifest.json': viteManifest,
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(report.summary).toEqual({ files: 4, errors: 0, warnings: 0 });
    expect(report.findings).toEqual([]);
  });

  it('reports a .webmanifest that browsers cannot parse, and passes over a manifest.json that is not JSON', async () => {
    const { code, report } = await checkJson({
      'dist/index.html': page,
      'dist/site.webmanifest': '{\n  "icons": [],\n}\n',
      'dist/assets/manifest.json': "not json, some tool's own format",
    });
    expect(code).toBe(1);
    expect(report.summary.files).toBe(3);
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'input/unreadable',
        category: 'input',
        file: 'site.webmanifest',
        message: expect.stringContaining('not valid JSON (PropertyNameExpected at line 3, column 1)'),
      }),
    ]);
  });
});
