/**
 * `nospy crawl` on a generated corpus: pages/s of the CLI as a user runs it, for each Chromium nospy can find here
 * (the one it picks by default, and the npm-brought one), two runs each, and whether the two JSON reports are
 * identical. `npm run bench` adds this section to RESULTS.md; alone: `node bench/crawl.ts [pages]` prints it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../scanners/crawl/chromium.ts';
import { generateCorpus } from './generate.ts';

const benchDir = import.meta.dirname;
const runsPerBrowser = 2;

interface CrawlRun {
  ms: number;
  report: string;
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
  const started = performance.now();
  const child = spawnSync(process.execPath, [...args, '--format', 'json', '--output', output], {
    encoding: 'utf8',
    env,
  });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`nospy crawl exited ${child.status}: ${child.stderr}`);
  return { ms, report: readFileSync(output, 'utf8') };
}

/** The markdown section: one row per Chromium, the corpus generated in a temporary folder and removed after. */
export async function measureCrawl(pages: number, seed: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nospy-bench-crawl-'));
  try {
    const corpus = join(dir, 'site');
    generateCorpus(pages, corpus, seed);
    const npmBrought = await findChromium({ explicit: undefined, systemPaths: [] });
    const picked = await findChromium({ explicit: process.env.NOSPY_CHROMIUM || undefined });
    const browsers = [...new Set([picked, npmBrought])].filter((path) => existsSync(path));
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
      return `| ${name}${chromium === picked ? ' (default here)' : ''} | ${files} | ${seconds} | ${rates} | ${same} |`;
    });
    return [
      `\`nospy crawl\` of ${pages} generated pages (seed ${seed}), the CLI as a user runs it (\`--format json\`), wall`,
      `time including Node's and Chromium's start-up, ${runsPerBrowser} runs per browser; load average ${load.toFixed(1)}`,
      'when it started (other processes share the cores, and a crawl spends most of its time in them).',
      '',
      '| Chromium | pages | wall (s) | pages/s | identical JSON reports |',
      '|---|---:|---:|---:|---|',
      ...rows,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) console.log(await measureCrawl(Number(process.argv[2] ?? 200), 42));
