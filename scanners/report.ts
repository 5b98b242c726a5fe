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
  summary: { files: number; errors: number; warnings: number };
  findings: Finding[];
  /** Only in a crawl's report. */
  crawl?: CrawlCoverage;
}
