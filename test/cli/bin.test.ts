import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { config, project, trackedPage } from './cli-helpers.ts';

const bin = fileURLToPath(new URL('../../bin/nospy.js', import.meta.url));
let cwd: string;
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

it('runs from this repository and sets the exit code without cutting stdout short', () => {
  cwd = project({ 'nospy.config.json': config, 'dist/index.html': trackedPage });
  const result = spawnSync(process.execPath, [bin, 'check', 'dist', '--format', 'json'], { cwd, encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(JSON.parse(result.stdout).summary.errors).toBe(1);
});

it('prints the version', () => {
  cwd = project({});
  expect(execFileSync(process.execPath, [bin, '--version'], { cwd, encoding: 'utf8' })).toMatch(/^\d+\.\d+\.\d+/);
});

it("hands over to the pinned Node 24 when started by a Node that cannot strip types (the machine's Node 20)", () => {
  cwd = project({ 'nospy.config.json': config, 'dist/index.html': trackedPage });
  const withoutTypes = spawnSync(
    process.execPath,
    ['--no-experimental-strip-types', bin, 'check', 'dist', '--format', 'json'],
    { cwd, encoding: 'utf8' },
  );
  expect(withoutTypes.stderr).toBe('');
  expect(withoutTypes.status).toBe(1);
  expect(JSON.parse(withoutTypes.stdout).summary.errors).toBe(1);
});
