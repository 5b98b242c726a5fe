import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { resolveConfig, type ResolvedConfig } from '../../scanners/config/load.ts';
import type { ConfigInput } from '../../scanners/config/schema.ts';
import type { TransformContext } from '../../scanners/transforms/context.ts';

/** A config like the starter's: www.example.ca on the CDN, origin.example.ca receiving forms. */
export function testConfig(overrides: Partial<ConfigInput> = {}): ResolvedConfig {
  return resolveConfig(
    {
      site: 'https://www.example.ca',
      firstPartyHosts: ['example.ca'],
      origin: 'https://origin.example.ca',
      ...overrides,
    },
    'test config',
  );
}

/** A transform context for `file` (default: the contact page). */
export function testContext(overrides: Partial<ConfigInput> = {}, file = 'contact/index.html'): TransformContext {
  return { file, config: testConfig(overrides) };
}

/** A built site in a fresh folder for each test, removed after it. Call at the top of a file or a describe block. */
export function tempSite(name: string) {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), `nospy-${name}-`));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    /** The folder of the test running now. */
    get dir(): string {
      return dir;
    },
    /** Writes each file (a path under the folder) with its content, making the folders it needs. */
    async write(files: Record<string, string | Uint8Array>): Promise<void> {
      for (const [file, content] of Object.entries(files)) {
        await mkdir(join(dir, file, '..'), { recursive: true });
        await writeFile(join(dir, file), content);
      }
    },
    read: (file: string) => readFile(join(dir, file), 'utf8'),
  };
}
