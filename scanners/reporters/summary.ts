import type { Report } from '../report.ts';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** One line for the end of a report: `✖ 3 errors, 1 warning in 12 files` or `✔ No privacy problems in 12 files`. */
export function summarize({ summary }: Report): string {
  const files = count(summary.files, 'file');
  if (summary.errors + summary.warnings === 0) return `✔ No privacy problems in ${files}`;
  const mark = summary.errors > 0 ? '✖' : '⚠';
  return `${mark} ${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')} in ${files}`;
}
