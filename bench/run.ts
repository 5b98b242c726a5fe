/**
 * `npm run bench`: on one generated corpus per size, measures in one run
 *  - `nospy check` (wall time of the whole CLI process, pages/s, MB/s, peak RSS),
 *  - a bare htmlparser2 parse of the same files (the floor for this design),
 *  - a naive cheerio-based scan (what a simple implementation costs),
 * and writes the table, ratios and growth to bench/RESULTS.md.
 *
 *   npm run bench                     # sizes 1000, 10000, 50000
 *   npm run bench -- --sizes 1000     # a quick run
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000,50000' }, seed: { type: 'string', default: '42' } },
});
const sizes = values.sizes.split(',').map(Number);
const benchDir = import.meta.dirname;
const node = process.execPath;
const config = join(benchDir, 'nospy.config.json');

interface ChildResult {
  ms: number;
  maxRssMb: number;
}

/** Generates the corpus unless the same generator already wrote it with the same seed. */
function ensureCorpus(pages: number): { dir: string; bytes: number } {
  const dir = join(benchDir, 'corpus', String(pages));
  const stampFile = join(dir, '.stamp');
  const stamp = createHash('sha256').update(readFileSync(join(benchDir, 'generate.ts'))).update(values.seed).digest('hex');
  if (existsSync(stampFile)) {
    const saved = JSON.parse(readFileSync(stampFile, 'utf8')) as { stamp: string; bytes: number };
    if (saved.stamp === stamp) return { dir, bytes: saved.bytes };
  }
  const { bytes } = generateCorpus(pages, dir, Number(values.seed));
  writeFileSync(stampFile, JSON.stringify({ stamp, bytes }));
  return { dir, bytes };
}

/** Runs a baseline script that prints its own in-process timing as JSON. */
function runBaseline(script: string, args: string[]): ChildResult {
  const output = execFileSync(node, [join(benchDir, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(output.trim().split('\n').at(-1)!) as ChildResult;
}

/** Runs the real CLI as a user would; wall time includes Node's start-up, peak RSS includes the workers. */
function measureNospy(dir: string): ChildResult {
  // A shell keeps /usr/bin/time's stderr line whatever the gate's exit code.
  const started = performance.now();
  const output = execFileSync('sh', ['-c', `/usr/bin/time -f maxrss=%M "$0" "$@" 2>&1 >/dev/null; true`, node, join(benchDir, '..', 'bin', 'nospy.js'), 'check', dir, '--config', config, '--format', 'json', '--output', join(dir, '..', `report-${dir.split('/').at(-1)}.json`)], { encoding: 'utf8' });
  const ms = performance.now() - started;
  const rss = /maxrss=(\d+)/.exec(output);
  return { ms, maxRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

const rows: { pages: number; mb: number; nospy: ChildResult; parse: ChildResult; cheerio: ChildResult }[] = [];
for (const pages of sizes) {
  const { dir, bytes } = ensureCorpus(pages);
  const mb = bytes / 1e6;
  const parse = runBaseline('baseline-parse.ts', [dir]);
  const nospy = measureNospy(dir);
  const cheerio = runBaseline('baseline-cheerio.ts', [dir]);
  rows.push({ pages, mb, nospy, parse, cheerio });
  console.log(`${pages} pages: nospy ${nospy.ms.toFixed(0)} ms, parse ${parse.ms.toFixed(0)} ms, cheerio ${cheerio.ms.toFixed(0)} ms`);
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const table = [
  '| pages | MB | nospy check (s) | pages/s | MB/s | peak RSS (MB) | bare parse (s) | cheerio scan (s) | nospy ÷ parse | nospy ÷ cheerio |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(({ pages, mb, nospy, parse, cheerio }) =>
    `| ${pages} | ${mb.toFixed(0)} | ${seconds(nospy.ms)} | ${(pages / (nospy.ms / 1000)).toFixed(0)} | ${(mb / (nospy.ms / 1000)).toFixed(1)} | ${nospy.maxRssMb.toFixed(0)} | ${seconds(parse.ms)} | ${seconds(cheerio.ms)} | ${(nospy.ms / parse.ms).toFixed(2)}× | ${(nospy.ms / cheerio.ms).toFixed(2)}× |`),
];
const first = rows[0];
const growth = rows.map(({ pages, nospy, parse }) =>
  `| ${pages} | ${(nospy.ms / pages).toFixed(3)} | ${(parse.ms / pages).toFixed(3)} | ${((nospy.ms / pages) / (first.nospy.ms / first.pages)).toFixed(2)} |`);

const report = `# Benchmark results

Written by \`npm run bench\` (\`node bench/run.ts --sizes ${values.sizes}\`), ${new Date().toISOString().slice(0, 10)}.

Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}-${process.arch}.

Corpus: \`bench/generate.ts\` (seed ${values.seed}): Astro/Hugo-like pages with a 24-link nav, srcset images,
inline styles, JSON-LD, an inline script on every tenth page, 12 stylesheets and 8 scripts, a \`_headers\` file.

- **nospy check**: the CLI as a user runs it (\`nospy check <corpus> --format json --output …\`), wall time
  including Node start-up, all cores (worker threads); peak RSS from \`/usr/bin/time\` (workers included).
- **bare parse**: read + htmlparser2 with empty handlers, one thread, in-process timing (\`bench/baseline-parse.ts\`).
- **cheerio scan**: cheerio DOM + selectors doing the main checks, one thread (\`bench/baseline-cheerio.ts\`).

${table.join('\n')}

Growth (ms per page; linear scaling keeps the last column near 1):

| pages | nospy ms/page | parse ms/page | nospy ms/page vs first size |
|---:|---:|---:|---:|
${growth.join('\n')}
`;
writeFileSync(join(benchDir, 'RESULTS.md'), report);
console.log(`\n${table.join('\n')}\n\nwrote bench/RESULTS.md`);
