import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../scanners/config/load.ts';
import type { Report } from '../../scanners/report.ts';
import { ruleIds } from '../../scanners/rules/index.ts';
import { project, run } from './cli-helpers.ts';

let cwd: string;
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const page = (head = '') =>
  [
    '<!doctype html><html><head><title>Home</title>',
    head,
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
    '</head><body>',
    '<img src="https://cdn.partner.example/logo.png" alt="">',
    '</body></html>',
  ].join('\n');

interface Shape {
  name: string;
  files: Record<string, string>;
  output: string;
  site: string;
  head?: string;
}

/** One project per generator shape: its config files, where it builds to, and the site URL it names. */
const shapes: Shape[] = [
  {
    name: 'Astro',
    files: { 'astro.config.mjs': "export default { site: 'https://astro.example.org/blog' };" },
    output: 'dist',
    site: 'https://astro.example.org/',
  },
  {
    name: 'Hugo',
    files: { 'hugo.toml': 'baseURL = "https://hugo.example.org/"' },
    output: 'public',
    site: 'https://hugo.example.org/',
  },
  {
    name: 'Jekyll',
    files: { '_config.yml': 'title: Blog\nurl: "https://jekyll.example.org"\n' },
    output: '_site',
    site: 'https://jekyll.example.org/',
  },
  {
    name: 'Eleventy',
    files: { 'eleventy.config.js': 'export default () => {};', CNAME: 'eleventy.example.org\n' },
    output: '_site',
    site: 'https://eleventy.example.org/',
  },
  {
    name: 'Next.js (static export)',
    files: { 'next.config.mjs': "export default { output: 'export' };" },
    output: 'out',
    site: 'https://next.example.org/',
    head: '<link rel="canonical" href="https://next.example.org/">',
  },
  {
    name: 'Docusaurus',
    files: { 'docusaurus.config.js': "module.exports = { url: 'https://docs.example.org', baseUrl: '/' };" },
    output: 'build',
    site: 'https://docs.example.org/',
  },
  {
    name: 'VitePress',
    files: { 'docs/.vitepress/config.mts': "export default { sitemap: { hostname: 'https://vp.example.org' } };" },
    output: 'docs/.vitepress/dist',
    site: 'https://vp.example.org/',
  },
  {
    name: 'plain HTML',
    files: { 'site/CNAME': 'www.plain.example.org' },
    output: 'site',
    site: 'https://www.plain.example.org/',
  },
];

async function check(...args: string[]): Promise<{ code: number; report: Report }> {
  const { code, stdout } = await run(cwd, ['check', ...args, '--format', 'json']);
  return { code, report: JSON.parse(stdout) as Report };
}

describe.each(shapes)('adopting nospy on a $name site', ({ name, files, output, site, head }) => {
  it('init, a failing check, baseline, edits, a new violation, inline suppressions', async () => {
    const index = `${output}/index.html`;
    cwd = project({ ...files, [index]: page(head) });

    const init = await run(cwd, ['init']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`for a ${name} site that builds to ${output}/`);
    const config = loadConfig(join(cwd, 'nospy.config.json'), ruleIds);
    expect(config.site).toBe(site);
    expect(config.allowHosts).toEqual([]);
    expect(readFileSync(join(cwd, 'nospy.config.json'), 'utf8')).toContain('// "cdn.partner.example"');

    expect((await check(output)).code).toBe(1);
    expect((await run(cwd, ['baseline', output])).code).toBe(0);
    expect((await check(output, '--baseline', 'nospy.baseline.json')).code).toBe(0);

    // Lines inserted above the findings keep them matched.
    writeFileSync(join(cwd, index), page(`${head ?? ''}\n<meta name="description" content="new">\n<!-- more -->`));
    const edited = await check(output, '--baseline', 'nospy.baseline.json');
    expect(edited.code).toBe(0);
    expect(edited.report.summary.baseline).toMatchObject({ unmatched: 0 });

    // A new violation fails with only that finding.
    writeFileSync(join(cwd, index), `${page(head)}\n<img src="https://pixel.evil.test/p.gif" alt="">`);
    const added = await check(output, '--baseline', 'nospy.baseline.json');
    expect(added.code).toBe(1);
    expect(added.report.findings.filter((finding) => !finding.suppressed).map((finding) => finding.host)).toEqual([
      'pixel.evil.test',
    ]);

    // An inline suppression with a reason passes and is kept in JSON; one without a reason warns.
    writeFileSync(
      join(cwd, index),
      `${page(head)}\n<!-- nospy-ignore third-party -- the partner's pixel, in the contract -->\n<img src="https://pixel.evil.test/p.gif" alt="">`,
    );
    const suppressed = await check(output, '--baseline', 'nospy.baseline.json');
    expect(suppressed.code).toBe(0);
    expect(suppressed.report.findings.find((finding) => finding.host === 'pixel.evil.test')?.suppressed).toEqual({
      kind: 'inline',
      reason: "the partner's pixel, in the contract",
    });
    writeFileSync(
      join(cwd, index),
      `${page(head)}\n<img data-nospy-ignore="third-party" src="https://pixel.evil.test/p.gif" alt="">`,
    );
    const noReason = await check(output, '--baseline', 'nospy.baseline.json');
    expect(noReason.code).toBe(0);
    expect(noReason.report.findings.filter((finding) => !finding.suppressed).map((finding) => finding.ruleId)).toEqual([
      'suppressions/no-reason',
    ]);
  });
});

describe('init finds an output folder the generator config sets', () => {
  it.each([
    ['astro.config.mjs', "export default { site: 'https://a.example.org', outDir: './build' };", 'build'],
    ['hugo.toml', 'baseURL = "https://h.example.org/"\npublishDir = "docs"', 'docs'],
    ['_config.yml', 'url: https://j.example.org\ndestination: ./out/', 'out'],
    ['eleventy.config.js', "export default () => ({ dir: { input: 'src', output: 'dist' } });", 'dist'],
    ['docs/.vitepress/config.mts', "export default { outDir: '../public' };", 'public'],
  ])('%s', async (file, text, output) => {
    cwd = project({ [file]: text });
    const { code, stdout } = await run(cwd, ['init']);
    expect(code).toBe(0);
    expect(stdout).toContain(`builds to ${output}/`);
    expect(stdout).toContain(`npx nospy check ${output} --format github`);
  });
});
