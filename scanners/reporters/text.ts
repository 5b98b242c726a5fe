import type { Finding, Report } from '../report.ts';
import type { ReporterOptions } from './reporter.ts';
import { position, sitePath } from './paths.ts';
import { summarize } from './summary.ts';

type Paint = (code: number, text: string) => string;

const plain: Paint = (_code, text) => text;
const ansi: Paint = (code, text) => `\u001b[${code}m${text}\u001b[0m`;
const [bold, dim, red, yellow, green] = [1, 2, 31, 33, 32];

/**
 * Human-readable report: findings grouped by file, each with its evidence and policy clause, then a summary.
 * Suppressed findings are counted in the summary and listed only with `showSuppressed`, with their reason.
 */
export function formatText(report: Report, options: ReporterOptions = {}): string {
  const paint = options.color ? ansi : plain;
  const lines: string[] = [];
  const shown = options.showSuppressed ? report.findings : report.findings.filter((finding) => !finding.suppressed);
  for (const [file, findings] of groupByFile(shown)) {
    const path = sitePath(report.root, file);
    lines.push(paint(bold, path));
    for (const finding of findings) lines.push(...describe(finding, path, paint), '');
  }
  const hidden = report.findings.length - shown.length;
  if (hidden > 0)
    lines.push(paint(dim, `${hidden} suppressed not listed; --show-suppressed lists them with their reasons`));
  const summary = summarize(report);
  const colour = report.summary.errors > 0 ? red : report.summary.warnings > 0 ? yellow : green;
  lines.push(paint(colour, summary));
  return lines.join('\n');
}

function describe(finding: Finding, path: string, paint: Paint): string[] {
  const severity = finding.suppressed
    ? paint(dim, finding.severity === 'error' ? 'error  ' : 'warning')
    : finding.severity === 'error'
      ? paint(red, 'error  ')
      : paint(yellow, 'warning');
  const [first, ...rest] = finding.message.split(/\r?\n/);
  const lines = [
    `  ${position(path, finding.line, finding.column)}  ${severity}  ${first}  ${paint(dim, finding.ruleId)}`,
  ];
  for (const more of rest) lines.push(`      ${more}`);
  if (finding.evidence) {
    for (const excerpt of finding.evidence.split(/\r?\n/)) lines.push(paint(dim, `      │ ${excerpt}`));
  }
  lines.push(`      policy: ${finding.policy}`);
  if (finding.suppressed) {
    const { kind, reason } = finding.suppressed;
    lines.push(paint(dim, `      suppressed (${kind}): ${reason || 'no reason given'}`));
  }
  return lines;
}

function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}
