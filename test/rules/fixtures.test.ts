import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../scanners/engine.ts';
import { allRules } from '../../scanners/rules/index.ts';
import { gatherPage, testConfig } from './support.ts';

const here = import.meta.dirname;
const config = testConfig();
const expectMarker = /<!-- expect: ([a-z-]+\/[a-z-]+) -->/;

/** `<category>/<name>/{bad,good}.html` next to the rule's test: whole pages for that one rule. */
const pages = readdirSync(here, { recursive: true, encoding: 'utf8' })
  .map((path) => path.replaceAll('\\', '/'))
  .filter((path) => /^[a-z-]+\/[a-z-]+\/(bad|good)\.html$/.test(path))
  .sort();

/** Lines (1-based, unique, ascending) where the rule reports something on the page. */
function reportedLines(ruleId: string, html: string): number[] {
  const rule = allRules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const lines = runRules(gatherPage(html), config, [rule]).map((finding) => finding.line ?? 0);
  return [...new Set(lines)].sort((a, b) => a - b);
}

describe('whole-page fixtures', () => {
  it('exist for rules that read pages', () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages)('%s: reports exactly the lines marked <!-- expect: rule -->', (path) => {
    const ruleId = dirname(path);
    const html = readFileSync(join(here, path), 'utf8');
    const expected = html.split('\n').flatMap((line, index) => {
      const marker = expectMarker.exec(line);
      if (marker) expect(marker[1], `${path}:${index + 1} names another rule`).toBe(ruleId);
      return marker ? [index + 1] : [];
    });
    if (path.endsWith('bad.html')) expect(expected.length, `${path} marks no line`).toBeGreaterThan(0);
    expect(reportedLines(ruleId, html)).toEqual(expected);
  });
});
