import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../scanners/cli/main.ts';
import { createProgress } from '../../scanners/cli/progress.ts';

function fakeIo(stderrIsTTY: boolean, env: Record<string, string> = {}) {
  let written = '';
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (written += text) },
    cwd: '/',
    isTTY: false,
    stderrIsTTY,
    env,
  };
  return { io, written: () => written };
}

describe('the crawl progress line', () => {
  it('rewrites one line on a terminal with pages done, total and rate, and ends it after the last page', () => {
    const { io, written } = fakeIo(true);
    let clock = 0;
    const progress = createProgress(io, false, () => clock);
    clock = 500;
    progress?.(1, 2);
    clock = 1000;
    progress?.(2, 2);
    expect(written()).toBe(
      '\r\u001b[2Knospy crawl: 1/2 pages, 2.0 pages/s\r\u001b[2Knospy crawl: 2/2 pages, 2.0 pages/s\n',
    );
  });

  it('is silent off a terminal and in CI unless asked', () => {
    expect(createProgress(fakeIo(false).io, false)).toBeUndefined();
    expect(createProgress(fakeIo(true, { CI: 'true' }).io, false)).toBeUndefined();
  });

  it('prints at most a line a second, and the last, when asked off a terminal', () => {
    const { io, written } = fakeIo(false, { CI: 'true' });
    let clock = 0;
    const progress = createProgress(io, true, () => clock);
    for (const [time, done] of [
      [100, 1],
      [600, 2],
      [1200, 3],
      [1300, 4],
    ]) {
      clock = time;
      progress?.(done, 4);
    }
    expect(written()).toBe(
      'nospy crawl: 1/4 pages, 10.0 pages/s\nnospy crawl: 3/4 pages, 2.5 pages/s\nnospy crawl: 4/4 pages, 3.1 pages/s\n',
    );
  });
});
