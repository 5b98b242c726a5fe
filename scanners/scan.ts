import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import module from 'node:module';
import { availableParallelism } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { type ConfigData, configData, type ResolvedConfig } from './config/load.ts';
import type { Outcome } from './errors.ts';
import { decodeText } from './decode.ts';
import { compareFindings, inputFindings, oneFindingPerCodePath, runRules } from './engine.ts';
import { gatherCss } from './gather/css/index.ts';
import { gatherHeaders } from './gather/site-files/headers.ts';
import { gatherHtml } from './gather/html/index.ts';
import { gatherJs } from './gather/js/index.ts';
import { gatherManifest } from './gather/site-files/manifest.ts';
import { gatherRedirects } from './gather/site-files/redirects.ts';
import { pageUrl } from './syntax/url.ts';
import type { Observation } from './observations.ts';
import type { Finding } from './report.ts';
import { suppressInline } from './suppress/inline.ts';
import { type FileType, fileType, walkSite } from './walk.ts';
import { holdHeapBudget, workerYoungGenerationMb } from './heap-budget.ts';

/**
 * What a scan found; `files` counts the files scanned (HTML, SVG, CSS, JS, `_headers`, `_redirects`, web app
 * manifests).
 */
export interface ScanResult {
  files: number;
  findings: Finding[];
}

export interface ScanOptions {
  /** Threads that scan, this one included; default: all cores once the site is big enough to pay for them. */
  workers?: number;
}

/** What a scan worker starts with: the site's root, the config, and where to load it from with which compile cache. */
export interface WorkerData {
  root: string;
  config: ConfigData;
  workerUrl: string;
  compileCacheDir: string | undefined;
}

/**
 * Workers do not inherit the main thread's module compile cache, and a TypeScript entry would load the type
 * stripper before it could turn the cache on: so the entry is plain JavaScript that turns it on, then loads
 * scan-worker. Without the cache, each worker spends longer compiling the scanner than scanning 100 pages.
 */
const workerEntry = `const { workerData } = require('node:worker_threads');
if (workerData.compileCacheDir !== undefined) require('node:module').enableCompileCache?.(workerData.compileCacheDir);
import(workerData.workerUrl);`;

const maxFileBytes = 64 * 1024 * 1024;
/**
 * Below this many files, starting workers costs more than it saves (see bench/RESULTS.md): a worker needs ~110 ms of
 * CPU to load the scanner and then warms its own JIT. On 2 cores one thread already keeps the second busy with V8's
 * own background work (concurrent GC and compilation), so there a worker pays for itself only on far bigger sites.
 */
const inProcessFileLimit = availableParallelism() <= 2 ? 1000 : 200;
const batchSize = 16;
/** Batches sent to a worker before its first answer comes back. */
const workerQueueDepth = 2;
const resourceLimits = { maxYoungGenerationSizeMb: workerYoungGenerationMb };

/** A readable file: its type, decoded text and observations. */
interface GatheredFile {
  type: FileType;
  text: string;
  observations: Observation[];
}

/** Decodes and gathers a file by its type; undefined for files nospy does not read. Throws on gatherer bugs. */
function gatherFile(file: string, bytes: Uint8Array, config: ResolvedConfig): Outcome<GatheredFile> | undefined {
  const type = fileType(file);
  if (type === undefined) return undefined;
  const text = decodeText(bytes, type === 'html');
  if (text === undefined) {
    const problem =
      type === 'html'
        ? 'cannot decode as UTF-8, and no BOM or <meta charset> names another encoding'
        : 'cannot decode as UTF-8, and no BOM names another encoding';
    return { ok: false, problem };
  }
  if (type === 'manifest') {
    const manifest = gatherManifest(text, { file, url: pageUrl(config.site, file) });
    return manifest.ok ? { ok: true, value: { type, text, observations: manifest.value } } : manifest;
  }
  return { ok: true, value: { type, text, observations: gatherText(type, text, file, config) } };
}

/** The observations a file yields, or why it could not be read as text. Throws on gatherer bugs. */
export function dumpObservations(file: string, bytes: Uint8Array, config: ResolvedConfig): Outcome<Observation[]> {
  const gathered = gatherFile(file, bytes, config);
  if (gathered === undefined) return { ok: true, value: [] };
  return gathered.ok ? { ok: true, value: gathered.value.observations } : gathered;
}

function gatherText(
  type: Exclude<FileType, 'manifest'>,
  text: string,
  file: string,
  config: ResolvedConfig,
): Observation[] {
  const url = pageUrl(config.site, file);
  switch (type) {
    case 'html':
    case 'svg':
      return gatherHtml(text, { file, url });
    case 'css':
      return gatherCss(text, { file, baseUrl: url, line: 1, column: 1 });
    case 'js':
      return gatherJs(text, { file, baseUrl: url, line: 1, column: 1, module: moduleHint(file) });
    case 'headers':
      return gatherHeaders(text, file, config.site);
    case 'redirects':
      return gatherRedirects(text, file, config.site);
  }
}

/**
 * Scans one file's bytes: decode, gather by type, run the rules, apply the file's inline suppressions. Pure; a
 * failure is an `input` finding.
 */
