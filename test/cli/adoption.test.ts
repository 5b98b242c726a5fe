import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../scanners/config/load.ts';
import type { Report } from '../../scanners/report.ts';
import { allRules, ruleIds } from '../../scanners/rules/index.ts';
import { config, project, run } from './cli-helpers.ts';

let cwd: string;
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const pixel = (host: string) => `<img src="https://${host}/p.gif" alt="">`;
const page = (...lines: string[]) => ['<!doctype html><title>Home</title>', ...lines].join('\n');

async function report(args: string[]): Promise<{ code: number; json: Report }> {
  const { code, stdout } = await run(cwd, [...args, '--format', 'json']);
  return { code, json: JSON.parse(stdout) as Report };
}

describe('config suppress entries', () => {
  it('mark the findings they cover with the reason, by rule or category, host and files', async () => {
    const suppress = [
      {
        rule: 'third-party/request',
        host: 'cdn.partner.example',
        files: ['legacy/**'],
        reason: 'partner CDN, contract 12',
      },
      { rule: 'trackers', host: '*.tracker.example', reason: 'client mandate' },
    ];
    cwd = project({
      'nospy.config.json': JSON.stringify({ site: 'https://www.example.ca', suppress }),
      'dist/legacy/a.html': page(pixel('cdn.partner.example')),
      // The same host outside legacy/ stays an error.
      'dist/b.html': page(pixel('cdn.partner.example')),
    });
    const { code, json } = await report(['check', 'dist']);
    expect(code).toBe(1);
    expect(json.summary).toMatchObject({ errors: 1, warnings: 0, suppressed: 1 });
    expect(json.findings.map((finding) => [finding.file, finding.suppressed])).toEqual([
      ['b.html', undefined],
      ['legacy/a.html', { kind: 'config', reason: 'partner CDN, contract 12' }],
    ]);
  });

  it('without a reason are a config error naming the key', async () => {
    const suppress = [{ rule: 'third-party/request' }];
    cwd = project({
      'nospy.config.json': JSON.stringify({ site: 'https://www.example.ca', suppress }),
      'dist/a.html': page(),
    });
    const { code, stderr } = await run(cwd, ['check', 'dist']);
    expect(code).toBe(2);
    expect(stderr).toBe('nospy: nospy.config.json: suppress.0.reason: required key is missing\n');
  });
});

