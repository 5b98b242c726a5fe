import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../scanners/cli/main.ts';

/** A temporary project: files by relative path. */
export function project(files: Record<string, string>): string {
  const cwd = mkdtempSync(join(tmpdir(), 'nospy-cli-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, file)), { recursive: true });
    writeFileSync(join(cwd, file), content);
  }
  return cwd;
}

/** Runs the CLI in `cwd` and captures what it prints. */
export async function run(
  cwd: string,
  args: string[],
  options: { isTTY?: boolean; env?: Record<string, string> } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

export const config = JSON.stringify({ site: 'https://www.example.ca', origin: 'https://origin.example.ca' });
export const cleanPage = '<!doctype html><title>Home</title><p>Hello</p>';
export const trackedPage = '<!doctype html><title>Home</title>\n<img src="https://pixel.example.net/p.gif" alt="">';
