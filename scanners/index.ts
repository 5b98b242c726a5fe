/**
 * nospy's API: the gate as functions, for build scripts and other tools. The CLI and the Astro integration
 * (`nospy/astro`) are built on the same modules.
 *
 *   import { check, fix } from 'nospy';
 *   const report = await check('dist');
 *   if (report.summary.errors > 0) process.exitCode = 1;
 */
import { resolve } from 'node:path';
import { version } from './cli/version.ts';
import { defaultConfigFile, loadConfig as loadConfigFile, type ResolvedConfig } from './config/load.ts';
import { createReport } from './reporters/index.ts';
import type { Report } from './report.ts';
import { ruleIds } from './rules/index.ts';
import { scanDirectory } from './scan.ts';
import { suppressByConfig } from './suppress/config.ts';
import { type FixResult, fixDirectory } from './transforms/index.ts';

export type { ResolvedConfig } from './config/load.ts';
export type { Config, ConfigInput } from './config/schema.ts';
export { ConfigError, NospyError, UsageError } from './errors.ts';
export { formats, type Format } from './reporters/index.ts';
export type { BaselineSummary, Category, Finding, Report, Severity, Suppressed } from './report.ts';
export type { FixResult } from './transforms/index.ts';

/** Where `check` and `fix` take their config from. */
export interface GateOptions {
  /**
   * A config from `loadConfig`, or the path of a config file; default `nospy.config.json` in `cwd`. A missing or
   * invalid file throws a ConfigError naming the file and the key.
   */
  config?: ResolvedConfig | string;
  /** What relative paths resolve against; default `process.cwd()`. */
  cwd?: string;
}

/**
 * Reads, parses (JSONC) and validates a nospy config file. Throws ConfigError naming the file and key, the error
 * the CLI prints before it exits 2.
 */
export function loadConfig(file: string): ResolvedConfig {
  return loadConfigFile(file, ruleIds);
}

function configOf(options: GateOptions): ResolvedConfig {
  const cwd = options.cwd ?? process.cwd();
  if (typeof options.config === 'object') return options.config;
  return loadConfig(resolve(cwd, options.config ?? defaultConfigFile));
}

/**
 * Checks a built site, as `nospy check <dir>` does: the report model of `--format json` (SPEC.md), findings
 * sorted, inline and config suppressions applied. `report.summary.errors > 0` is what fails a build.
 */
export async function check(dir: string, options: GateOptions = {}): Promise<Report> {
  const config = configOf(options);
  const { files, findings } = await scanDirectory(resolve(options.cwd ?? process.cwd(), dir), config);
  return createReport(dir, version, files, suppressByConfig(findings, config.suppress));
}

/**
 * Applies the safe build transforms to a built site in place, as `nospy fix <dir>` does (marks external links,
 * routes same-site POST forms to the origin, writes `_headers`); idempotent. Returns what changed.
 */
export async function fix(dir: string, options: GateOptions = {}): Promise<FixResult> {
  return fixDirectory(resolve(options.cwd ?? process.cwd(), dir), configOf(options));
}
