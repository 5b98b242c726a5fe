import type { Report } from '../report.ts';

/** Output formats of `--format`. */
export const formats = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof formats)[number];

export interface ReporterOptions {
  /** Use ANSI colours (text only); the CLI decides from the TTY, NO_COLOR and FORCE_COLOR. */
  color?: boolean;
}

/** Prints a report; pure, no trailing newline. */
export type Reporter = (report: Report, options?: ReporterOptions) => string;
