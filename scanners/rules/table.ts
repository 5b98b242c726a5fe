import { readFileSync, writeFileSync } from 'node:fs';
import type { RuleDefinition } from './define-rule.ts';
import { allRules } from './index.ts';
import { ruleSummary } from './summary.ts';

/** The lines in README.md between which the generated rule table sits. */
export const tableMarkers = { start: '<!-- rules:start -->', end: '<!-- rules:end -->' } as const;

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The README's markdown table of rules: id, category, default severity, what it catches, the policy clause. */
export function renderRuleTable(rules: readonly RuleDefinition[] = allRules): string {
  const rows = rules.map(
    (rule) =>
      `| \`${rule.id}\` | ${rule.category} | ${rule.severity} | ${cell(ruleSummary(rule))} | \`${rule.policy}\` |`,
  );
  return ['| rule | category | severity | what it catches | policy |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the table; throws when a marker is missing. */
export function withRuleTable(readme: string, table = renderRuleTable()): string {
  const start = readme.indexOf(tableMarkers.start);
  const end = readme.indexOf(tableMarkers.end);
  if (start === -1 || end < start)
    throw new Error(`README.md needs the lines ${tableMarkers.start} and ${tableMarkers.end}`);
  return `${readme.slice(0, start + tableMarkers.start.length)}\n${table}\n${readme.slice(end)}`;
}

// `npx node scanners/rules/table.ts --write` regenerates the table in README.md; without --write it prints it.
if (import.meta.main) {
  if (process.argv.includes('--write')) {
    writeFileSync('README.md', withRuleTable(readFileSync('README.md', 'utf8')));
  } else {
    process.stdout.write(`${renderRuleTable()}\n`);
  }
}
