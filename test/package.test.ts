import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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
  writeClientProject(project, join(work, tarball));
  // `npm ci` filled the npm cache with every tarball the lock names; no network is needed or allowed.
  npm(['ci', '--offline', '--no-audit', '--no-fund'], project);
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

interface LockEntry {
  version: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optional?: boolean;
  [key: string]: unknown;
}

/**
 * A client project that depends on the packed tarball, with a lock file holding exactly the tarball's dependency
 * closure as this repository's lock resolved it. An offline `npm install` would need the registry's package
 * documents, which the cache does not keep; `npm ci` with a lock only needs the tarballs, which it does.
 */
function writeClientProject(dir: string, tarball: string) {
  const repoLock: { packages: Record<string, LockEntry> } = JSON.parse(
    readFileSync(join(repo, 'package-lock.json'), 'utf8'),
  );
  const manifest = JSON.parse(
    execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  ) as LockEntry & { name: string; bin?: unknown; engines?: unknown };
  const spec = `file:${relative(dir, tarball)}`;
  const packages: Record<string, unknown> = {
    '': { name: 'client-site', dependencies: { [manifest.name]: spec } },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      ...pick(manifest, [
        'dependencies',
        'optionalDependencies',
        'peerDependencies',
        'peerDependenciesMeta',
        'bin',
        'engines',
      ]),
    },
  };
  // Node's lookup over the lock's paths: a dependency of the package at `from` is the nearest
  // `node_modules/<name>` on the way up.
  const locate = (from: string, name: string): string | undefined => {
    const path = `${from ? `${from}/` : ''}node_modules/${name}`;
    if (repoLock.packages[path]) return path;
    if (!from) return undefined;
    const parent = from.lastIndexOf('/node_modules/');
    return locate(parent < 0 ? '' : from.slice(0, parent), name);
  };
  const visit = (from: string, entry: LockEntry, optional: boolean) => {
    const wanted = { ...entry.dependencies, ...entry.optionalDependencies };
    for (const name of Object.keys(wanted)) {
      const path = locate(from, name);
      const isOptional = optional || Boolean(entry.optionalDependencies?.[name]);
      if (!path) {
        if (isOptional) continue;
        throw new Error(`${name}, needed by ${from || 'the package'}, is not in package-lock.json`);
      }
      if (packages[path]) continue;
      const found = repoLock.packages[path]!;
      packages[path] = {
        ...pick(found, [
          'version',
          'integrity',
          'license',
          'dependencies',
          'optionalDependencies',
          'bin',
          'engines',
          'os',
          'cpu',
        ]),
        ...(isOptional ? { optional: true } : {}),
      };
      visit(path, found, isOptional);
    }
  };
  // The package's dependencies resolve from the project's root, where npm hoists them.
  visit('', manifest, false);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'client-site', private: true, type: 'module', dependencies: { [manifest.name]: spec } }),
  );
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'client-site', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}

function pick(entry: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]]));
}
