import type { Report } from '../report.ts';

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/**
 * One line for the end of a report: `✖ 3 errors, 1 warning in 12 files` or `✔ No privacy problems in 12 files`,
 * then what was suppressed and what the baseline no longer matches, when there is any.
 */
export function summarize({ summary }: Report): string {
  const files = count(summary.files, 'file');
  const mark = summary.errors > 0 ? '✖' : summary.warnings > 0 ? '⚠' : '✔';
  const counts =
    summary.errors + summary.warnings === 0
      ? `No privacy problems in ${files}`
      : `${count(summary.errors, 'error')}, ${count(summary.warnings, 'warning')} in ${files}`;
  const notes: string[] = [];
  if (summary.suppressed) notes.push(`${summary.suppressed} suppressed`);
  if (summary.baseline) {
    const { file, matched, unmatched } = summary.baseline;
    notes.push(`${matched} in the baseline ${file}`);
    if (unmatched > 0) {
      notes.push(
        `${count(unmatched, 'baseline entry', 'baseline entries')} no longer match, prune them with nospy baseline`,
      );
    }
  }
  return `${mark} ${counts}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}
