import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, posix, resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { defaultConfigFile, loadConfig, resolveConfig, type ResolvedConfig } from '../config/load.ts';
import { NospyError, UsageError } from '../errors.ts';
import type { BaselineSummary } from '../report.ts';
import { createReport, formats, reporters, type Format } from '../reporters/index.ts';
import { ruleIds } from '../rules/index.ts';
import { scanDirectory, type ScanResult } from '../scan.ts';
import type { CrawlCoverage } from '../report.ts';
import { createBaseline, defaultBaselineFile, readBaseline, suppressByBaseline } from '../suppress/baseline.ts';
import { suppressByConfig } from '../suppress/config.ts';
import { explainRule, listRules } from './explain.ts';
import { helpText } from './help.ts';
import { createProgress } from './progress.ts';
import { version } from './version.ts';
import type { CliIo } from './io.ts';

export type { CliIo };

interface Values {
  config?: string;
  format?: string;
  output?: string;
  baseline?: string;
  'show-suppressed'?: boolean;
  progress?: boolean;
  help?: boolean;
}

interface Command {
  options: ParseArgsOptionsConfig;
  /** The positional argument, as the help names it; `[dir]` is optional, `<dir>` required, none takes none. */
  argument?: '<dir>' | '[dir]' | '<ruleId>';
  run(argument: string | undefined, values: Values, io: CliIo): Promise<number>;
}

/** With no config file, every absolute URL counts as another site: the strictest reading that still runs in any CI. */
export const placeholderSite = 'https://site.invalid/';

const configOption = { config: { type: 'string' } } as const;
const reportOptions = {
  ...configOption,
  format: { type: 'string' },
  output: { type: 'string' },
  baseline: { type: 'string' },
  'show-suppressed': { type: 'boolean' },
} as const;

const commands: Record<string, Command> = {
  check: {
    options: reportOptions,
    argument: '<dir>',
    run: (dir, values, io) => report(dir!, values, io, async () => scanDirectory),
  },
  crawl: {
    options: { ...reportOptions, progress: { type: 'boolean' } },
    argument: '<dir>',
    run: (dir, values, io) =>
      report(dir!, values, io, async () => {
        // Loaded on demand so `check` never pays for the browser.
        const { crawlDirectory } = await import('../crawl/index.ts');
        const onProgress = createProgress(io, values.progress === true);
        return (path, config) => crawlDirectory(path, config, { onProgress });
      }),
  },
  fix: { options: configOption, argument: '<dir>', run: (dir, values, io) => fix(dir!, values, io) },
  baseline: {
    options: { ...configOption, output: { type: 'string' } },
    argument: '<dir>',
    run: (dir, values, io) => baseline(dir!, values, io),
  },
  init: {
    options: {},
    argument: '[dir]',
    run: async (dir, _values, io) => (await import('./init.ts')).init(dir ?? '.', io),
  },
  explain: { options: {}, argument: '<ruleId>', run: async (id, _values, io) => print(io, explainRule(id!)) },
  rules: {
    options: { format: { type: 'string' } },
    run: async (_none, values, io) => print(io, listRules(values.format)),
  },
};
const commandNames = Object.keys(commands).join(', ');

/** Runs the nospy CLI; returns the exit code (0 clean, 1 error findings, 2 usage/config error or bug). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof NospyError) {
      io.stderr.write(`nospy: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`nospy: bug in nospy ${version}\n${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h') return print(io, helpText);
  if (name === '--version' || name === '-v') return print(io, version);
  if (name === undefined) throw new UsageError(`missing command: ${commandNames} (see nospy --help)`);
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}": expected ${commandNames}`);
  const { values, positionals } = parse(name, args, command.options);
  if (values.help) return print(io, helpText);
  const { argument } = command;
  const allowed = argument === undefined ? 0 : 1;
  if (positionals.length === 0 && argument?.startsWith('<')) throw new UsageError(`${name}: missing ${argument}`);
  if (positionals.length > allowed) throw new UsageError(`${name}: unexpected argument "${positionals[allowed]}"`);
  return command.run(positionals[0], values, io);
}

function parse(name: string, args: string[], options: ParseArgsOptionsConfig) {
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (!code?.startsWith('ERR_PARSE_ARGS')) throw error;
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    throw new UsageError(
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `${name}: unknown option ${option} (see nospy --help)`
        : `${name}: ${message.split('. ')[0]}`,
    );
  }
}

type Scan = (dir: string, config: ResolvedConfig) => Promise<ScanResult & { crawl?: CrawlCoverage }>;

/** Scans `dir` with the config's `suppress` entries applied (inline ones are applied per file by the scan). */
async function scanSite(dir: string, values: Values, io: CliIo, scan: Scan): ReturnType<Scan> {
  const path = siteDirectory(dir, io.cwd);
  const config = readConfig(values.config, io);
  const { files, findings, crawl } = await scan(path, config);
  return { files, findings: suppressByConfig(findings, config.suppress), crawl };
}

