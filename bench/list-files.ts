import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` with one of `extensions`, sorted: the baselines read what the gate reads. */
export function listFiles(dir: string, extensions: readonly string[]): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension))) {
      files.push(join(entry.parentPath, entry.name));
    }
  }
  return files.sort();
}
