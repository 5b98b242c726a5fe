import { rmSync } from 'node:fs';
import { expect, it, vi } from 'vitest';
import { config, project, run } from './cli-helpers.ts';

vi.mock('../../scanners/scan.ts', () => ({
  scanDirectory: () => Promise.reject(new TypeError('cannot read properties of undefined')),
}));

it('reports an unexpected exception as a bug in nospy, with its stack, and exits 2', async () => {
  const cwd = project({ 'nospy.config.json': config, 'dist/index.html': '<p>hi</p>' });
  try {
    const { code, stdout, stderr } = await run(cwd, ['check', 'dist']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^nospy: bug in nospy \d+\.\d+\.\d+\nTypeError: cannot read properties of undefined\n\s+at /,
    );
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});
