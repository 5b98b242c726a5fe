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
 * What one source line causes on many pages (a layout's tracker) is one finding there, naming the first built page
 * and how many more: the writer has one line to fix. The summary still counts every page's.
 */
export function sourceFirst(report: SourcedReport, builtRoot: string, label = 'built'): Report {
  const atSource = new Map<string, { finding: Finding; built: string; more: number }>();
  const unplaced: Finding[] = [];
  for (const { source, ...finding } of report.findings) {
    const built = sitePath(builtRoot, finding.file);
    if (source === undefined) {
      unplaced.push({ ...finding, file: built });
      continue;
    }
    const key = JSON.stringify([source, finding.ruleId, finding.message, finding.suppressed?.kind]);
    const same = atSource.get(key);
    if (same) same.more += 1;
    else {
      const placed = { ...finding, file: source.file, line: source.line, column: source.column };
      atSource.set(key, { finding: placed, built: position(built, finding.line, finding.column), more: 0 });
    }
  }
  const placed = [...atSource.values()].map(({ finding, built, more }) => {
    const others = more === 0 ? '' : ` and ${more} more page${more === 1 ? '' : 's'}`;
    return { ...finding, message: `${finding.message}\n${label}: ${built}${others}` };
  });
  return { ...report, root: '', findings: [...placed, ...unplaced].sort(compareFindings) };
}
