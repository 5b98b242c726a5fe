import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from './config/load.ts';
import { decodeText } from './decode.ts';
import { compareFindings, inputFindings, runRules } from './engine.ts';
import { gatherCss } from './gather/css.ts';
import { gatherHeaders } from './gather/headers.ts';
import { gatherHtml } from './gather/html.ts';
import { gatherJs } from './gather/js.ts';
import { pageUrl } from './gather/url.ts';
import type { Observation } from './observations.ts';
import type { Finding } from './report.ts';
import { fileType, walkSite } from './walk.ts';

/** What a scan found; `files` counts the files scanned (HTML, CSS, JS, `_headers`). */
export interface ScanResult {
  files: number;
  findings: Finding[];
}

export interface ScanOptions {
  /** Threads that scan, this one included; default: all cores once the site is big enough to pay for them. */
  workers?: number;
}

/** What a worker needs to rebuild the config: everything but the host policy's functions. */
export type ConfigData = Omit<ResolvedConfig, 'hosts'>;

const maxFileBytes = 64 * 1024 * 1024;
/** Below this many files, starting workers costs more than it saves (see bench/). */
const inProcessFileLimit = 200;
const batchSize = 16;

/** The observations a file yields, or the reason it could not be read as text. Throws on gatherer bugs. */
export function dumpObservations(file: string, bytes: Uint8Array, config: ResolvedConfig): Observation[] | string {
  const type = fileType(file);
  if (type === undefined) return [];
  const text = decodeText(bytes, type === 'html');
  if (text === undefined) {
    return type === 'html'
      ? 'cannot decode as UTF-8, and no BOM or <meta charset> names another encoding'
      : 'cannot decode as UTF-8, and no BOM names another encoding';
  }
  const url = pageUrl(config.site, file);
  switch (type) {
    case 'html': return gatherHtml(text, { file, url });
    case 'css': return gatherCss(text, { file, baseUrl: url, line: 1, column: 1 });
    case 'js': return gatherJs(text, { file, baseUrl: url, line: 1, column: 1, module: moduleHint(file) });
    case 'headers': return gatherHeaders(text, file);
  }
}

/** Scans one file's bytes: decode, gather by type, run the rules. Pure; a failure is an `input` finding. */
export function scanFile(file: string, bytes: Uint8Array, config: ResolvedConfig): Finding[] {
  try {
    const observations = dumpObservations(file, bytes, config);
    return typeof observations === 'string' ? inputFindings(file, observations, config) : runRules(observations, config);
  } catch (error) {
    return inputFindings(file, `scanner error: ${error instanceof Error ? error.message : String(error)}`, config);
  }
}

/** Reads `file` (relative to `root`) and scans it; unreadable, special or oversized files become `input` findings. */
export function scanSiteFile(root: string, file: string, config: ResolvedConfig): Finding[] {
  const bytes = readSiteFile(join(root, file));
  return typeof bytes === 'string' ? inputFindings(file, bytes, config) : scanFile(file, bytes, config);
}

/** Scans every HTML, CSS, JS and `_headers` file under `dir`, on all cores; findings sorted stably. */
export async function scanDirectory(dir: string, config: ResolvedConfig, options: ScanOptions = {}): Promise<ScanResult> {
  const walk = walkSite(dir, config.ignore);
  const head: string[] = [];
  for (let next = await walk.next(); !next.done; next = await walk.next()) {
    head.push(next.value);
    if (head.length >= inProcessFileLimit) break;
  }
  const workers = options.workers ?? (head.length < inProcessFileLimit ? 1 : availableParallelism());
  let files = 0;
  async function* everyFile() {
    files += head.length;
    yield* head;
    for await (const file of walk) {
      files += 1;
      yield file;
    }
  }
  const findings = workers <= 1
    ? await scanInProcess(dir, everyFile(), config)
    : await scanInWorkers(dir, everyFile(), config, workers);
  return { files, findings: findings.sort(compareFindings) };
}

async function scanInProcess(root: string, files: AsyncIterable<string>, config: ResolvedConfig): Promise<Finding[]> {
  const findings: Finding[] = [];
  for await (const file of files) append(findings, scanSiteFile(root, file, config));
  return findings;
}

/** `size - 1` worker threads plus this thread, which scans too while the workers start. */
async function scanInWorkers(root: string, files: AsyncIterable<string>, config: ResolvedConfig, size: number): Promise<Finding[]> {
  const { hosts: _hosts, ...configData } = config;
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './scan-worker.ts' : './scan-worker.js', import.meta.url);
  const pool = Array.from({ length: size - 1 }, () => new Worker(workerUrl, { workerData: { root, config: configData } }));
  const batches = batch(files);
  const findings: Finding[] = [];
  const drain = async (scan: (files: string[]) => Promise<Finding[]>) => {
    // Each scanner pulls the next batch when it is done, so one slow file never stalls the others.
    for (let next = await batches.next(); !next.done; next = await batches.next()) append(findings, await scan(next.value));
  };
  try {
    const scannedHere = drain(async (paths) => paths.flatMap((file) => scanSiteFile(root, file, config)));
    await Promise.all([
      scannedHere,
      ...pool.map(async (worker) => {
        // A worker takes work only once its modules are loaded; on a small site this thread may finish first.
        await Promise.race([reply(worker), scannedHere]);
        await drain((paths) => ask(worker, paths));
      }),
    ]);
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return findings;
}

async function* batch(files: AsyncIterable<string>): AsyncGenerator<string[]> {
  let current: string[] = [];
  for await (const file of files) {
    current.push(file);
    if (current.length === batchSize) {
      yield current;
      current = [];
    }
  }
  if (current.length > 0) yield current;
}

/** The worker's next message: its findings, or its ready signal (an empty list). */
function reply(worker: Worker): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    const settle = (action: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      action();
    };
    const onMessage = (findings: Finding[]) => settle(() => resolve(findings));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`scan worker stopped (exit code ${code})`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

function ask(worker: Worker, files: string[]): Promise<Finding[]> {
  const answer = reply(worker);
  worker.postMessage(files);
  return answer;
}

function readSiteFile(path: string): Uint8Array | string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile()) return 'not a regular file';
    if (stats.size > maxFileBytes) return `${Math.ceil(stats.size / 2 ** 20)} MiB, over the 64 MiB limit`;
    return readFileSync(fd);
  } catch (error) {
    // "EACCES: permission denied, open '/abs/path'" without the absolute path, which the report must not leak.
    return error instanceof Error ? error.message.replace(/, \w+ '.*'$/s, '') : String(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `push(...items)` overflows the stack on a huge list (a 64 MiB page can yield millions of findings). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function moduleHint(file: string): boolean | undefined {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  return undefined;
}
