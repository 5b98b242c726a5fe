import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, copyStarter } from './support.ts';

let copy: string;

/** Writes `line` into a copied file so that it becomes line `at` (1-based). */
async function insertLine(file: string, at: number, line: string) {
  const path = join(copy, file);
  const lines = (await readFile(path, 'utf8')).split('\n');
  while (lines.length < at - 1) lines.push('');
  lines.splice(at - 1, 0, line);
  await writeFile(path, lines.join('\n'));
}

beforeAll(async () => {
  copy = await copyStarter('starter');
});

afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

describe('astro build of the starter, edited as a writer would', () => {
  it('fails on a YouTube iframe in an MDX entry, naming its line, with one last line and no stack trace', async () => {
    const original = await readFile(join(copy, 'content/pages/services.mdx'), 'utf8');
    await insertLine(
      'content/pages/services.mdx',
      30,
      '<iframe title="Reel" src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
    );
    const failed = astroBuild(copy);
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(
      /^ {2}content\/pages\/services\.mdx:30:1 {2}error .* {2}embeds\/third-party-player$/m,
    );
    expect(failed.output).toContain('      policy: /privacy/#video');
    expect(failed.output).not.toMatch(/Stack trace|unhandled error|^\s+at /m);
    const lastLine = failed.stderr.trim().split('\n').at(-1);
    expect(lastLine).toBe(
      "nospy: the build breaks the site's privacy promises (1 error above); its output was moved to dist.failed",
    );
    expect(existsSync(join(copy, 'dist'))).toBe(false);

    await writeFile(join(copy, 'content/pages/services.mdx'), original);
    const passed = astroBuild(copy);
    expect(passed.status).toBe(0);
    expect(passed.output).toMatch(/\[nospy\] check: \d+ files, 0 errors, 0 warnings/);
    // Quiet: a clean build of the starter warns about nothing.
    expect(passed.output).not.toContain('[WARN]');
    expect(existsSync(join(copy, 'dist/services/index.html'))).toBe(true);
    expect(existsSync(join(copy, 'dist.failed'))).toBe(false);
  }, 120_000);

  it('fails on a tracker script in an .astro component, naming the component line', async () => {
    const component = 'src/components/ContactForm.astro';
    const lines = (await readFile(join(copy, component), 'utf8')).split('\n').length;
    await insertLine(
      component,
      lines + 1,
      '<script is:inline src="https://www.google-analytics.com/analytics.js"></script>',
    );
    const failed = astroBuild(copy);
    expect(failed.status).toBe(1);
    expect(failed.output).toMatch(
      new RegExp(`^ {2}src/components/ContactForm\\.astro:${lines + 1}:1 {2}error .* {2}trackers/known-tracker$`, 'm'),
    );
    expect(failed.output).not.toMatch(/Stack trace|unhandled error/);
  }, 120_000);
});
