/**
 * `npm run bench`: the gate against the floor of its design, on four corpora, in one run:
 *  - the starter (12 pages, built here by `astro build`, which also times the integration): start-up cost,
 *  - 5,000 generated pages (generate.ts): the parser's throughput,
 *  - 600 and 5,000 real-shaped pages (real-shaped.ts): the scripts, islands and entities real themes repeat.
 * For each: `nospy check` as a user runs it (the CLI process: wall, CPU of all threads, pages/s, MB/s, peak RSS), a
 * bare single-threaded htmlparser2 parse of the same files as a process of its own (the ratio the gate is judged
 * by), and a naive cheerio scan; each run checks the gate reported exactly the planted issues. Then peak memory from
 * 1,000 to 50,000 real-shaped pages, and a profile of where the time goes. Prints the table and writes
 * bench/RESULTS.md.
 *
 *   npm run bench                                        # everything, about 4 minutes on 2 free cores
 *   npm run bench -- --memory-sizes 1000,5000 --runs 1   # quicker
 *   npm run bench -- --crawl-pages 200                   # and `nospy crawl` (minutes more)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { measureCrawl } from './crawl.ts';
import { generateCorpus } from './generate.ts';
import { profileScan } from './profile.ts';
import { generateRealShaped } from './real-shaped.ts';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    generated: { type: 'string', default: '5000' },
    'real-shaped': { type: 'string', default: '600,5000' },
    'memory-sizes': { type: 'string', default: '1000,10000,50000' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '3' },
    astro: { type: 'boolean', default: true },
    profile: { type: 'boolean', default: true },
    'crawl-pages': { type: 'string', default: '0' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`npm run bench [-- options]
  --generated N            generated pages (default 5000)
  --real-shaped N,N        real-shaped corpus sizes (default 600,5000)
  --memory-sizes N,N,N     sizes for the memory check (default 1000,10000,50000; '' skips it)
  --runs N                 timed runs, the median judged (default 3)
  --seed N                 corpus seed (default 42)
  --no-astro               skip the starter build
  --no-profile             skip the profile of where the time goes
  --crawl-pages N          also time nospy crawl on N generated pages (default 0: off)`);
  process.exit(0);
}
const sizes = (list: string) => (list === '' ? [] : list.split(',').map(Number));
const runs = Number(values.runs);
const seed = Number(values.seed);
const benchDir = import.meta.dirname;
const repository = join(benchDir, '..');
const corpusRoot = join(benchDir, 'corpus');
const node = process.execPath;
const benchConfig = join(benchDir, 'nospy.config.json');
/** The gate must take at most this multiple of the bare parse's wall time. */
const parseRatioTarget = 1.5;
/** Peak RSS may grow by at most this factor from the smallest to the largest memory corpus. */
const memoryGrowthLimit = 1.25;
/** Node's defaults for the baselines: no compile cache, as a script started with `node` has. */
const { NODE_COMPILE_CACHE: _, ...plainEnv } = process.env;
/** The same compile cache nospy's bin turns on, for the stricter bare parse: then neither compiles its modules. */
const compileCache = { ...plainEnv, NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache') };

interface Measurement {
  /** Wall time of the whole process, Node's start-up included. */
  ms: number;
  /** CPU time of all its threads (user + system): what the work costs, whatever else the machine runs. */
  cpuMs: number;
  maxRssMb: number;
}

interface Corpus {
  name: string;
  dir: string;
  config: string;
  pages: number;
  bytes: number;
  /** Pages that must be reported, and (when known) the rule ids each must be reported under. */
  planted: string[];
  expected?: Record<string, string[]>;
}

/** Generates a corpus unless the same generator already wrote it with the same seed and size. */
function ensureCorpus(
  name: string,
  folder: string,
  sources: string[],
  generate: (dir: string) => Omit<Corpus, 'name' | 'dir' | 'config'>,
): Corpus {
  const dir = join(corpusRoot, folder);
  const stampFile = join(dir, '.stamp');
  const hash = createHash('sha256').update(`${seed} ${folder}`);
  for (const source of sources) hash.update(readFileSync(join(benchDir, source)));
  const stamp = hash.digest('hex');
  if (existsSync(stampFile)) {
    const saved = JSON.parse(readFileSync(stampFile, 'utf8')) as Corpus & { stamp: string };
    if (saved.stamp === stamp) return { ...saved, name, dir, config: benchConfig };
  }
  console.log(`generating ${name} …`);
  const generated = generate(dir);
  writeFileSync(stampFile, JSON.stringify({ stamp, ...generated }));
  return { ...generated, name, dir, config: benchConfig };
}

const generated = (pages: number) =>
  ensureCorpus(`generated ${pages.toLocaleString('en')}`, String(pages), ['generate.ts', 'page-markup.ts'], (dir) =>
    generateCorpus(pages, dir, seed),
  );
const realShaped = (pages: number) =>
  ensureCorpus(
    `real-shaped ${pages.toLocaleString('en')}`,
    `real-${pages}`,
    ['generate.ts', 'page-markup.ts', 'real-shaped.ts'],
    (dir) => generateRealShaped(pages, dir, seed),
  );

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

// Prints the process's CPU time and peak RSS (all threads) on exit, so no external `time` tool is needed; with
// --expose-gc also what the main thread's heap still holds after a full collection.
const usageHook = `data:text/javascript,process.on('exit',()=>{globalThis.gc?.();const u={...process.resourceUsage(),heapUsed:process.memoryUsage().heapUsed};process.stderr.write('\\nbench-usage='+JSON.stringify(u)+'\\n')})`;

/** Runs a script under the usage hook; wall time from spawn to exit, CPU and peak RSS as the process reports them. */
function measureProcess(args: string[], expectStatus: number, env?: NodeJS.ProcessEnv, nodeFlags: string[] = []) {
  const child = run([...nodeFlags, '--import', usageHook, ...args], { env });
  if (child.status !== expectStatus)
    throw new Error(`${args.join(' ')} exited ${child.status}, not ${expectStatus}: ${child.stderr}`);
  const usage = JSON.parse(/bench-usage=(.*)/.exec(child.stderr)?.[1] ?? 'null') as
    | (NodeJS.ResourceUsage & { heapUsed: number })
    | null;
  if (!usage) throw new Error(`${args.join(' ')} printed no resource usage: ${child.stderr}`);
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  return { ms: child.ms, cpuMs, maxRssMb: usage.maxRSS / 1024, heapKeptMb: usage.heapUsed / 2 ** 20 };
}

/** The CLI as a user runs it, its own bin on this Node; peak RSS includes the workers. */
function measureNospy(corpus: Corpus, report: string, nodeFlags: string[] = []) {
  const args = [join(repository, 'bin', 'nospy.js'), 'check', corpus.dir, '--config', corpus.config];
  const status = corpus.planted.length > 0 ? 1 : 0;
  return measureProcess([...args, '--format', 'json', '--output', report], status, undefined, nodeFlags);
}

const measureParse = (corpus: Corpus, env = plainEnv) =>
  measureProcess([join(benchDir, 'baseline-parse.ts'), corpus.dir], 0, env);
const measureCheerio = (corpus: Corpus) =>
  measureProcess([join(benchDir, 'baseline-cheerio.ts'), corpus.dir], 0, plainEnv);

/** The gate must report the planted pages, under the planted rules, and nothing else, or its speed means nothing. */
function verifyReport(corpus: Corpus, report: string): string {
  const { findings } = JSON.parse(readFileSync(report, 'utf8')) as { findings: { file: string; ruleId: string }[] };
  const byFile = new Map<string, Set<string>>();
  for (const { file, ruleId } of findings) byFile.set(file, (byFile.get(file) ?? new Set()).add(ruleId));
  const reported = [...byFile.keys()].sort();
  const expected = [...corpus.planted].sort();
  if (JSON.stringify(reported) !== JSON.stringify(expected)) {
    throw new Error(
      `${corpus.name}: nospy check reported ${reported.join(', ') || 'nothing'}; the corpus has issues planted in ${expected.join(', ') || 'no page'}`,
    );
  }
  for (const [file, rules] of Object.entries(corpus.expected ?? {})) {
    const got = [...byFile.get(file)!];
    const missing = rules.filter((rule) => !got.includes(rule));
    if (missing.length > 0) throw new Error(`${corpus.name}: ${file} was not reported under ${missing.join(', ')}`);
  }
  return `${findings.length} findings, exactly on the ${expected.length} planted pages${corpus.expected ? ', each under its planted rule' : ''}`;
}

/** `astro build` of the starter into bench/corpus/starter; the integration logs its own timings. */
function buildStarter(): { corpus: Corpus; table: string } {
  const outDir = join(corpusRoot, 'starter');
  const child = run([join(repository, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
    cwd: repository,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const log = child.stdout + child.stderr;
  const transforms = Number(/\[nospy\] transforms: .* in (\d+) ms/.exec(log)?.[1]);
  const check = /\[nospy\] check: (\d+) files, .* in (\d+) ms/.exec(log);
  const built = Number(/\[build\] (\d+) page\(s\) built/.exec(log)?.[1]);
  if (child.status !== 0 || !check || Number.isNaN(transforms))
    throw new Error(`astro build failed or logged no nospy timings:\n${log}`);
  const gate = transforms + Number(check[2]);
  const table = [
    '| step | ms | share of the build |',
    '|---|---:|---:|',
    `| \`astro build\` (whole command, wall) | ${child.ms.toFixed(0)} | 100 % |`,
    `| nospy transforms (links, forms, \`_headers\`) | ${transforms} | ${((transforms / child.ms) * 100).toFixed(1)} % |`,
    `| nospy check (${check[1]} files) | ${check[2]} | ${((Number(check[2]) / child.ms) * 100).toFixed(1)} % |`,
    `| **nospy, both** | **${gate}** | **${((gate / child.ms) * 100).toFixed(1)} %** |`,
  ].join('\n');
  const corpus: Corpus = {
    name: `starter (${built} pages)`,
    dir: outDir,
    config: join(repository, 'nospy.config.json'),
    pages: built,
    bytes: htmlBytes(outDir),
    planted: [],
  };
  return { corpus, table };
}

/** What the bare parse reads: the HTML files' bytes. */
function htmlBytes(dir: string): number {
  const child = run([join(benchDir, 'baseline-parse.ts'), dir], { env: plainEnv });
  return (JSON.parse(child.stdout.trim()) as { bytes: number }).bytes;
}

interface Row {
  corpus: Corpus;
  nospy: Measurement;
  parse: Measurement;
  parseCached: Measurement;
  cheerio: Measurement;
  verdict: string;
}

function measureCorpus(corpus: Corpus): Row {
  const report = join(corpusRoot, `report-${relative(corpusRoot, corpus.dir)}.json`);
  // One untimed run of each first, so the compile cache and the page cache are as warm for the first timed run.
  measureParse(corpus, compileCache);
  measureNospy(corpus, report);
  const parse = repeat(() => measureParse(corpus), runs);
  const parseCached = repeat(() => measureParse(corpus, compileCache), runs);
  const nospy = repeat(() => measureNospy(corpus, report), runs);
  const verdict = verifyReport(corpus, report);
  const cheerio = measureCheerio(corpus);
  const row = { corpus, nospy, parse, parseCached, cheerio, verdict };
  console.log(
    `${corpus.name}: nospy ${nospy.ms.toFixed(0)} ms, bare parse ${parse.ms.toFixed(0)} ms (${ratio(nospy.ms, parse.ms)}), with compile cache ${parseCached.ms.toFixed(0)} ms (${ratio(nospy.ms, parseCached.ms)}), cheerio ${cheerio.ms.toFixed(0)} ms; ${verdict}`,
  );
  return row;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const startLoad = loadavg()[0]!;
const startedAt = performance.now();

const starter = values.astro ? buildStarter() : undefined;
const corpora = [
  ...(starter ? [starter.corpus] : []),
  ...sizes(values.generated).map(generated),
  ...sizes(values['real-shaped']).map(realShaped),
];
const rows = corpora.map(measureCorpus);

/** Peak RSS of one `nospy check` per size: flat when the gate streams files instead of holding the site. */
const memory = sizes(values['memory-sizes']).map((pages) => {
  const corpus = realShaped(pages);
  const nospy = measureNospy(corpus, join(corpusRoot, `report-memory-${pages}.json`), ['--expose-gc']);
  const verdict = verifyReport(corpus, join(corpusRoot, `report-memory-${pages}.json`));
  console.log(`memory, ${corpus.name}: peak RSS ${nospy.maxRssMb.toFixed(0)} MB in ${seconds(nospy.ms)} s; ${verdict}`);
  return { corpus, nospy };
});

const crawlPages = Number(values['crawl-pages']);
const crawl = crawlPages > 0 ? await measureCrawl(crawlPages, seed) : undefined;
const profiled = values.profile ? rows.find((row) => row.corpus.dir.endsWith('real-600')) : undefined;
const profile = profiled ? await profileScan(profiled.corpus.dir, profiled.corpus.config, 12) : undefined;

const table = [
  '| corpus | pages | MB | nospy wall (s) | nospy CPU (s) | pages/s | MB/s | nospy peak RSS (MB) | bare parse wall (s) | bare parse CPU (s) | **nospy ÷ bare parse** | bare parse, compile cache (s) | nospy ÷ that | cheerio wall (s) | nospy ÷ cheerio |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(({ corpus, nospy, parse, parseCached, cheerio }) => {
    const mb = corpus.bytes / 1e6;
    return `| ${corpus.name} | ${corpus.pages} | ${mb.toFixed(1)} | ${seconds(nospy.ms)} | ${seconds(nospy.cpuMs)} | ${(corpus.pages / (nospy.ms / 1000)).toFixed(0)} | ${(mb / (nospy.ms / 1000)).toFixed(1)} | ${nospy.maxRssMb.toFixed(0)} | ${seconds(parse.ms)} | ${seconds(parse.cpuMs)} | **${ratio(nospy.ms, parse.ms)}** | ${seconds(parseCached.ms)} | ${ratio(nospy.ms, parseCached.ms)} | ${seconds(cheerio.ms)} | ${ratio(nospy.ms, cheerio.ms)} |`;
  }),
].join('\n');

/** The corpora the acceptance names: the starter, 5,000 generated and 600 real-shaped pages. */
const judged = rows.filter(({ corpus }) => /^starter|^generated 5,000$|^real-shaped 600$/.test(corpus.name));
const targetLine =
  judged.length === 0
    ? 'None of the judged corpora (starter, generated 5,000, real-shaped 600) was part of this run.'
    : `Target: nospy ≤ ${parseRatioTarget}× the bare parse on ${judged.map(({ corpus }) => corpus.name).join(', ')}. ` +
      judged
        .map(
          ({ corpus, nospy, parse, parseCached }) =>
            `${corpus.name}: **${ratio(nospy.ms, parse.ms)}** ${nospy.ms <= parseRatioTarget * parse.ms ? '(met)' : '(**not met**)'}, ${ratio(nospy.ms, parseCached.ms)} against the compile-cached parse`,
        )
        .join('; ') +
      '.';
const loadLine =
  startLoad > availableParallelism() / 2
    ? ` **Under load**: the load average was ${startLoad.toFixed(1)} on ${availableParallelism()} cores when the run started, so wall times (and the ratios) are worse than on a free machine; CPU times are not.`
    : '';

const smallest = memory[0];
const largest = memory.at(-1);
const middle = memory.length > 2 ? memory[memory.length - 2] : undefined;
const memoryLine =
  smallest && largest && smallest !== largest
    ? `Peak RSS grows ${ratio(largest.nospy.maxRssMb, smallest.nospy.maxRssMb)} from ${smallest.corpus.pages.toLocaleString('en')} to ${largest.corpus.pages.toLocaleString('en')} pages (${(largest.corpus.bytes / smallest.corpus.bytes).toFixed(0)}× the bytes)` +
      (middle
        ? `, ${ratio(largest.nospy.maxRssMb, middle.nospy.maxRssMb)} from ${middle.corpus.pages.toLocaleString('en')} on`
        : '') +
      `: ${largest.nospy.maxRssMb <= memoryGrowthLimit * smallest.nospy.maxRssMb ? 'flat' : '**not flat**'} (limit ${memoryGrowthLimit}×); the heap kept after a full collection goes from ${smallest.nospy.heapKeptMb.toFixed(1)} to ${largest.nospy.heapKeptMb.toFixed(1)} MB.`
    : '';

const results = `# Benchmark results

Written by \`npm run bench\` (\`node bench/run.ts --generated ${values.generated} --real-shaped ${values['real-shaped']} --memory-sizes ${values['memory-sizes']} --runs ${runs}\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${((performance.now() - startedAt) / 60000).toFixed(1)} minutes.

Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}-${process.arch}; load average ${startLoad.toFixed(1)} when the run started.${loadLine}

Corpora:
- **starter**: this repository's site, built by \`astro build\` (into \`bench/corpus/starter\`), checked with its own
  \`nospy.config.json\`; clean. Its cost is nearly all start-up.
- **generated** (\`bench/generate.ts\`, seed ${seed}): pages shaped like an Astro build (\`bench/page-markup.ts\`), 15–40 KB
  each, a nav of ~40 links, \`<picture>\` heroes with srcsets, Shiki code blocks, scoped inline \`<style>\`, JSON-LD,
  marked external links, a newsletter form to the origin, Bunny videos, an inline module script on every tenth page;
  one page in 997 carries a planted issue.
- **real-shaped** (\`bench/real-shaped.ts\`, seed ${seed}): what real themes repeat on every page: docs pages in a
  Starlight-like layout (a theme provider, search bootstrap, island runtime and \`client:\` loaders, a code-copy module
  and a menu and table-of-contents script inline on every page; island props as entity-encoded attributes; page data in
  \`<script type="application/json">\`; a sidebar of 120 links; SVG icons; expressive-code frames) and blog posts in a
  Hugo-like one (its own inline critical CSS and scripts, JSON-LD); one page in 149 carries a planted issue of four
  kinds (a theme script that stores the choice, an analytics tag, an unmarked link, a third-party font import).

Every run checks that the gate reports exactly the planted pages (and, on the real-shaped corpora, each under its
planted rule).

- **nospy**: \`bin/nospy.js check <corpus> --format json --output …\` on this Node, as a user runs it: wall time of the
  process from spawn to exit (Node's start-up included), all cores, median of ${runs} after one untimed run; CPU time
  (user + system) and peak RSS of the whole process, workers included.
- **bare parse**: \`node bench/baseline-parse.ts <corpus>\`, a process of its own that reads every HTML file and runs
  htmlparser2 over it with empty \`onopentag\`/\`ontext\`/\`onclosetag\` handlers on one thread; wall time from spawn to
  exit, median of ${runs}. The floor for this design. It runs with Node's defaults, as any script of this repository
  does; the stricter column gives it the compile cache nospy's bin turns on for itself (then its TypeScript entry
  costs no type stripping either), which on the starter is most of the difference.
- **cheerio**: \`bench/baseline-cheerio.ts\`, cheerio DOM + selectors doing the main checks, one thread, one run, wall
  time of the process.

${table}

${targetLine}${loadLine}

${rows.map(({ corpus, verdict }) => `- ${corpus.name}: ${verdict}.`).join('\n')}

## Memory

One \`nospy check\` per size of the real-shaped corpus: peak RSS of the process, workers included, and what the
main thread's heap still holds at the end after a full collection (\`--expose-gc\`): the findings, the config and
the modules, whatever the size of the site.

| pages | MB | wall (s) | pages/s | peak RSS (MB) | heap kept after GC (MB) |
|---:|---:|---:|---:|---:|---:|
${memory.map(({ corpus, nospy }) => `| ${corpus.pages} | ${(corpus.bytes / 1e6).toFixed(0)} | ${seconds(nospy.ms)} | ${(corpus.pages / (nospy.ms / 1000)).toFixed(0)} | ${nospy.maxRssMb.toFixed(0)} | ${nospy.heapKeptMb.toFixed(1)} |`).join('\n')}

${memoryLine}
${
  starter
    ? `
## Inside \`astro build\`

The starter site built with the integration; the integration logs how long its transforms and its check took.

${starter.table}
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
## Where the time goes now

\`node bench/profile.ts bench/corpus/real-600\`: the same scan on one thread (${seconds(profile.ms)} s), under the V8
sampling profiler, self time per function and per package (module loading excluded).

${profile.markdown}
`
    : ''
}`;

/** Sections other commands write, or that this run did not measure, are kept from the previous file. */
const kept = ['## Before and after', ...(crawl ? [] : ['## nospy crawl']), '## Origin receiver under load'];
const previous = existsSync(join(benchDir, 'RESULTS.md')) ? readFileSync(join(benchDir, 'RESULTS.md'), 'utf8') : '';
const keptSections = kept.flatMap((heading) => {
  const start = previous.indexOf(`\n${heading}\n`);
  if (start === -1) return [];
  const end = previous.indexOf('\n## ', start + heading.length + 2);
  return [previous.slice(start + 1, end === -1 ? undefined : end).trimEnd()];
});
writeFileSync(join(benchDir, 'RESULTS.md'), `${[results.trimEnd(), ...keptSections].join('\n\n')}\n`);
console.log(
  `\n${table}\n\n${targetLine}\n${memoryLine}\n\nwrote ${relative(process.cwd(), join(benchDir, 'RESULTS.md'))}`,
);
