/**
 * `nospy crawl` on a generated corpus: pages/s of the CLI as a user runs it, for each Chromium nospy can find here
 * (the one it picks by default, and the npm-brought one), two runs each, and whether the two JSON reports are
 * identical. `npm run bench` adds this section to RESULTS.md; alone: `node bench/crawl.ts [pages]` prints it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../scanners/crawl/chromium.ts';
import { npmChromium } from '../scanners/crawl/npm-chromium.ts';
import { generateCorpus } from './generate.ts';

const benchDir = import.meta.dirname;
const runsPerBrowser = 2;

interface CrawlRun {
  ms: number;
  /** CPU time of the crawl and its browser processes, user + system; undefined off Linux. */
  cpuMs?: number;
  report: string;
}

/** CPU time of this process's waited-for children and theirs (`/proc/self/stat` cutime + cstime, in 1/100 s). */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function crawl(corpus: string, chromium: string | undefined, output: string): CrawlRun {
  const env = { ...process.env, NOSPY_CHROMIUM: chromium ?? '' };
  const args = [
    join(benchDir, '..', 'bin', 'nospy.js'),
    'crawl',
    corpus,
    '--config',
    join(benchDir, 'nospy.config.json'),
  ];
  const [started, cpuBefore] = [performance.now(), childrenCpuMs()];
  const child = spawnSync(process.execPath, [...args, '--format', 'json', '--output', output], {
    encoding: 'utf8',
    env,
  });
  const ms = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  if (child.status !== 0) throw new Error(`nospy crawl exited ${child.status}: ${child.stderr}`);
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { ms, cpuMs, report: readFileSync(output, 'utf8') };
}

/** The markdown section: one row per Chromium, the corpus generated in a temporary folder and removed after. */
export async function measureCrawl(pages: number, seed: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nospy-bench-crawl-'));
  try {
    const corpus = join(dir, 'site');
    generateCorpus(pages, corpus, seed);
    const npmBrought = await npmChromium();
    const picked = await findChromium({ explicit: process.env.NOSPY_CHROMIUM || undefined });
    const browsers = [...new Set([picked, npmBrought])].filter((path) => path !== undefined);
    const load = loadavg()[0];
    const rows = browsers.map((chromium) => {
      const runs = Array.from({ length: runsPerBrowser }, (_, i) =>
        crawl(corpus, chromium, join(dir, `report-${i}.json`)),
      );
      const files = (JSON.parse(runs[0].report) as { summary: { files: number } }).summary.files;
      const rates = runs.map((run) => (files / (run.ms / 1000)).toFixed(1)).join(', ');
      const same = runs.every((run) => run.report === runs[0].report) ? 'yes' : '**no**';
      const name = chromium === npmBrought ? '@sparticuz/chromium (npm)' : `\`${chromium}\``;
      const seconds = runs.map((run) => (run.ms / 1000).toFixed(1)).join(', ');
      const cpu = runs.map((run) => (run.cpuMs === undefined ? '—' : (run.cpuMs / files).toFixed(0))).join(', ');
      // With every core to itself the crawl is bound by CPU: pages/s cannot exceed cores ÷ CPU seconds per page.
      const bound = runs[0].cpuMs ? ((availableParallelism() * files) / (runs[0].cpuMs / 1000)).toFixed(1) : '—';
      return `| ${name}${chromium === picked ? ' (default here)' : ''} | ${files} | ${seconds} | ${rates} | ${cpu} | ${bound} | ${same} |`;
    });
    return [
      `\`nospy crawl\` of ${pages} generated pages (seed ${seed}), the CLI as a user runs it (\`--format json\`), wall`,
      `time including Node's and Chromium's start-up, ${runsPerBrowser} runs per browser; load average ${load.toFixed(1)}`,
      "when it started. CPU is the crawl's and its browser processes' (user + system), which other processes on the",
      `machine do not change; ${availableParallelism()} cores ÷ CPU per page is the most it can reach with the cores to itself.`,
      '',
      '| Chromium | pages | wall (s) | pages/s | CPU ms/page | pages/s, cores free (CPU bound) | identical JSON reports |',
      '|---|---:|---:|---:|---:|---:|---|',
      ...rows,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) console.log(await measureCrawl(Number(process.argv[2] ?? 200), 42));