describe('baseline', () => {
  it('accepts what it recorded, also after lines are inserted above, and fails on a new finding only', async () => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': page(pixel('a.evil.test'), pixel('a.evil.test')) });
    expect((await run(cwd, ['check', 'dist'])).code).toBe(1);
    const recorded = await run(cwd, ['baseline', 'dist']);
    expect(recorded).toMatchObject({ code: 0, stderr: '' });
    expect(recorded.stdout).toContain('Recorded 2 findings in nospy.baseline.json');
    const baseline = JSON.parse(readFileSync(join(cwd, 'nospy.baseline.json'), 'utf8'));
    expect(baseline.findings.map((entry: { ruleId: string }) => entry.ruleId)).toEqual([
      'third-party/request',
      'third-party/request',
    ]);

    writeFileSync(
      join(cwd, 'dist/index.html'),
      page('<p>new</p>', '<p>lines</p>', pixel('a.evil.test'), pixel('a.evil.test')),
    );
    const passing = await report(['check', 'dist', '--baseline', 'nospy.baseline.json']);
    expect(passing.code).toBe(0);
    expect(passing.json.summary).toEqual({
      files: 1,
      errors: 0,
      warnings: 0,
      suppressed: 2,
      baseline: { file: 'nospy.baseline.json', matched: 2, unmatched: 0 },
    });
    expect(passing.json.findings[0]!.suppressed).toEqual({
      kind: 'baseline',
      reason: 'recorded in nospy.baseline.json',
    });

    // A third identical one and another host are new; the baselined two stay accepted.
    writeFileSync(
      join(cwd, 'dist/index.html'),
      page(pixel('a.evil.test'), pixel('a.evil.test'), pixel('a.evil.test'), pixel('b.evil.test')),
    );
    const failing = await report(['check', 'dist', '--baseline', 'nospy.baseline.json']);
    expect(failing.code).toBe(1);
    expect(
      failing.json.findings.filter((finding) => !finding.suppressed).map((finding) => [finding.line, finding.host]),
    ).toEqual([
      [4, 'a.evil.test'],
      [5, 'b.evil.test'],
    ]);
  });

  it('counts the entries nothing matches any more, in JSON and text', async () => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': page(pixel('a.evil.test'), pixel('b.evil.test')) });
    await run(cwd, ['baseline', 'dist', '--output', 'ci/accepted.json']);
    writeFileSync(join(cwd, 'dist/index.html'), page(pixel('b.evil.test')));
    const { code, json } = await report(['check', 'dist', '--baseline', 'ci/accepted.json']);
    expect(code).toBe(0);
    expect(json.summary.baseline).toEqual({ file: 'ci/accepted.json', matched: 1, unmatched: 1 });
    const text = await run(cwd, ['check', 'dist', '--baseline', 'ci/accepted.json']);
    expect(text.stdout).toContain('1 baseline entry no longer match');
  });

  it.each([
    ['missing.json', undefined, 'missing.json: cannot read baseline (ENOENT)'],
    ['bad.json', '{ "version": 1, ', 'bad.json: invalid JSON'],
    ['other.json', '{ "version": 2, "findings": [] }', 'other.json: not a nospy baseline'],
    ['entries.json', '{ "version": 1, "findings": [{}] }', 'entries.json: findings.0.fingerprint: expected a string'],
  ])('a bad baseline file %s exits 2 naming it', async (file, text, message) => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': page(), ...(text ? { [file]: text } : {}) });
    const { code, stdout, stderr } = await run(cwd, ['check', 'dist', '--baseline', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^nospy: ${message.replace(/[()]/g, '\\$&')}.*\\n$`));
  });
});

describe('explain and rules', () => {
  it('explains a rule: why, how to fix with examples, the policy clause', async () => {
    cwd = project({});
    const { code, stdout } = await run(cwd, ['explain', 'embeds/third-party-player']);
    expect(code).toBe(0);
    expect(stdout).toContain('embeds/third-party-player  (embeds, error by default)');
    expect(stdout).toMatch(/Why it matters\n {2}An embedded YouTube/);
    expect(stdout).toMatch(/How to fix\n {2}Replace a YouTube or Vimeo iframe with `BunnyVideo`/);
    expect(stdout).toContain('Policy clause: /privacy/#video');
    const request = (await run(cwd, ['explain', 'third-party/request'])).stdout;
    expect(request.replace(/\s+/g, ' ')).toContain('serve them from the site instead of Google Fonts');
  });

  it.each([
    ['embeds/third-party-playr', '(did you mean "embeds/third-party-player"?)'],
    ['forms', 'the category forms has forms/insecure-action'],
  ])('an unknown rule id %s exits 2 with a hint', async (id, hint) => {
    cwd = project({});
    const { code, stderr } = await run(cwd, ['explain', id]);
    expect(code).toBe(2);
    expect(stderr).toContain(hint);
  });

  it('lists every rule with id, category, severity and summary, as text or JSON', async () => {
    cwd = project({});
    const json = JSON.parse((await run(cwd, ['rules', '--format', 'json'])).stdout);
    expect(json.map((rule: { id: string }) => rule.id)).toEqual(allRules.map((rule) => rule.id));
    expect(json[0]).toEqual({
      id: 'cookies/script-cookie',
      category: 'cookies',
      severity: 'error',
      summary: expect.stringMatching(/^Script that reads or writes `document.cookie`.*\.$/),
    });
    const text = (await run(cwd, ['rules'])).stdout.trimEnd().split('\n');
    expect(text).toHaveLength(allRules.length);
    expect(text[0]).toMatch(/^cookies\/script-cookie +cookies +error +Script that/);
    expect((await run(cwd, ['rules', '--format', 'xml'])).code).toBe(2);
    expect((await run(cwd, ['rules', 'extra'])).code).toBe(2);
  });
});

describe('init', () => {
  const hugoSite = {
    'hugo.toml': 'title = "Blog"\nbaseURL = "https://blog.example.org/"\n',
    'public/index.html': page(
      '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
      pixel('cdn.partner.example'),
    ),
  };

  it('writes a config that loads, names the site, allows nothing and lists the contacted hosts as comments', async () => {
    cwd = project(hugoSite);
    const { code, stdout } = await run(cwd, ['init']);
    expect(code).toBe(0);
    expect(stdout).toContain('for a Hugo site that builds to public/');
    expect(stdout).toContain('Site: https://blog.example.org/ (from hugo.toml)');
    expect(stdout).toContain('runs-on: ubuntu-latest');
    expect(stdout).toContain('npx nospy check public --format github');
    const text = readFileSync(join(cwd, 'nospy.config.json'), 'utf8');
    expect(text).toContain('// "www.googletagmanager.com", // 1 finding: trackers/known-tracker');
    expect(text).toContain('// "cdn.partner.example", // 1 finding: third-party/request');
    const loaded = loadConfig(join(cwd, 'nospy.config.json'), ruleIds);
    expect(loaded).toMatchObject({
      site: 'https://blog.example.org/',
      allowHosts: [],
      firstPartyHosts: [],
      suppress: [],
    });
    expect((await run(cwd, ['check', 'public'])).code).toBe(1);
  });

  it('refuses to overwrite a config (exit 2) and leaves it as it was', async () => {
    cwd = project({ ...hugoSite, 'nospy.config.json': config });
    const { code, stderr } = await run(cwd, ['init']);
    expect(code).toBe(2);
    expect(stderr).toBe('nospy: init: nospy.config.json already exists; nospy init never overwrites a config\n');
    expect(readFileSync(join(cwd, 'nospy.config.json'), 'utf8')).toBe(config);
  });

  it('works on another directory and says when nothing names the site', async () => {
    cwd = project({ 'site/index.html': page('<p>plain</p>') });
    const { code, stdout } = await run(cwd, ['init', 'site']);
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote site/nospy.config.json for a plain HTML site that builds to ./');
    expect(stdout).toContain('Site: not found');
    expect(loadConfig(join(cwd, 'site/nospy.config.json'), ruleIds).site).toBe('https://www.example.com/');
    expect((await run(cwd, ['init', 'missing'])).code).toBe(2);
  });
});
