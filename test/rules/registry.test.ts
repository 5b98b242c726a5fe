import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categories } from '../../scanners/report.ts';
import { allRules, ruleIds } from '../../scanners/rules/index.ts';

const rulesDir = join(import.meta.dirname, '../../scanners/rules');
const privacyPage = join(import.meta.dirname, '../../content/pages/privacy.mdx');
/** Message ids the runner uses itself rather than a rule's check (input/unreadable's, in engine.ts). */
const engineSource = readFileSync(join(import.meta.dirname, '../../scanners/engine.ts'), 'utf8');

/** Rule files: `scanners/rules/<category>/<name>.ts`, helpers excluded. */
function ruleFiles(): string[] {
  return readdirSync(rulesDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /^[a-z-]+\/[a-z-]+\.ts$/.test(path.replaceAll('\\', '/')) && !path.startsWith('helpers'))
    .map((path) => path.replaceAll('\\', '/'))
    .sort();
}

describe('rule registry', () => {
  it('registers every rule file, in id order, under the id its path names', async () => {
    expect(allRules.map((rule) => `${rule.id}.ts`)).toEqual(ruleFiles());
    for (const rule of allRules) {
      const module = (await import(join(rulesDir, `${rule.id}.ts`))) as { default: unknown };
      expect(module.default, rule.id).toBe(rule);
    }
  });

  it('has unique ids, and ruleIds holds them all', () => {
    expect(ruleIds.size).toBe(allRules.length);
  });

  it.each(allRules.map((rule) => [rule.id, rule] as const))(
    '%s: category, docs, messages and policy are complete',
    (id, rule) => {
      expect(categories).toContain(rule.category);
      expect(id.startsWith(`${rule.category}/`)).toBe(true);
      expect(rule.docs.trim().length).toBeGreaterThan(80);
      expect(rule.policy).toMatch(/^\/privacy\/(#[a-z-]+)?$/);
      const source = readFileSync(join(rulesDir, `${id}.ts`), 'utf8');
      for (const [messageId, text] of Object.entries<string>(rule.messages)) {
        expect(text, `${id}: ${messageId}`).toMatch(/^[A-Z`{<].*[.)]$/);
        const used =
          new RegExp(`messageId: [^,}]*'${messageId}'`).test(source) || engineSource.includes(`messages.${messageId}`);
        expect(used, `${id}: message ${messageId} is never reported`).toBe(true);
      }
    },
  );

  it.runIf(existsSync(privacyPage))('cites only anchors that exist on the privacy page', () => {
    const page = readFileSync(privacyPage, 'utf8');
    const anchors = new Set([...page.matchAll(/\bid="([^"]+)"|\{#([a-z-]+)\}/g)].map((match) => match[1] ?? match[2]));
    for (const rule of allRules) {
      const anchor = rule.policy.split('#')[1];
      if (anchor) expect(anchors, `${rule.id} cites ${rule.policy}`).toContain(anchor);
    }
  });
});
