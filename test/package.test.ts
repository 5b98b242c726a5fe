import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
// The outer `npm run`/`npx` leaves npm_* settings (the project prefix among them) that would point the inner npm back
// here.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let work: string;
let project: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'nospy-pack-'));
  const tarball = npm(['pack', '--silent', '--pack-destination', work], repo).trim().split('\n').at(-1)!;
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'client-site', private: true, type: 'module' }));
  // The npm cache holds every dependency after `npm ci`; no network is needed or allowed.
  npm(['install', '--offline', '--no-audit', '--no-fund', join(work, tarball)], project);
  writeFileSync(join(project, 'nospy.config.json'), '{ "site": "https://www.client.example" }');
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function check(page: string) {
  const site = join(project, 'site');
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), page);
  return spawnSync('npx', ['--offline', 'nospy', 'check', 'site', '--format', 'json'], {
    cwd: project,
    env,
    encoding: 'utf8',
  });
}

it('installs from the packed tarball and fails a site that loads a third party', () => {
  const result = check(
    '<!doctype html><title>Home</title><script src="https://cdn.tracker.example.net/t.js"></script>',
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(1);
  expect(JSON.parse(result.stdout)).toMatchObject({
    root: 'site',
    summary: { files: 1, errors: 1 },
    findings: [{ ruleId: 'third-party/request', file: 'index.html', host: 'cdn.tracker.example.net' }],
  });
}, 120_000);

it('passes a clean site from the installed package', () => {
  const result = check('<!doctype html><title>Home</title><p>Nothing to see.</p>');
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout).summary).toEqual({ files: 1, errors: 0, warnings: 0 });
}, 120_000);
