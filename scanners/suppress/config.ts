import picomatch from 'picomatch';
import { matchesHostPattern } from '../config/hosts.ts';
import type { Suppression } from '../config/schema.ts';
import type { Finding } from '../report.ts';
import { namesFinding } from './directive.ts';

/**
 * Marks the findings a config `suppress` entry covers (its rule or category, and its `host` and `files` when
 * given) as suppressed with the entry's reason; findings already suppressed keep their mark.
 */
export function suppressByConfig(findings: Finding[], entries: readonly Suppression[]): Finding[] {
  if (entries.length === 0) return findings;
  const filters = entries.map((entry) => ({
    entry,
    inFiles: entry.files ? picomatch(entry.files, { dot: true }) : () => true,
  }));
  return findings.map((finding) => {
    if (finding.suppressed) return finding;
    const match = filters.find(
      ({ entry, inFiles }) =>
        namesFinding(entry.rule, finding) &&
        (entry.host === undefined || (finding.host !== undefined && matchesHostPattern(finding.host, entry.host))) &&
        inFiles(finding.file),
    );
    return match ? { ...finding, suppressed: { kind: 'config' as const, reason: match.entry.reason } } : finding;
  });
}
