import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPage, config, project, run, trackedPage } from './cli-helpers.ts';

let cwd: string;
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

const oneLine = (text: string) => text.trimEnd().split('\n');

describe('nospy check', () => {
  it('exits 0 and says so when the site is clean', async () => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': cleanPage });
    const result = await run(cwd, ['check', 'dist']);
    expect(result).toEqual({ code: 0, stdout: '✔ No privacy problems in 1 file\n', stderr: '' });
  });

  it('exits 1 and names the file, line and rule when a page breaks a promise', async () => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': trackedPage });
    const result = await run(cwd, ['check', 'dist']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/dist\/index\.html:2:\d+ {2}error/);
    expect(result.stdout).toContain('third-party/request');
    expect(result.stdout).toMatch(/✖ 1 error, 0 warnings in 1 file\n$/);
  });

  it('prints exactly one JSON document whose root is the directory as given', async () => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': trackedPage });
    const { code, stdout } = await run(cwd, ['check', './dist/', '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(report).toMatchObject({
      version: 1,
      tool: { name: 'nospy' },
      root: 'dist',
      summary: { files: 1, errors: 1, warnings: 0 },
    });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'third-party/request',
      category: 'third-party',
      file: 'index.html',
      line: 2,
      host: 'pixel.example.net',
    });
  });

  it.each([
    [
      'sarif',
      (out: string) =>
        expect(JSON.parse(out).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
          'dist/index.html',
        ),
    ],
    ['junit', (out: string) => expect(out).toMatch(/^<\?xml[^]*<failure type="third-party\/request"/)],
    [
      'github',
      (out: string) =>
        expect(out).toMatch(/^::error file=dist\/index.html,line=2,col=\d+,title=third-party\/request::/),
    ],
    ['text', (out: string) => expect(out).toContain('third-party/request')],
  ])('prints --format %s', async (format, check) => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': trackedPage });
    const { code, stdout } = await run(cwd, ['check', 'dist', '--format', format]);
    expect(code).toBe(1);
    check(stdout);
  });

  it('writes the report to --output, creating folders, and prints nothing', async () => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': trackedPage });
    const result = await run(cwd, ['check', 'dist', '--format', 'sarif', '--output', 'reports/ci/nospy.sarif']);
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(cwd, 'reports/ci/nospy.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('colours text only for a terminal, unless NO_COLOR or FORCE_COLOR says otherwise', async () => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': trackedPage });
    expect((await run(cwd, ['check', 'dist'], { isTTY: true })).stdout).toContain('\u001b[');
    expect((await run(cwd, ['check', 'dist'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      '\u001b[',
    );
    expect((await run(cwd, ['check', 'dist'], { isTTY: false, env: { FORCE_COLOR: '1' } })).stdout).toContain(
      '\u001b[',
    );
    expect((await run(cwd, ['check', 'dist'], { isTTY: false })).stdout).not.toContain('\u001b[');
  });

  it('reads --config from another place', async () => {
    cwd = project({
      'conf/site.jsonc': '// comment\n{ "site": "https://pixel.example.net" }',
      'dist/index.html': trackedPage,
    });
    const result = await run(cwd, ['check', 'dist', '--config', 'conf/site.jsonc']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('warns once and checks against a placeholder site when there is no config', async () => {
    cwd = project({ 'dist/index.html': '<a href="/about/">About</a><img src="https://www.example.ca/x.png" alt="">' });
    const { code, stdout, stderr } = await run(cwd, ['check', 'dist', '--format', 'json']);
    expect(code).toBe(1);
    expect(oneLine(stderr)).toEqual([expect.stringMatching(/^nospy: warning: no nospy\.config\.json .*site\.invalid/)]);
    expect(JSON.parse(stdout).findings.map((finding: { host: string }) => finding.host)).toEqual(['www.example.ca']);
  });
});

describe('usage and config errors exit 2 with one line on stderr', () => {
  it.each([
    [['check', 'dist', '--fromat', 'json'], '--fromat'],
    [['check', 'dist', '--format', 'xml'], '--format'],
    [['check', 'dist', '--format'], '--format'],
    [['fix', 'dist', '--format', 'json'], '--format'],
    [['check'], 'missing <dir>'],
    [['check', 'dist', 'more'], '"more"'],
    [['check', 'missing'], 'missing: no such directory'],
    [['crawl', 'missing'], 'missing: no such directory'],
    [['check', 'dist/index.html'], 'dist/index.html: not a directory'],
    [['scan', 'dist'], 'unknown command "scan"'],
    [['baseline'], 'baseline: missing <dir>'],
    [['baseline', 'dist', '--format', 'json'], '--format'],
    [['explain'], 'explain: missing <ruleId>'],
    [['explain', 'forms/nope'], 'unknown rule id "forms/nope"'],
    [['rules', 'forms'], 'rules: unexpected argument "forms"'],
    [['init', 'a', 'b'], 'init: unexpected argument "b"'],
    [['check', 'dist', '--baseline'], '--baseline'],
    [[], 'missing command'],
    [['check', 'dist', '--config', 'nope.json'], 'nope.json'],
    [['check', 'dist', '--output', 'dist/index.html/report.txt'], '--output dist/index.html/report.txt'],
  ])('nospy %j names %s', async (args, named) => {
    cwd = project({ 'nospy.config.json': config, 'dist/index.html': cleanPage });
    const { code, stdout, stderr } = await run(cwd, args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/^nospy: /);
    expect(stderr).toContain(named);
  });

  it.each([
    [
      '{ "site": "https://www.example.ca", "externalLinks": { "mode": "popup" } }',
      'nospy.config.json: externalLinks.mode: expected "inline" or "interstitial"',
    ],
    ['{ "site": "https://www.example.ca", "bogus": 1 }', 'bogus'],
    ['{ "site": "https://www.example.ca", "rules": { "forms/nope": "off" } }', 'rules.forms/nope: unknown rule id'],
    ['{ "site": ', 'invalid JSON'],
  ])('an invalid config %s', async (text, named) => {
    cwd = project({ 'nospy.config.json': text, 'dist/index.html': cleanPage });
    const { code, stderr } = await run(cwd, ['check', 'dist']);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toEqual([expect.stringContaining(named)]);
  });
});

describe('help and version', () => {
  it('prints help on --help, for the tool and for a command', async () => {
    cwd = project({});
    for (const args of [['--help'], ['-h'], ['check', '--help']]) {
      const { code, stdout } = await run(cwd, args);
      expect(code).toBe(0);
      expect(stdout).toContain('nospy check <dir>');
    }
  });

  it('prints the package version on --version', async () => {
    cwd = project({});
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(await run(cwd, ['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

it('does not create --output when the arguments are wrong', async () => {
  cwd = project({ 'nospy.config.json': config });
  await run(cwd, ['check', 'missing', '--output', 'out/report.json']);
  expect(existsSync(join(cwd, 'out'))).toBe(false);
});

describe('nospy fix', () => {
  it('marks external links in place, lists what it changed, and changes nothing the second time', async () => {
    cwd = project({
      'nospy.config.json': config,
      'dist/index.html': '<!doctype html><title>t</title><a href="https://other.example.org/">x</a>',
      'dist/about.html': cleanPage,
    });
    const first = await run(cwd, ['fix', 'dist/']);
    expect(first).toEqual({
      code: 0,
      stdout: 'fixed dist/index.html\nFixed 1 of 2 pages; headers are in dist/_headers\n',
      stderr: '',
    });
    expect(readFileSync(join(cwd, 'dist/index.html'), 'utf8')).toContain('data-leaving');
    expect((await run(cwd, ['fix', 'dist'])).stdout).toBe('Fixed 0 of 2 pages; headers are in dist/_headers\n');
    expect((await run(cwd, ['check', 'dist'])).code).toBe(0);
  });
});
