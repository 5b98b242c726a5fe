import type { ResolvedConfig } from './config/load.ts';
import type { Observation, ObservationKind } from './observations.ts';
import type { Finding, Severity } from './report.ts';
import type { Hit, RuleDefinition } from './rules/define-rule.ts';
import { allRules } from './rules/index.ts';
import unreadable from './rules/input/unreadable.ts';

interface ActiveRule {
  rule: RuleDefinition;
  severity: Severity;
}
type Plan = Partial<Record<ObservationKind, ActiveRule[]>>;

const plans = new WeakMap<readonly RuleDefinition[], WeakMap<ResolvedConfig, Plan>>();

/** Which enabled rules, at which severity, read each observation kind; cached per rule set and config. */
function planFor(rules: readonly RuleDefinition[], config: ResolvedConfig): Plan {
  let byConfig = plans.get(rules);
  if (!byConfig) plans.set(rules, (byConfig = new WeakMap()));
  let plan = byConfig.get(config);
  if (plan) return plan;
  plan = {};
  for (const rule of rules) {
    const override = config.rules[rule.id];
    if (override === 'off') continue;
    const active = { rule, severity: override ?? rule.severity };
    for (const kind of rule.observes) (plan[kind] ??= []).push(active);
  }
  byConfig.set(config, plan);
  return plan;
}

const placeholder = /\{(\w+)\}/g;

function formatMessage(template: string, data: Record<string, string> | undefined): string {
  if (!data) return template;
  return template.replace(placeholder, (whole, key: string) => data[key] ?? whole);
}

function toFinding(hit: Hit, observation: Observation, { rule, severity }: ActiveRule): Finding {
  const at = hit.at ?? observation;
  // Policy is set last so the JSON key order follows SPEC.md.
  const finding = {
    ruleId: rule.id,
    category: rule.category,
    severity,
    file: at.file,
    line: at.line,
    column: at.column,
    message: formatMessage((rule.messages as Record<string, string>)[hit.messageId], hit.data),
  } as Finding;
  // Only request, navigation, form and embed observations carry a URL.
  const located = observation as { url?: string; host?: string };
  const url = hit.url ?? located.url;
  const host = hit.host ?? located.host;
  const vendor = hit.vendor;
  const evidence = hit.evidence ?? observation.evidence;
  if (url) finding.url = url;
  if (host) finding.host = host;
  if (vendor) finding.vendor = vendor;
  if (evidence) finding.evidence = evidence;
  finding.policy = rule.policy;
  return finding;
}

/**
 * Runs every enabled rule on the observations of the kinds it observes and returns the findings, stamped with
 * rule id, category, severity (after `config.rules` overrides), policy, location and message text. Unsorted.
 */
export function runRules(
  observations: Iterable<Observation>,
  config: ResolvedConfig,
  rules: readonly RuleDefinition[] = allRules,
): Finding[] {
  const plan = planFor(rules, config);
  const findings: Finding[] = [];
  for (const observation of observations) {
    const active = plan[observation.kind];
    if (!active) continue;
    for (let i = 0; i < active.length; i++) {
      const hits = active[i].rule.check(observation, config);
      if (hits === undefined) continue;
      if (Array.isArray(hits)) {
        for (const hit of hits) findings.push(toFinding(hit, observation, active[i]));
      } else {
        findings.push(toFinding(hits, observation, active[i]));
      }
    }
  }
  return findings;
}

/**
 * The finding for a file that cannot be read or decoded (`input/unreadable`, unless the config turns it off); the
 * runner scans the other files.
 */
export function inputFindings(file: string, message: string, config: ResolvedConfig): Finding[] {
  const severity = config.rules[unreadable.id] ?? unreadable.severity;
  if (severity === 'off') return [];
  return [
    {
      ruleId: unreadable.id,
      category: unreadable.category,
      severity,
      file,
      // The whole file is the problem; 1:1 keeps the finding's shape the same as every other's.
      line: 1,
      column: 1,
      message: formatMessage(unreadable.messages.unreadable, { file, reason: message }),
      policy: unreadable.policy,
    },
  ];
}

function compareOptional(a: number | undefined, b: number | undefined): number {
  return (a ?? 0) - (b ?? 0);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Report order: file, line, column, rule id, message; by code unit, so any worker count prints the same. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    compareOptional(a.line, b.line) ||
    compareOptional(a.column, b.column) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}
