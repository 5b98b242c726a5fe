import type { Report } from '../report.ts';

/** Output formats of `--format`. */
export const formats = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
export type Format = (typeof formats)[number];

export interface ReporterOptions {
  /** Use ANSI colours (text only); the CLI decides from the TTY, NO_COLOR and FORCE_COLOR. */
  color?: boolean;
  /** List suppressed findings too (text and markdown); every other format always keeps them, marked. */
  showSuppressed?: boolean;
}

/** Prints a report; pure, no trailing newline. */
export type Reporter = (report: Report, options?: ReporterOptions) => string;
