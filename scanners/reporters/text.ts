import type { CrawlCoverage, Finding, Report } from '../report.ts';
import type { ReporterOptions } from './reporter.ts';
import { position, sitePath } from './paths.ts';
import { summarize } from './summary.ts';

type Paint = (code: number, text: string) => string;

const plain: Paint = (_code, text) => text;
const ansi: Paint = (code, text) => `\u001b[${code}m${text}\u001b[0m`;
const [bold, dim, red, yellow, green] = [1, 2, 31, 33, 32];

/** Human-readable report: findings grouped by file, each with its evidence and policy clause, then a summary. */
export function formatText(report: Report, options: ReporterOptions = {}): string {
  const paint = options.color ? ansi : plain;
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(report.findings)) {
    const path = sitePath(report.root, file);
    lines.push(paint(bold, path));
    for (const finding of findings) lines.push(...describe(finding, path, paint), '');
  }
  if (report.crawl) lines.push(...describeCoverage(report.crawl), '');
  const summary = summarize(report);
  const colour = report.summary.errors > 0 ? red : report.summary.warnings > 0 ? yellow : green;
  lines.push(paint(colour, summary));
  return lines.join('\n');
}

function describe(finding: Finding, path: string, paint: Paint): string[] {
  const severity = finding.severity === 'error' ? paint(red, 'error  ') : paint(yellow, 'warning');
  const [first, ...rest] = finding.message.split(/\r?\n/);
  const lines = [
    `  ${position(path, finding.line, finding.column)}  ${severity}  ${first}  ${paint(dim, finding.ruleId)}`,
  ];
  for (const more of rest) lines.push(`      ${more}`);
  if (finding.evidence) {
    for (const excerpt of finding.evidence.split(/\r?\n/)) lines.push(paint(dim, `      │ ${excerpt}`));
  }
  lines.push(`      policy: ${finding.policy}`);
  return lines;
}

/** Which pages the crawl opened, and the other files by why they were not opened (a redirect stub each by name). */
function describeCoverage({ pages, notVisited }: CrawlCoverage): string[] {
  const reasons = new Map<string, number>();
  for (const { reason } of notVisited) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const lines = [`Opened ${pages.length} page${pages.length === 1 ? '' : 's'} in Chromium.`];
  if (notVisited.length > 0) lines.push(`Not opened as pages (${notVisited.length}):`);
  for (const [reason, count] of reasons) lines.push(`  ${count} × ${reason}`);
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
