import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../scanners/config/load.ts';
import { runRules } from '../../scanners/engine.ts';
import { categories } from '../../scanners/report.ts';
import type { RuleDefinition } from '../../scanners/rules/define-rule.ts';
import { allRules, ruleIds } from '../../scanners/rules/index.ts';
import { dumpObservations, scanFile } from '../../scanners/scan.ts';
import { walkSite } from '../../scanners/walk.ts';
import { testConfig } from './support.ts';

const rulesDir = join(import.meta.dirname, '../../scanners/rules');
const privacyPage = join(import.meta.dirname, '../../content/pages/privacy.mdx');
const fixtureRoots = [
  // Each rule's whole-page fixtures, read with the test config, without an origin or Bunny, and in interstitial mode.
  ...[
    testConfig(),
    testConfig({ origin: undefined, bunny: undefined }),
    testConfig({ externalLinks: { mode: 'interstitial' } }),
  ].map((config) => ({ dir: import.meta.dirname, config })),
  ...['adversarial', 'realistic-site'].map((name) => {
    const dir = join(import.meta.dirname, '../fixtures', name);
    return { dir, config: loadConfig(join(dir, 'nospy.config.json'), ruleIds) };
  }),
];

/**
 * The message ids each rule reports over every fixture of the repository, gathered as `nospy check` gathers them:
 * a message no fixture makes the rule report is either dead or untested.
 */
async function reportedMessageIds(): Promise<Map<string, Set<string>>> {
  const reported = new Map(allRules.map((rule) => [rule.id, new Set<string>()]));
  const recording = allRules.map(
    (rule): RuleDefinition => ({
      ...rule,
      check(observation, config) {
        const hits = rule.check(observation, config);
        for (const hit of [hits ?? []].flat()) reported.get(rule.id)!.add(hit.messageId);
        return hits;
      },
    }),
  );
  for (const { dir, config } of fixtureRoots)
    for await (const file of walkSite(dir)) {
      const gathered = dumpObservations(file, readFileSync(join(dir, file)), config);
      if (gathered.ok) runRules(gathered.value, config, recording);
    }
  // What only the browser gatherer reports (test/crawl shows that it does): a response that sets a cookie, a CSP
  // block, Chromium's own complaint about a header.
  const inBrowser = { source: 'browser', file: 'index.html', line: 1, column: 1 } as const;
  runRules(
    [
      { kind: 'storage', ...inBrowser, api: 'set-cookie' },
      { kind: 'refusal', ...inBrowser, cause: 'csp', detail: 'script-src', blocked: 'inline' },
      { kind: 'refusal', ...inBrowser, cause: 'console', detail: "Unrecognized feature: 'vr'." },
    ],
    testConfig(),
    recording,
  );
  // input/unreadable is the runner's own: a file that does not decode.
  const [unreadable] = scanFile('broken.html', new Uint8Array([0x3c, 0x80, 0x81, 0xc3]), testConfig());
  if (unreadable?.ruleId === 'input/unreadable') reported.get('input/unreadable')!.add('unreadable');
  // So are suppressions/* (one message each): a directive without a reason, and one that covers nothing.
  const script =
    '// nospy-ignore-next-line cookies/storage\nlocalStorage.a = 1;\n// nospy-ignore-next-line trackers -- stale\n';
  for (const finding of scanFile('app.js', new TextEncoder().encode(script), testConfig())) {
    const rule = allRules.find((candidate) => candidate.id === finding.ruleId && candidate.category === 'suppressions');
    if (rule) reported.get(rule.id)!.add(Object.keys(rule.messages)[0]!);
  }
  return reported;
}
const reported = await reportedMessageIds();

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
      expect(rule.fix.trim().length, `${id}: fix`).toBeGreaterThan(80);
      expect(rule.policy).toMatch(/^\/privacy\/(#[a-z-]+)?$/);
      for (const [messageId, text] of Object.entries<string>(rule.messages)) {
        expect(text, `${id}: ${messageId}`).toMatch(/^[A-Z`{<].*[.)]$/);
        expect(reported.get(id), `${id}: no fixture makes it report message ${messageId}`).toContain(messageId);
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
