import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
