import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { check, checkPage, fixPage, formatReport, loadConfig } from '../scanners/index.ts';
import { project } from './cli/cli-helpers.ts';

let cwd: string | undefined;
afterEach(() => {
  if (cwd !== undefined) rmSync(cwd, { recursive: true, force: true });
  cwd = undefined;
});

describe('check()', () => {
  it('applies inline and config suppressions as nospy check does', async () => {
    const suppress = [{ rule: 'third-party', host: 'cdn.partner.example', reason: 'partner logo' }];
    cwd = project({
      'nospy.config.json': JSON.stringify({ site: 'https://www.example.ca', suppress }),
      'dist/index.html': [
        '<img src="https://cdn.partner.example/logo.png" alt="">',
        '<!-- nospy-ignore third-party/request -- map tiles, in the policy -->',
        '<img src="https://tiles.maps.example/1.png" alt="">',
        '<img src="https://pixel.evil.test/p.gif" alt="">',
      ].join('\n'),
    });
    const report = await check('dist', { config: loadConfig(join(cwd, 'nospy.config.json')), cwd });
    expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 0, suppressed: 2 });
    expect(report.findings.map((finding) => [finding.host, finding.suppressed?.kind])).toEqual([
      ['cdn.partner.example', 'config'],
      ['tiles.maps.example', 'inline'],
      ['pixel.evil.test', undefined],
    ]);
  });
});

const config = loadConfig(fileURLToPath(new URL('../nospy.config.json', import.meta.url)));
const page =
  '<!doctype html><title>t</title>\n<a href="https://other.org/">x</a>\n<iframe src="https://player.vimeo.com/video/1"></iframe>';

describe('the page API astro dev uses', () => {
  it('checkPage reports one page as check reports a built file at that path', () => {
    const report = checkPage('services/index.html', page, { config });
    expect(report.summary.files).toBe(1);
    expect(report.findings.map((finding) => [finding.file, finding.line, finding.ruleId])).toContainEqual([
      'services/index.html',
      3,
      'embeds/third-party-player',
    ]);
  });

  it('checkPage applies config suppressions as check does', () => {
    const suppress = [{ rule: 'embeds', reason: 'the client signed off on this film' }];
    const report = checkPage('index.html', page, { config: { ...config, suppress } });
    const embed = report.findings.find((finding) => finding.ruleId === 'embeds/third-party-player');
    expect(embed?.suppressed?.kind).toBe('config');
  });

  it('fixPage marks the external link as fix does, and a second run changes nothing', () => {
    const fixed = fixPage('services/index.html', page, { config });
    expect(fixed).toMatch(/<a [^>]*data-leaving/);
    expect(fixPage('services/index.html', fixed, { config })).toBe(fixed);
    expect(checkPage('services/index.html', fixed, { config }).findings.map((f) => f.ruleId)).not.toContain(
      'external-links/unmarked',
    );
  });

  it('formatReport prints a report as --format does', () => {
    const report = checkPage('index.html', page, { config });
    expect(JSON.parse(formatReport(report, 'json')).summary.errors).toBe(report.summary.errors);
    expect(formatReport(report, 'text')).toMatch(/^index\.html$/m);
  });
});
