import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../scanners/rules/index.ts';
import { renderRuleTable, tableMarkers, withRuleTable } from '../../scanners/rules/table.ts';

const readmePath = join(import.meta.dirname, '../../README.md');
const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : '';
const hasMarkers = readme.includes(tableMarkers.start) && readme.includes(tableMarkers.end);

describe('README rule table', () => {
  it.runIf(hasMarkers)(
    'is up to date with the rule registry (regenerate: npx node scanners/rules/table.ts --write)',
    () => {
      expect(
        withRuleTable(readme),
        'README.md rule table is stale: run `npx node scanners/rules/table.ts --write`',
      ).toBe(readme);
    },
  );

  it('lists every rule once with its severity and policy', () => {
    const table = renderRuleTable();
    expect(table).toContain('| `forms/post-to-cdn` | forms | error |');
    expect(table).toContain('`/privacy/#forms`');
    expect(table.split('\n')).toHaveLength(2 + allRules.length);
  });

  it('replaces only the text between the markers, and a second run changes nothing', () => {
    const before = `# x\n${tableMarkers.start}\nold\n${tableMarkers.end}\nafter\n`;
    const once = withRuleTable(before, '| t |');
    expect(once).toBe(`# x\n${tableMarkers.start}\n| t |\n${tableMarkers.end}\nafter\n`);
    expect(withRuleTable(once, '| t |')).toBe(once);
  });

  it('refuses a README without the markers', () => {
    expect(() => withRuleTable('# no table\n')).toThrow(tableMarkers.start);
  });
});
