import type { CliIo } from './io.ts';

/** Called after each page with how many are done. */
export type ProgressListener = (done: number, total: number) => void;

/**
 * The crawl's progress on stderr (pages done / total, pages per second): one line rewritten in place on a terminal,
 * a line a second elsewhere. Shown on a terminal outside CI, or wherever `--progress` asks; otherwise undefined.
 */
export function createProgress(io: CliIo, asked: boolean, now = () => performance.now()): ProgressListener | undefined {
  const env = io.env ?? process.env;
  const inPlace = Boolean(io.stderrIsTTY);
  if (!asked && (!inPlace || env.CI)) return undefined;
  const start = now();
  let lastLine = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    const time = now();
    if (!inPlace && done < total && time - lastLine < 1000) return;
    lastLine = time;
    const rate = done / Math.max((time - start) / 1000, 0.001);
    const line = `nospy crawl: ${done}/${total} pages, ${rate.toFixed(1)} pages/s`;
    io.stderr.write(inPlace ? `\r\u001b[2K${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}
