import type { Finding, Report } from '../report.ts';
import { position, sitePath } from './paths.ts';
import { summarize } from './summary.ts';

/** Text safe in a table cell: pipes escaped, line breaks as <br>, markup characters as entities. */
function cell(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replaceAll('|', '\\|')
    .replace(/\r?\n/g, '<br>');
}

function row(finding: Finding, root: string, withReason: boolean): string {
  const where = position(sitePath(root, finding.file), finding.line, finding.column);
  const severity = finding.severity === 'error' ? '❌ error' : '⚠️ warning';
  const cells = [severity, `\`${finding.ruleId}\``, cell(where), cell(finding.message), cell(finding.policy)];
  if (withReason) cells.push(cell(`${finding.suppressed!.kind}: ${finding.suppressed!.reason || 'no reason given'}`));
  return `| ${cells.join(' | ')} |`;
}

function table(findings: Finding[], root: string, withReason: boolean): string[] {
  const header = ['', 'rule', 'where', 'what', 'policy', ...(withReason ? ['suppressed'] : [])];
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...findings.map((finding) => row(finding, root, withReason)),
  ];
}

/**
 * GitHub-flavoured Markdown for a CI job summary (`>> $GITHUB_STEP_SUMMARY`): the summary as a heading, a table of
 * the findings, and the suppressed ones folded away with their reasons.
 */
export function formatMarkdown(report: Report): string {
  const active = report.findings.filter((finding) => !finding.suppressed);
  const suppressed = report.findings.filter((finding) => finding.suppressed);
  const lines = [`## nospy: ${summarize(report)}`];
  if (active.length > 0) lines.push('', ...table(active, report.root, false));
  if (suppressed.length > 0) {
    lines.push('', `<details><summary>${suppressed.length} suppressed</summary>`, '');
    lines.push(...table(suppressed, report.root, true), '', '</details>');
  }
  return lines.join('\n');
}
