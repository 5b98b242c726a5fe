import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check, loadConfig } from '../scanners/index.ts';
import { project } from './cli/cli-helpers.ts';

let cwd: string;
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

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
