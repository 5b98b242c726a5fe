import type { BaselineSummary, CrawlCoverage, Finding, Report } from '../report.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatMarkdown } from './markdown.ts';
import type { Format, Reporter } from './reporter.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

export { formats, type Format, type Reporter, type ReporterOptions } from './reporter.ts';

/** Every `--format`, by name. */
export const reporters: Record<Format, Reporter> = {
  text: formatText,
  json: formatJson,
  sarif: (report) => formatSarif(report),
  junit: formatJunit,
  github: formatGithub,
  markdown: formatMarkdown,
};

/**
 * The report model of a scan (SPEC.md's JSON document); `root` is the scanned directory as the user gave it.
 * Suppressed findings keep their place but count in `summary.suppressed`, never in errors or warnings.
 */
export function createReport(
  root: string,
  version: string,
  files: number,
  findings: Finding[],
  baseline?: BaselineSummary,
  crawl?: CrawlCoverage,
): Report {
  let errors = 0;
  let warnings = 0;
  let suppressed = 0;
  for (const finding of findings) {
    if (finding.suppressed) suppressed += 1;
    else if (finding.severity === 'error') errors += 1;
    else warnings += 1;
  }
  const summary: Report['summary'] = { files, errors, warnings };
  if (suppressed > 0 || baseline) summary.suppressed = suppressed;
  if (baseline) summary.baseline = baseline;
  return { version: 1, tool: { name: 'nospy', version }, root, summary, findings, ...(crawl && { crawl }) };
}
