import type { Report } from '../report.ts';

/** The report as SPEC.md's JSON document, one per run. */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2);
}
