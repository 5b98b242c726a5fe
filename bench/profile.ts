/**
 * Where `nospy check` spends its time: scans a corpus on this thread only (no workers, so one profile
 * holds all the work) under the V8 CPU profiler and prints the top self-time functions and packages
 * as markdown tables. Module loading is not in the profile: it happens before the profiler starts.
 *
 *   npx node bench/profile.ts <dir> [--config FILE] [--top 15]
 */
import { Session } from 'node:inspector/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../scanners/config/load.ts';
import { scanDirectory } from '../scanners/scan.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time in ms per key, largest first. */
function selfTimes(profile: Profile, keyOf: (node: ProfileNode) => string): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const key = keyOf(nodes.get(id)!);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const repository = join(import.meta.dirname, '..');

/** `node_modules/acorn/dist/acorn.mjs` → `acorn`, a file of ours → its path, Node internals → `node:…`. */
function placeOf({ callFrame: { url, functionName } }: ProfileNode): string {
  if (url === '') return `(${functionName.replace(/[()]/g, '')})`;
  const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (packageName) return packageName;
  if (url.startsWith('file://')) return relative(repository, new URL(url).pathname);
  return url;
}

function functionOf(node: ProfileNode): string {
  const { functionName, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} (${placeOf(node)}${lineNumber >= 0 ? `:${lineNumber + 1}` : ''})`;
}

function table(title: string, rows: [string, number][], total: number, top: number): string {
  return [
    `| ${title} | self ms | share |`,
    '|---|---:|---:|',
    ...rows
      .slice(0, top)
      .map(([key, ms]) => `| \`${key}\` | ${ms.toFixed(0)} | ${((ms / total) * 100).toFixed(1)} % |`),
  ].join('\n');
}

/** Profiles one in-process scan of `dir`; returns the markdown tables and the scan's own wall time. */
export async function profileScan(
  dir: string,
  configFile: string,
  top = 15,
): Promise<{ ms: number; markdown: string }> {
  const config = loadConfig(configFile);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const started = performance.now();
  await scanDirectory(dir, config, { workers: 1 });
  const ms = performance.now() - started;
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  const byFunction = selfTimes(profile, functionOf);
  const total = byFunction.reduce((sum, [, time]) => sum + time, 0);
  const markdown = `${table('function', byFunction, total, top)}\n\n${table('package or file', selfTimes(profile, placeOf), total, top)}`;
  return { ms, markdown };
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      config: { type: 'string', default: join(import.meta.dirname, 'nospy.config.json') },
      top: { type: 'string', default: '15' },
    },
  });
  const { ms, markdown } = await profileScan(
    positionals[0] ?? join(import.meta.dirname, 'corpus', 'real-600'),
    values.config,
    Number(values.top),
  );
  console.log(`One thread, ${(ms / 1000).toFixed(2)} s\n\n${markdown}`);
}
