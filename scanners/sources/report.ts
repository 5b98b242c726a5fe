import { compareFindings } from '../engine.ts';
import { position, sitePath } from '../reporters/paths.ts';
import type { Finding, Report } from '../report.ts';
import type { SourceLocation } from './locate.ts';

/** A finding with where the site's source has it, when that could be told. */
export interface SourcedFinding extends Finding {
  source?: SourceLocation;
}

/** A report (SPEC.md's JSON document) whose findings carry their source location. */
export interface SourcedReport extends Report {
  findings: SourcedFinding[];
}

/** The report with each finding's source location, where `locate` finds one. */
export function addSources(report: Report, locate: (finding: Finding) => SourceLocation | undefined): SourcedReport {
  return {
    ...report,
    findings: report.findings.map((finding) => {
      const source = locate(finding);
      return source === undefined ? finding : { ...finding, source };
    }),
  };
}

/**
 * The report as the writer reads it, for any reporter: each finding placed at its source, with the built file as
 * the message's next line (`built: dist/services/index.html:14:1`; `astro dev` says `served`); every path relative
 * to the project, `builtRoot` being the output directory there. A finding with no source stays at its built file.
 */
export function sourceFirst(report: SourcedReport, builtRoot: string, label = 'built'): Report {
  const findings = report.findings.map(({ source, ...finding }) => {
    const built = sitePath(builtRoot, finding.file);
    if (source === undefined) return { ...finding, file: built };
    const message = `${finding.message}\n${label}: ${position(built, finding.line, finding.column)}`;
    return { ...finding, file: source.file, line: source.line, column: source.column, message };
  });
  return { ...report, root: '', findings: findings.sort(compareFindings) };
}
