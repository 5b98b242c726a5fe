import type { ResolvedConfig } from '../config/load.ts';
import type { Location, ObservationKind, ObservationOf } from '../observations.ts';
import type { Category, Severity } from '../report.ts';

/** What a rule reports; the runner turns it into a Finding (id, severity, policy, location, text). */
export interface Hit<MessageId extends string = string> {
  messageId: MessageId;
  /** Values for the message's `{placeholders}`. */
  data?: Record<string, string>;
  /** Defaults to the observation's own location. */
  at?: Location;
  url?: string;
  host?: string;
  vendor?: string;
  evidence?: string;
}

export interface RuleDefinition<K extends ObservationKind = ObservationKind, MessageId extends string = string> {
  /** `category/name`; equals the file path under scanners/rules/. */
  id: string;
  category: Category;
  severity: Severity;
  /** Anchor of the policy clause the rule protects, e.g. `/privacy/#forms`. */
  policy: string;
  /** One paragraph: why this matters to the site's visitors. */
  docs: string;
  /** How to fix it, with concrete examples; `nospy explain` and SARIF's help print it after `docs`. */
  fix: string;
  /** Message templates by id, one sentence each: what is wrong (naming the value) and what to do. */
  messages: Record<MessageId, string>;
  /** The observation kinds the rule reads. */
  observes: readonly K[];
  /** Pure: no I/O, clock, globals or mutation. Called once per observation of an observed kind. */
  check(observation: ObservationOf<K>, config: ResolvedConfig): Hit<MessageId> | Hit<MessageId>[] | undefined;
}

/** Identity helper that types a rule module's default export. */
export function defineRule<K extends ObservationKind, MessageId extends string>(
  rule: RuleDefinition<K, MessageId>,
): RuleDefinition<K, MessageId> {
  return rule;
}