async function report(dir: string, values: Values, io: CliIo, loadScan: () => Promise<Scan>): Promise<number> {
  const format = parseFormat(values.format);
  // Read before the scan, so a bad baseline fails fast.
  const accepted =
    values.baseline === undefined ? undefined : readBaseline(resolve(io.cwd, values.baseline), values.baseline);
  const scanned = await scanSite(dir, values, io, await loadScan());
  let { findings } = scanned;
  let baselineSummary: BaselineSummary | undefined;
  if (accepted) ({ findings, summary: baselineSummary } = suppressByBaseline(findings, accepted, values.baseline!));
  const result = createReport(displayRoot(dir), version, scanned.files, findings, baselineSummary, scanned.crawl);
  const options = { color: values.output === undefined && wantsColor(io), showSuppressed: values['show-suppressed'] };
  const text = `${reporters[format](result, options)}\n`;
  if (values.output === undefined) io.stdout.write(text);
  else await writeOutput(values.output, io.cwd, text);
  return result.summary.errors > 0 ? 1 : 0;
}

/** `nospy baseline`: records every finding not suppressed today, so `check --baseline` fails only on new ones. */
async function baseline(dir: string, values: Values, io: CliIo): Promise<number> {
  const file = values.output ?? defaultBaselineFile;
  const { findings } = await scanSite(dir, values, io, scanDirectory);
  const recorded = createBaseline(findings, version);
  await writeOutput(file, io.cwd, `${JSON.stringify(recorded, null, 2)}\n`);
  const count = recorded.findings.length;
  io.stdout.write(
    `Recorded ${count} finding${count === 1 ? '' : 's'} in ${file}; nospy check ${dir} --baseline ${file} now fails only on new ones\n`,
  );
  return 0;
}

async function fix(dir: string, values: Values, io: CliIo): Promise<number> {
  const path = siteDirectory(dir, io.cwd);
  const config = readConfig(values.config, io);
  const { fixDirectory } = await import('../transforms/index.ts');
  const { files, changed, warnings } = await fixDirectory(path, config);
  const root = displayRoot(dir);
  for (const file of changed) io.stdout.write(`fixed ${posix.join(root, file)}\n`);
  for (const warning of warnings) io.stderr.write(`nospy: warning: ${warning}\n`);
  io.stdout.write(
    `Fixed ${changed.length} of ${files} page${files === 1 ? '' : 's'}; headers are in ${posix.join(root, '_headers')}\n`,
  );
  return 0;
}

function print(io: CliIo, text: string): number {
  io.stdout.write(`${text}\n`);
  return 0;
}

function parseFormat(format = 'text'): Format {
  if ((formats as readonly string[]).includes(format)) return format as Format;
  throw new UsageError(`--format: expected ${formats.join(', ')}; got "${format}"`);
}

function siteDirectory(dir: string, cwd: string): string {
  const path = resolve(cwd, dir);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) throw new UsageError(`${dir}: no such directory`);
  if (!stats.isDirectory()) throw new UsageError(`${dir}: not a directory`);
  return path;
}

/** The report's `root`: the directory as given, normalised, `/` separators, no trailing slash. */
function displayRoot(dir: string): string {
  const normal = posix.normalize(dir.replaceAll('\\', '/'));
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

function readConfig(file: string | undefined, io: CliIo): ResolvedConfig {
  if (file !== undefined) return loadConfig(resolve(io.cwd, file), ruleIds);
  const path = resolve(io.cwd, defaultConfigFile);
  if (existsSync(path)) return loadConfig(path, ruleIds);
  io.stderr.write(
    `nospy: warning: no ${defaultConfigFile} in the current directory, so the site is taken to be ${placeholderSite} and every absolute URL counts as another site\n`,
  );
  return resolveConfig({ site: placeholderSite }, 'placeholder config', ruleIds);
}

/** FORCE_COLOR wins, then NO_COLOR, then whether stdout is a terminal. */
function wantsColor(io: CliIo): boolean {
  const env = io.env ?? process.env;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return io.isTTY;
}

async function writeOutput(file: string, cwd: string, text: string): Promise<void> {
  const path = resolve(cwd, file);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    throw new UsageError(`--output ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
