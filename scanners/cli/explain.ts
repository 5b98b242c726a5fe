import { UsageError } from '../errors.ts';
import { categories } from '../report.ts';
import type { RuleDefinition } from '../rules/define-rule.ts';
import { allRules } from '../rules/index.ts';
import { ruleSummary } from '../rules/summary.ts';
import { closestMatch } from '../config/suggest.ts';

/** Wraps a paragraph at 100 columns, indented, for the terminal. */
function wrap(text: string, indent = '  '): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > 100) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

/** `nospy explain <ruleId>`: why the rule matters to visitors, the policy clause it protects, how to fix it. */
export function explainRule(id: string): string {
  const rule = allRules.find((candidate) => candidate.id === id);
  if (!rule) {
    const known = allRules.map((candidate) => candidate.id);
    const guess = closestMatch(id, known);
    const inCategory = (categories as readonly string[]).includes(id)
      ? ` (the category ${id} has ${known.filter((ruleId) => ruleId.startsWith(`${id}/`)).join(', ')})`
      : guess
        ? ` (did you mean "${guess}"?)`
        : '';
    throw new UsageError(`explain: unknown rule id "${id}"${inCategory}; nospy rules lists them`);
  }
  return [
    `${rule.id}  (${rule.category}, ${rule.severity} by default)`,
    '',
    'Why it matters',
    wrap(rule.docs),
    '',
    'How to fix',
    wrap(rule.fix),
    '',
    `Policy clause: ${rule.policy} (on your policyPage, default /privacy/)`,
    `Turn it down or off: "rules": { "${rule.id}": "warning" } in nospy.config.json; accept one case with a suppression (see README).`,
  ].join('\n');
}

function summaryOf(rule: RuleDefinition) {
  return { id: rule.id, category: rule.category, severity: rule.severity, summary: ruleSummary(rule) };
}

/** `nospy rules`: every rule with its id, category, default severity and a one-sentence summary. */
export function listRules(format = 'text'): string {
  const rules = allRules.map(summaryOf);
  if (format === 'json') return JSON.stringify(rules, null, 2);
  if (format !== 'text') throw new UsageError(`rules: --format: expected text or json; got "${format}"`);
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const categoryWidth = Math.max(...rules.map((rule) => rule.category.length));
  return rules
    .map(
      (rule) =>
        `${rule.id.padEnd(idWidth)}  ${rule.category.padEnd(categoryWidth)}  ${rule.severity.padEnd(7)}  ${rule.summary}`,
    )
    .join('\n');
}
