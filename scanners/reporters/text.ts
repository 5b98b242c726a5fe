import type { CrawlCoverage, Finding, Report } from '../report.ts';
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
  const { listed, elsewhere } = foldRepeats(shown);
  for (const [file, findings] of groupByFile(listed)) {
    const path = sitePath(report.root, file);
    lines.push(paint(bold, path));
    for (const finding of findings) {
      lines.push(...describe(finding, path, paint));
      const repeats = elsewhere.get(finding);
      if (repeats) lines.push(paint(dim, `      ${andMore(repeats, report.root)}`));
      lines.push('');
    }
  }
  if (report.crawl) lines.push(...describeCoverage(report.crawl), '');
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

/** Which pages the crawl opened, and the other files by why they were not opened (a redirect stub each by name). */
function describeCoverage({ pages, notVisited }: CrawlCoverage): string[] {
  const reasons = new Map<string, number>();
  for (const { reason } of notVisited) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const lines = [`Opened ${pages.length} page${pages.length === 1 ? '' : 's'} in Chromium.`];
  if (notVisited.length > 0) lines.push(`Not opened as pages (${notVisited.length}):`);
  for (const [reason, count] of reasons) lines.push(`  ${count} × ${reason}`);
  return lines;
}

/** What makes two findings in different files the same problem: one shared layout or script repeated on each page. */
function repeatKey(finding: Finding): string {
  return `${finding.ruleId}\n${finding.message}\n${finding.evidence ?? ''}\n${finding.suppressed?.reason ?? ''}`;
}

/**
 * The findings to list, and for the first of each problem the same problem in later files, which text output folds
 * into one line under it (JSON and SARIF keep every location). Repeats within a file stay listed: each is its own fix.
 */
function foldRepeats(findings: Finding[]): { listed: Finding[]; elsewhere: Map<Finding, Finding[]> } {
  const first = new Map<string, Finding>();
  const elsewhere = new Map<Finding, Finding[]>();
  const listed = findings.filter((finding) => {
    const key = repeatKey(finding);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, finding);
    if (earlier === undefined || earlier.file === finding.file) return true;
    elsewhere.set(earlier, [...(elsewhere.get(earlier) ?? []), finding]);
    return false;
  });
  return { listed, elsewhere };
}

function andMore(repeats: Finding[], root: string): string {
  const files = new Set(repeats.map((finding) => finding.file)).size;
  const shown = repeats
    .slice(0, 3)
    .map((finding) => position(sitePath(root, finding.file), finding.line, finding.column));
  const rest = repeats.length > shown.length ? ', …' : '';
  return `and ${files} more file${files === 1 ? '' : 's'}: ${shown.join(', ')}${rest}`;
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
