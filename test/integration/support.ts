import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { vi } from 'vitest';

/** A fresh temporary directory for one build's output. */
export function temporaryOutDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'nospy-astro-'));
}

/**
 * Runs `action` while collecting what Astro's logger writes to stdout and stderr, without colour codes (CI may force
 * colour).
 */
export async function captureLog<T>(
  action: () => Promise<T>,
): Promise<{ log: string; result: PromiseSettledResult<T> }> {
  const chunks: string[] = [];
  const collect = (chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(collect);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(collect);
  try {
    const [result] = await Promise.allSettled([action()]);
    return { log: stripVTControlCharacters(chunks.join('')), result };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const repository = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A copy of the starter to edit and build, in test/.output: inside the repository, so that astro.config.mjs's
 * `nospy/astro` resolves to this package, as in the starter.
 */
export async function copyStarter(prefix: string): Promise<string> {
  await mkdir(join(repository, 'test/.output'), { recursive: true });
  const copy = await mkdtemp(join(repository, `test/.output/${prefix}-`));
  for (const entry of ['src', 'content', 'public', 'astro.config.mjs', 'nospy.config.json']) {
    await cp(join(repository, entry), join(copy, entry), { recursive: true });
  }
  // The starter's components import these by relative path.
  for (const shared of ['scanners', 'origin']) await symlink(join(repository, shared), join(copy, shared));
  return copy;
}

/** Runs `astro build` in `cwd` as a terminal would, returning its exit code and what it printed. */
export function astroBuild(cwd: string): { status: number | null; output: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(repository, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  return {
    status: result.status,
    output: stripVTControlCharacters(result.stdout + result.stderr),
    stderr: result.stderr,
  };
}
