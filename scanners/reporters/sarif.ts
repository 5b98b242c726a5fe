import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Report, Suppressed } from '../report.ts';
import type { RuleDefinition } from '../rules/define-rule.ts';
import { allRules } from '../rules/index.ts';
import { ruleSummary } from '../rules/summary.ts';
import { sitePath } from './paths.ts';

const schema = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF 2.1.0 for GitHub code scanning: every registered rule, one result per finding. */
export function formatSarif(report: Report, rules: readonly RuleDefinition[] = allRules): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: schema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: rules.map(describeRule),
          },
        },
        results: report.findings.map((finding) => toResult(finding, report.root, ruleIndex.get(finding.ruleId))),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

function describeRule(rule: RuleDefinition) {
  const summary = ruleSummary(rule);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: summary },
    fullDescription: { text: rule.docs },
    help: {
      text: `${rule.docs}\n\nHow to fix: ${rule.fix}\n\nPolicy clause: ${rule.policy}`,
      markdown: `${rule.docs}\n\n**How to fix:** ${rule.fix}\n\nPolicy clause: \`${rule.policy}\``,
    },
    defaultConfiguration: { level: rule.severity },
    properties: { category: rule.category, tags: ['privacy', rule.category] },
  };
}

function toResult(finding: Finding, root: string, index: number | undefined) {
  const region = finding.line === undefined ? undefined : { startLine: finding.line, startColumn: finding.column ?? 1 };
  const { url, host, vendor, evidence, policy } = finding;
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: finding.severity,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(sitePath(root, finding.file)) },
          ...(region ? { region } : {}),
        },
      },
    ],
    ...(finding.suppressed ? { suppressions: [toSuppression(finding.suppressed)] } : {}),
    properties: { category: finding.category, policy, url, host, vendor, evidence },
  };
}

/** A comment or attribute in the file is an in-source suppression; a config entry or the baseline is external. */
function toSuppression({ kind, reason }: Suppressed) {
  return {
    kind: kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: reason || 'no reason given',
    properties: { nospyKind: kind },
  };
}

/** A URI reference code scanning resolves against the checkout: relative stays relative, percent-encoded. */
function toUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}

function pascalCase(id: string): string {
  return id
    .split(/[/-]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
