import type { ResolvedConfig } from './config/load.ts';
import type { Location, Observation, ObservationKind } from './observations.ts';
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

/** A rule's clause (`/privacy/#forms`) on the site's own policy page: `policyPage` plus the anchor. */
export function policyLink(clause: string, config: Pick<ResolvedConfig, 'policyPage'>): string {
  const hash = clause.indexOf('#');
  return hash === -1 ? config.policyPage : `${config.policyPage}${clause.slice(hash)}`;
}

const placeholder = /\{(\w+)\}/g;

function formatMessage(template: string, data: Record<string, string> | undefined): string {
  if (!data) return template;
  return template.replace(placeholder, (whole, key: string) => data[key] ?? whole);
}

function toFinding(
  hit: Hit,
  observation: Observation,
  { rule, severity }: ActiveRule,
  config: ResolvedConfig,
): Finding {
  const at = hit.at ?? observation;
  // Policy is set last so the JSON key order follows SPEC.md.
  const finding = {
    ruleId: rule.id,
    category: rule.category,
    // Code with a syntax error never runs: what it would do is worth a warning, not a failed build.
    severity: observation.unparsed && severity === 'error' ? 'warning' : severity,
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
  finding.policy = policyLink(rule.policy, config);
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
        for (const hit of hits) findings.push(toFinding(hit, observation, active[i], config));
      } else {
        findings.push(toFinding(hits, observation, active[i], config));
      }
    }
  }
  return findings;
}

/**
 * A finding the runner reports itself rather than a rule's `check` (a file it cannot read, a suppression comment it
 * judges), stamped as `runRules` stamps hits; none when the config turns the rule off.
 */
export function runnerFindings<MessageId extends string>(
  rule: RuleDefinition<ObservationKind, MessageId>,
  hit: Hit<MessageId> & { at: Location },
  config: ResolvedConfig,
): Finding[] {
  const severity = config.rules[rule.id] ?? rule.severity;
  if (severity === 'off') return [];
  const { file, line, column } = hit.at;
  const finding = {
    ruleId: rule.id,
    category: rule.category,
    severity,
    file,
    line,
    column,
    message: formatMessage(rule.messages[hit.messageId], hit.data),
  } as Finding;
  if (hit.evidence) finding.evidence = hit.evidence;
  finding.policy = policyLink(rule.policy, config);
  return [finding];
}

/** The finding for a file that cannot be read or decoded (`input/unreadable`); the runner scans the other files. */
export function inputFindings(file: string, message: string, config: ResolvedConfig): Finding[] {
  // The whole file is the problem; 1:1 keeps the finding's shape the same as every other's.
  const at = { file, line: 1, column: 1 };
  return runnerFindings(unreadable, { messageId: 'unreadable', data: { file, reason: message }, at }, config);
}

/** A player embed is reported by embeds/third-party-player, which names the private alternative; its frame request
 * would also be a known tracker's. */
const samePlaceAs: Record<string, string> = { 'trackers/known-tracker': 'embeds/third-party-player' };

/**
 * One code path, one finding: of a file's findings, a rule's repeats on one line with the same message (a snippet's
 * calls, one script's storage uses) count once, and a tracker finding on a player embed the embed rule reports
 * already is left out. Keeps the first of each in order; recall per line and rule is unchanged.
 */
export function oneFindingPerCodePath(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const where = (finding: Finding, ruleId = finding.ruleId) =>
    `${ruleId}\n${finding.line}:${finding.column}\n${finding.url}`;
  const places = new Set(findings.map((finding) => where(finding)));
  return findings.filter((finding) => {
    const covering = samePlaceAs[finding.ruleId];
    if (covering && places.has(where(finding, covering))) return false;
    const key = `${finding.ruleId}\n${finding.line}\n${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
