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
import { createReport, type Format, type ReporterOptions, reporters } from './reporters/index.ts';
import type { Report } from './report.ts';
import { ruleIds } from './rules/index.ts';
import { scanDirectory, scanFile } from './scan.ts';
import { suppressByConfig } from './suppress/config.ts';
import { type FixResult, fixDirectory, transformPage } from './transforms/index.ts';

export { defaultConfigFile, type ResolvedConfig } from './config/load.ts';
export type { Config, ConfigInput } from './config/schema.ts';
export { ConfigError, NospyError, UsageError } from './errors.ts';
export { formats, type Format, type ReporterOptions } from './reporters/index.ts';
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
 * routes same-site POST forms to the origin, writes `_headers`); idempotent. Returns what changed. Rejects with a
 * NospyError naming Cloudflare's limit when no Content-Security-Policy fits `_headers`.
 */
export async function fix(dir: string, options: GateOptions = {}): Promise<FixResult> {
  return fixDirectory(resolve(options.cwd ?? process.cwd(), dir), configOf(options));
}

/**
 * Checks one page's HTML, suppressions applied, as `check` checks a built file at `file` (relative to the site's root, `/` separators):
 * what the Astro integration runs on each page `astro dev` serves.
 */
export function checkPage(file: string, html: string, options: GateOptions = {}): Report {
  const config = configOf(options);
  const findings = scanFile(file, new TextEncoder().encode(html), config);
  return createReport('', version, 1, suppressByConfig(findings, config.suppress));
}

/**
 * Applies the page transforms `fix` applies (external links marked, forms routed) to one page's HTML at `file`. With
 * no built site to read, the theme's hidden-text class is looked for only in the page's own `<style>` elements.
 */
export function fixPage(file: string, html: string, options: GateOptions = {}): string {
  return transformPage(html, { file, config: configOf(options) }).text;
}

/** Prints a report as `--format` does. */
export function formatReport(report: Report, format: Format, options: ReporterOptions = {}): string {
  return reporters[format](report, options);
}
