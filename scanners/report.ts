/** Finding categories, exactly as in SPEC.md's JSON report. */
export const categories = [
  'cookies',
  'trackers',
  'third-party',
  'forms',
  'embeds',
  'external-links',
  'headers',
  'input',
  'suppressions',
] as const;
export type Category = (typeof categories)[number];

export type Severity = 'error' | 'warning';

/** One finding of the JSON report (SPEC.md). */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** Relative to the scanned directory, `/` separators. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  url?: string;
  host?: string;
  vendor?: string;
  evidence?: string;
  /** Link to the clause of the site's privacy policy the rule protects, e.g. `/privacy/#forms`. */
  policy: string;
  /** Present when an accepted exception covers the finding: it stays in the report but fails nothing. */
  suppressed?: Suppressed;
}

/** How a finding was accepted: a comment or attribute in the file, a config `suppress` entry, or the baseline. */
export interface Suppressed {
  kind: 'inline' | 'config' | 'baseline';
  reason: string;
}

/** What `check --baseline` says about the baseline file. */
export interface BaselineSummary {
  file: string;
  /** Findings the baseline covers. */
  matched: number;
  /** Baseline entries no finding matches any more: debt paid, so the file can be pruned. */
  unmatched: number;
}

/** What `nospy crawl` opened in the browser, and why each other file `nospy check` scans was not opened. */
export interface CrawlCoverage {
  pages: string[];
  notVisited: { file: string; reason: string }[];
}

/** The report model every reporter prints; `--format json` is this, serialised. */
export interface Report {
  version: 1;
  tool: { name: 'nospy'; version: string };
  root: string;
  /** `suppressed` when any finding is suppressed or a baseline is used; `baseline` only with `--baseline`. */
  summary: { files: number; errors: number; warnings: number; suppressed?: number; baseline?: BaselineSummary };
  findings: Finding[];
  /** Only in a crawl's report. */
  crawl?: CrawlCoverage;
}
