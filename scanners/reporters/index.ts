import type { CrawlCoverage, Finding, Report } from '../report.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
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
};

/** The report model of a scan (SPEC.md's JSON document); `root` is the scanned directory as the user gave it. */
export function createReport(
  root: string,
  version: string,
  files: number,
  findings: Finding[],
  crawl?: CrawlCoverage,
): Report {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    version: 1,
    tool: { name: 'nospy', version },
    root,
    summary: { files, errors, warnings: findings.length - errors },
    findings,
    ...(crawl && { crawl }),
  };
}
