import type { Report } from '../report.ts';
import { sitePath } from './paths.ts';
import { summarize } from './summary.ts';

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: one annotation per finding on its file and line, then the summary. Suppressed
 * findings are accepted, so they annotate nothing; the summary counts them.
 */
export function formatGithub(report: Report): string {
  const lines = report.findings
    .filter((finding) => !finding.suppressed)
    .map((finding) => {
      const properties = [`file=${escapeProperty(sitePath(report.root, finding.file))}`];
      if (finding.line !== undefined) properties.push(`line=${finding.line}`);
      if (finding.column !== undefined) properties.push(`col=${finding.column}`);
      properties.push(`title=${escapeProperty(finding.ruleId)}`);
      const message = `${finding.message}\nPolicy: ${finding.policy}`;
      return `::${finding.severity} ${properties.join(',')}::${escapeData(message)}`;
    });
  lines.push(summarize(report));
  return lines.join('\n');
}
