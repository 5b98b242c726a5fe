import type { RuleDefinition } from './define-rule.ts';

/** A rule's one-sentence summary: the first sentence of its docs (the README table, `nospy rules`, SARIF). */
export function ruleSummary(rule: Pick<RuleDefinition, 'docs'>): string {
  return /^.*?\.(?=\s|$)/s.exec(rule.docs)?.[0] ?? rule.docs;
}
