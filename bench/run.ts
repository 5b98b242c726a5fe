/**
 * `npm run bench`: on one generated corpus per size, measures in one run
 *  - `nospy check` (wall time of the whole CLI process, pages/s, MB/s, peak RSS), and checks that it
 *    reports exactly the pages generate.ts planted issues in,
 *  - a bare htmlparser2 parse of the same files (the floor for this design),
 *  - a naive cheerio-based scan (what a simple implementation costs),
 * then the cost of the integration inside `astro build` of the starter, `nospy crawl` pages/s on a small corpus, and a
 * profile of where the gate's time goes; prints the table and writes everything to bench/RESULTS.md.
 *
 *   npm run bench                                  # sizes 1000, 10000, 50000
 *   npm run bench -- --sizes 1000 --no-astro       # a quick run
 *   npm run bench -- --crawl-pages 0               # without the crawl
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { measureCrawl } from './crawl.ts';
import { generateCorpus } from './generate.ts';
import { profileScan } from './profile.ts';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '3' },
    astro: { type: 'boolean', default: true },
    profile: { type: 'boolean', default: true },
    'crawl-pages': { type: 'string', default: '200' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const benchDir = import.meta.dirname;
const repository = join(benchDir, '..');
const node = process.execPath;
const config = join(benchDir, 'nospy.config.json');
/** The gate must take at most this multiple of the bare parse on the 10k corpus. */
const parseRatioTarget = 1.5;

interface Measurement {
  /** Wall time. */
  ms: number;
  /** CPU time of all threads (user + system): what the work costs whatever else the machine runs. */
  cpuMs: number;
  maxRssMb: number;
}

interface Corpus {
  dir: string;
  bytes: number;
  planted: string[];
}

/** Generates the corpus unless the same generator already wrote it with the same seed. */
function ensureCorpus(pages: number): Corpus {
  const dir = join(benchDir, 'corpus', String(pages));
  const stampFile = join(dir, '.stamp');
  const hash = createHash('sha256').update(values.seed);
  for (const source of ['generate.ts', 'page-markup.ts']) hash.update(readFileSync(join(benchDir, source)));
  const stamp = hash.digest('hex');
  if (existsSync(stampFile)) {
    const saved = JSON.parse(readFileSync(stampFile, 'utf8')) as Corpus & { stamp: string };
    if (saved.stamp === stamp) return { dir, bytes: saved.bytes, planted: saved.planted };
  }
  console.log(`generating ${pages} pages …`);
  const { bytes, planted } = generateCorpus(pages, dir, Number(values.seed));
  writeFileSync(stampFile, JSON.stringify({ stamp, bytes, planted }));
  return { dir, bytes, planted };
}

