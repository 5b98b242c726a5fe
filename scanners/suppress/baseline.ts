import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import type { BaselineSummary, Finding } from '../report.ts';

/** `nospy.baseline.json`: the findings a team accepted on the day it adopted the gate. */
export interface Baseline {
  version: 1;
  tool: { name: 'nospy'; version: string };
  /** What the fingerprint hashes, kept readable so reviewers see what each entry accepts. */
  findings: { fingerprint: string; ruleId: string; file: string; subject: string }[];
}

export const defaultBaselineFile = 'nospy.baseline.json';

/**
 * A content hash in a bundled script's or style sheet's name (`index.3Fq9aZ1x.js`, `main-4f2a9c1e.css`): rebuilt
 * files get new ones, so the fingerprint replaces it to keep matching the same file. Pages keep their names.
 */
const assetHash = /[.-](?=[\w-]*\d)[\w-]{8,}(?=\.(?:[cm]?js|css)$)/;

/** What tells a finding apart from others of its rule in its file, without its line or column. */
function subjectOf(finding: Finding): string {
  if (finding.url !== undefined) {
    if (!URL.canParse(finding.url)) return finding.url.trim();
    const url = new URL(finding.url);
    url.hash = '';
    return url.href;
  }
  if (finding.host !== undefined) return finding.host.toLowerCase();
  return (finding.evidence ?? finding.message).replace(/\s+/g, ' ').trim();
}

/**
 * The fingerprint of each finding not yet suppressed (undefined for the others): rule id, file (content hashes
 * aside), subject, and the finding's order among the identical ones before it. Findings come in report order.
 */
export function fingerprintFindings(findings: readonly Finding[]): (Baseline['findings'][number] | undefined)[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    if (finding.suppressed) return undefined;
    const file = finding.file.replace(assetHash, '.#');
    const subject = subjectOf(finding);
    const key = `${finding.ruleId}\n${file}\n${subject}`;
    const order = seen.get(key) ?? 0;
    seen.set(key, order + 1);
    const fingerprint = createHash('sha256').update(`${key}\n${order}`).digest('hex').slice(0, 20);
    return { fingerprint, ruleId: finding.ruleId, file: finding.file, subject };
  });
}

/** The baseline that accepts every finding of the report not already suppressed. */
export function createBaseline(findings: readonly Finding[], version: string): Baseline {
  const entries = fingerprintFindings(findings).filter((entry) => entry !== undefined);
  return { version: 1, tool: { name: 'nospy', version }, findings: entries };
}

/** Reads a baseline file's fingerprints; a missing, unreadable or malformed file is a usage error naming it. */
export function readBaseline(path: string, label: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${label}: cannot read baseline (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${label}: invalid JSON; write it with nospy baseline`);
  }
  const { version, findings } = (data ?? {}) as Partial<Baseline>;
  if (version !== 1 || !Array.isArray(findings)) {
    throw new UsageError(`${label}: not a nospy baseline (expected "version": 1 and a "findings" list)`);
  }
  const fingerprints = new Set<string>();
  for (const [index, entry] of findings.entries()) {
    if (typeof entry?.fingerprint !== 'string')
      throw new UsageError(`${label}: findings.${index}.fingerprint: expected a string`);
    fingerprints.add(entry.fingerprint);
  }
  return fingerprints;
}

/** Marks the findings the baseline holds as suppressed, and counts the baseline entries nothing matches any more. */
export function suppressByBaseline(
  findings: Finding[],
  baseline: ReadonlySet<string>,
  file: string,
): { findings: Finding[]; summary: BaselineSummary } {
  const prints = fingerprintFindings(findings);
  const matched = new Set<string>();
  const marked = findings.map((finding, index) => {
    const fingerprint = prints[index]?.fingerprint;
    if (fingerprint === undefined || !baseline.has(fingerprint)) return finding;
    matched.add(fingerprint);
    return { ...finding, suppressed: { kind: 'baseline' as const, reason: `recorded in ${file}` } };
  });
  return { findings: marked, summary: { file, matched: matched.size, unmatched: baseline.size - matched.size } };
}