export function scanFile(file: string, bytes: Uint8Array, config: ResolvedConfig): Finding[] {
  try {
    const gathered = gatherFile(file, bytes, config);
    if (gathered === undefined) return [];
    if (!gathered.ok) return inputFindings(file, gathered.problem, config);
    const { type, text, observations } = gathered.value;
    return suppressInline(oneFindingPerCodePath(runRules(observations, config)), file, type, text, config);
  } catch (error) {
    return inputFindings(file, `scanner error: ${error instanceof Error ? error.message : String(error)}`, config);
  }
}

/** Reads `file` (relative to `root`) and scans it; unreadable, special or oversized files become `input` findings. */
export function scanSiteFile(root: string, file: string, config: ResolvedConfig): Finding[] {
  // The walker's paths are already clean: path.join would normalise the whole path again, for every file.
  const read = readSiteFile(`${root}/${file}`);
  return read.ok ? scanFile(file, read.value, config) : inputFindings(file, read.problem, config);
}

/**
 * Scans every HTML, SVG, CSS, JS, `_headers` and `_redirects` file and web app manifest (`*.webmanifest`,
 * `*manifest.json`) under `dir`, on all cores; findings sorted stably.
 */
export async function scanDirectory(
  dir: string,
  config: ResolvedConfig,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const walk = walkSite(dir, config.ignore);
  const head: string[] = [];
  for (let next = await walk.next(); !next.done; next = await walk.next()) {
    head.push(next.value);
    if (head.length >= inProcessFileLimit) break;
  }
  const workers = options.workers ?? (head.length < inProcessFileLimit ? 1 : availableParallelism());
  let files = 0;
  const releaseHeapBudget = holdHeapBudget();
  async function* everyFile() {
    files += head.length;
    yield* head;
    for await (const file of walk) {
      files += 1;
      yield file;
    }
  }
  try {
    const findings =
      workers <= 1
        ? await scanInProcess(dir, everyFile(), config)
        : await scanInWorkers(dir, everyFile(), config, workers);
    return { files, findings: findings.sort(compareFindings) };
  } finally {
    releaseHeapBudget();
  }
}

async function scanInProcess(root: string, files: AsyncIterable<string>, config: ResolvedConfig): Promise<Finding[]> {
  const findings: Finding[] = [];
  for await (const file of files) append(findings, scanSiteFile(root, file, config));
  return findings;
}

/** `size - 1` worker threads plus this thread, which scans too. */
async function scanInWorkers(
  root: string,
  files: AsyncIterable<string>,
  config: ResolvedConfig,
  size: number,
): Promise<Finding[]> {
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './scan-worker.ts' : './scan-worker.js', import.meta.url);
  const workerData: WorkerData = {
    root,
    config: configData(config),
    workerUrl: workerUrl.href,
    compileCacheDir: module.getCompileCacheDir?.(),
  };
  const pool = Array.from(
    { length: size - 1 },
    () => new ScanWorker(new Worker(workerEntry, { eval: true, workerData, resourceLimits })),
  );
  const batches = batch(files);
  const findings: Finding[] = [];
  const scanHere = async () => {
    for (let next = await batches.next(); !next.done; next = await batches.next()) {
      for (const file of next.value) {
        append(findings, scanSiteFile(root, file, config));
        // Let the workers' answers in, so they get their next batch without waiting for this one to end.
        await setImmediate();
      }
    }
  };
  const feed = async (worker: ScanWorker) => {
    // Each worker keeps a batch queued behind the one it scans, so it never waits on this thread.
    const inFlight: Promise<Finding[]>[] = [];
    let next = await batches.next();
    while (!next.done || inFlight.length > 0) {
      if (!next.done && inFlight.length < workerQueueDepth) {
        inFlight.push(worker.scan(next.value));
        next = await batches.next();
      } else {
        append(findings, await inFlight.shift()!);
      }
    }
  };
  try {
    const scannedHere = scanHere();
    await Promise.all([
      scannedHere,
      ...pool.map(async (worker) => {
        // A worker takes work only once its modules are loaded; on a small site this thread may finish first.
        await Promise.race([worker.ready, scannedHere]);
        await feed(worker);
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

/** A scan worker's answers in the order it was asked; its first message (an empty list) says it is ready. */
class ScanWorker {
  readonly ready: Promise<unknown>;
  private readonly worker: Worker;
  private readonly waiting: { resolve: (findings: Finding[]) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | undefined;

  constructor(worker: Worker) {
    this.worker = worker;
    this.ready = this.answer();
    worker.on('message', (findings: Finding[]) => this.waiting.shift()?.resolve(findings));
    worker.on('error', (error: Error) => this.fail(error));
    worker.on('exit', (code: number) => this.fail(new Error(`scan worker stopped (exit code ${code})`)));
  }

  scan(files: string[]): Promise<Finding[]> {
    const answer = this.answer();
    this.worker.postMessage(files);
    return answer;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  private answer(): Promise<Finding[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.splice(0)) reject(this.failure);
  }
}

function readSiteFile(path: string): Outcome<Uint8Array> {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, problem: 'not a regular file' };
    if (stats.size > maxFileBytes)
      return { ok: false, problem: `${Math.ceil(stats.size / 2 ** 20)} MiB, over the 64 MiB limit` };
    return { ok: true, value: readFileSync(fd) };
  } catch (error) {
    // "EACCES: permission denied, open '/abs/path'" without the absolute path, which the report must not leak.
    return { ok: false, problem: error instanceof Error ? error.message.replace(/, \w+ '.*'$/s, '') : String(error) };
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