function run(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { stdout: string; stderr: string; status: number | null; ms: number } {
  const started = performance.now();
  const child = spawnSync(node, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  const ms = performance.now() - started;
  if (child.error) throw child.error;
  return { stdout: child.stdout, stderr: child.stderr, status: child.status, ms };
}

function median(measurements: Measurement[]): Measurement {
  const sorted = [...measurements].sort((a, b) => a.ms - b.ms);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return { ms: middle.ms, cpuMs: middle.cpuMs, maxRssMb: Math.max(...measurements.map((m) => m.maxRssMb)) };
}

function repeat(measure: () => Measurement, times: number): Measurement {
  return median(Array.from({ length: times }, measure));
}

/** Runs a baseline script that prints its own in-process timing as JSON. */
function runBaseline(script: string, args: string[]): Measurement & { findings?: number } {
  const child = run([join(benchDir, script), ...args]);
  if (child.status !== 0) throw new Error(`${script} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measurement;
}

// Prints the process's CPU time and peak RSS (all threads) on exit, so no external `time` tool is needed.
const usageHook = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nbench-usage='+JSON.stringify(u)+'\\n')})`;

/** Runs the real CLI as a user would; wall time includes Node's start-up, peak RSS includes the workers. */
function measureNospy(corpus: Corpus, report: string): Measurement {
  const child = run([
    '--import',
    usageHook,
    join(repository, 'bin', 'nospy.js'),
    'check',
    corpus.dir,
    '--config',
    config,
    '--format',
    'json',
    '--output',
    report,
  ]);
  if (child.status !== (corpus.planted.length > 0 ? 1 : 0))
    throw new Error(`nospy check exited ${child.status}: ${child.stderr}`);
  const usage = JSON.parse(/bench-usage=(.*)/.exec(child.stderr)?.[1] ?? 'null') as NodeJS.ResourceUsage | null;
  if (!usage) throw new Error(`nospy check printed no resource usage: ${child.stderr}`);
  return { ms: child.ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 };
}

/** The gate must report the planted pages and nothing else, or its speed means nothing. */
function verifyReport(corpus: Corpus, report: string): string {
  const { findings } = JSON.parse(readFileSync(report, 'utf8')) as { findings: { file: string; ruleId: string }[] };
  const reported = [...new Set(findings.map((finding) => finding.file))].sort();
  const expected = [...corpus.planted].sort();
  if (JSON.stringify(reported) !== JSON.stringify(expected)) {
    throw new Error(
      `nospy check reported ${reported.join(', ') || 'nothing'}; the corpus has issues planted in ${expected.join(', ') || 'no page'}`,
    );
  }
  return `${findings.length} findings, exactly on the ${expected.length} planted pages`;
}

interface Row {
  pages: number;
  mb: number;
  nospy: Measurement;
  parse: Measurement;
  cheerio: Measurement;
  verdict: string;
}

const startLoad = loadavg()[0]!;
const rows: Row[] = [];
for (const pages of sizes) {
  const corpus = ensureCorpus(pages);
  const mb = corpus.bytes / 1e6;
  const report = join(benchDir, 'corpus', `report-${pages}.json`);
  const parse = repeat(() => runBaseline('baseline-parse.ts', [corpus.dir]), runs);
  const nospy = repeat(() => measureNospy(corpus, report), runs);
  const verdict = verifyReport(corpus, report);
  const cheerio = runBaseline('baseline-cheerio.ts', [corpus.dir]);
  rows.push({ pages, mb, nospy, parse, cheerio, verdict });
  console.log(
    `${pages} pages: nospy ${nospy.ms.toFixed(0)} ms, parse ${parse.ms.toFixed(0)} ms, cheerio ${cheerio.ms.toFixed(0)} ms; ${verdict}`,
  );
}

/** `astro build` of the starter into a temporary folder; the integration logs its own timings. */
function measureAstroBuild(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'nospy-bench-astro-'));
  try {
    const child = run([join(repository, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
      cwd: repository,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const log = child.stdout + child.stderr;
    const transforms = Number(/\[nospy\] transforms: .* in (\d+) ms/.exec(log)?.[1]);
    const check = /\[nospy\] check: (\d+) files, .* in (\d+) ms/.exec(log);
    if (child.status !== 0 || !check || Number.isNaN(transforms))
      throw new Error(`astro build failed or logged no nospy timings:\n${log}`);
    const gate = transforms + Number(check[2]);
    return [
      '| step | ms | share of the build |',
      '|---|---:|---:|',
      `| \`astro build\` (whole command, wall) | ${child.ms.toFixed(0)} | 100 % |`,
      `| nospy transforms (links, forms, \`_headers\`) | ${transforms} | ${((transforms / child.ms) * 100).toFixed(1)} % |`,
      `| nospy check (${check[1]} files) | ${check[2]} | ${((Number(check[2]) / child.ms) * 100).toFixed(1)} % |`,
      `| **nospy, both** | **${gate}** | **${((gate / child.ms) * 100).toFixed(1)} %** |`,
    ].join('\n');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const astro = values.astro ? measureAstroBuild() : undefined;
const crawlPages = Number(values['crawl-pages']);
const crawl = crawlPages > 0 ? await measureCrawl(crawlPages, Number(values.seed)) : undefined;
const profiled = values.profile ? (rows.find((row) => row.pages === 10000) ?? rows[0]) : undefined;
const profile = profiled ? await profileScan(ensureCorpus(profiled.pages).dir, config, 12) : undefined;

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const table = [
  '| pages | MB | nospy check (s) | nospy CPU (s) | pages/s | MB/s | nospy peak RSS (MB) | bare parse (s) | cheerio scan (s) | cheerio peak RSS (MB) | nospy ÷ parse | nospy CPU ÷ parse CPU | nospy ÷ cheerio |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    ({ pages, mb, nospy, parse, cheerio }) =>
      `| ${pages} | ${mb.toFixed(0)} | ${seconds(nospy.ms)} | ${seconds(nospy.cpuMs)} | ${(pages / (nospy.ms / 1000)).toFixed(0)} | ${(mb / (nospy.ms / 1000)).toFixed(1)} | ${nospy.maxRssMb.toFixed(0)} | ${seconds(parse.ms)} | ${seconds(cheerio.ms)} | ${cheerio.maxRssMb.toFixed(0)} | ${ratio(nospy.ms, parse.ms)} | ${ratio(nospy.cpuMs, parse.cpuMs)} | ${ratio(nospy.ms, cheerio.ms)} |`,
  ),
].join('\n');
// Marginal cost per page between consecutive sizes: constant when time grows linearly (start-up drops out).
const growth = rows.map((row, index) => {
  const previous = rows[index - 1];
  const marginal = (ms: (r: Row) => number) =>
    previous ? ((ms(row) - ms(previous)) / (row.pages - previous.pages)).toFixed(3) : '—';
  return `| ${row.pages} | ${(row.nospy.ms / row.pages).toFixed(3)} | ${marginal((r) => r.nospy.ms)} | ${marginal((r) => r.parse.ms)} | ${row.nospy.maxRssMb.toFixed(0)} |`;
});
const target = rows.find((row) => row.pages === 10000);
const targetLine = target
  ? `Target on the 10k corpus: nospy ≤ ${parseRatioTarget}× the bare parse. Measured **${ratio(target.nospy.ms, target.parse.ms)}**: ${target.nospy.ms <= parseRatioTarget * target.parse.ms ? 'met' : '**not met**'}.`
  : 'The 10k corpus was not part of this run, so the 1.5× target was not measured.';
const cores = availableParallelism();
/** What the CPU time says about the wall time nospy would take with every core to itself. */
const cpuLine = target
  ? `nospy's CPU time on the 10k corpus is ${ratio(target.nospy.cpuMs, target.parse.cpuMs)} the bare parse's; spread over ${cores} cores that is ` +
    `${seconds(target.nospy.cpuMs / cores)} s, ${ratio(target.nospy.cpuMs / cores, target.parse.ms)} the parse's wall time, on a machine with the cores free. ` +
    `The measured wall time, ${seconds(target.nospy.ms)} s, ${target.nospy.ms > 1.2 * (target.nospy.cpuMs / cores) ? 'is well above that: other processes held part of the cores (see the load average above)' : 'is close to that: the cores were free'}.` +
    (target.nospy.ms <= parseRatioTarget * target.parse.ms
      ? ''
      : ` Where the gap comes from is in "Where the time goes" below: htmlparser2 itself is the parse nospy cannot avoid; walking folders, reading files and garbage collection come next; the gate's own gatherers and rules are the rest.` +
        ` With ${cores} cores the wall time cannot go below the CPU ratio ÷ ${cores}.`)
  : '';

const results = `# Benchmark results

Written by \`npm run bench\` (\`node bench/run.ts --sizes ${values.sizes} --runs ${runs}\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}-${process.arch}; load average ${startLoad.toFixed(1)} when the run started.

Corpus: \`bench/generate.ts\` (seed ${values.seed}), pages shaped like an Astro build (\`bench/page-markup.ts\`): 15–40 KB
each, a nav of ~40 links, \`<picture>\` heroes with AVIF/WebP srcsets, Shiki code blocks (a \`style\` on every token),
scoped inline \`<style>\`, JSON-LD, marked external links, a newsletter form to the origin, Bunny videos on some pages,
an inline module script on every tenth page; 12 stylesheets, 8 script bundles and a \`_headers\` file. One page in 997
carries a planted issue (unmarked link, tracker pixel, POST to the CDN), and every run checks that the gate reports
exactly those pages.

- **nospy check**: the CLI as a user runs it (\`nospy check <corpus> --format json --output …\`), wall time including
  Node's start-up, all cores (worker threads), median of ${runs}; CPU time (user + system) and peak RSS of the whole
  process, workers included. CPU time does not depend on what else the machine is running; wall time does.
- **bare parse**: read + htmlparser2 with empty \`onopentag\`/\`ontext\`/\`onclosetag\` handlers (the events the HTML
  gatherer listens to), one thread, in-process timing after start-up, median of ${runs} (\`bench/baseline-parse.ts\`).
- **cheerio scan**: cheerio DOM + selectors doing the main checks, one thread, one run (\`bench/baseline-cheerio.ts\`).

${table}

${targetLine} ${cpuLine}

${rows.map(({ pages, verdict }) => `- ${pages} pages: ${verdict}.`).join('\n')}

## Growth

Marginal ms per page between consecutive sizes (constant when time grows linearly), and peak memory (flat when the
gate streams files instead of holding the site):

| pages | nospy ms/page | nospy marginal ms/page | parse marginal ms/page | nospy peak RSS (MB) |
|---:|---:|---:|---:|---:|
${growth.join('\n')}
${
  astro
    ? `
## Inside \`astro build\`

The starter site built with the integration (\`astro build\` into a temporary folder); the integration logs how long
its transforms and its check took.

${astro}
`
    : ''
}${
  crawl
    ? `
## nospy crawl

${crawl}
`
    : ''
}${
  profile && profiled
    ? `
## Where the time goes

\`node bench/profile.ts bench/corpus/${profiled.pages}\`: the same scan on one thread (${seconds(profile.ms)} s), under the V8
sampling profiler, self time per function and per package (module loading excluded).

${profile.markdown}
`
    : ''
}`;
// `npm run bench:origin` owns the file's last section; keep it.
const previous = existsSync(join(benchDir, 'RESULTS.md')) ? readFileSync(join(benchDir, 'RESULTS.md'), 'utf8') : '';
const originSection = previous.indexOf('## Origin receiver under load');
writeFileSync(
  join(benchDir, 'RESULTS.md'),
  originSection === -1 ? results : `${results.trimEnd()}\n\n${previous.slice(originSection)}`,
);
console.log(`\n${table}\n\n${targetLine}\n\nwrote ${relative(process.cwd(), join(benchDir, 'RESULTS.md'))}`);
