// `npm run bench:origin [-- --seconds 30 --connections 50]`: the origin receiver under a bounded load on loopback,
// mailing to a real SMTP sink, with its memory sampled; writes the "Origin receiver under load" section of
// bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { receiverDefaults } from '../../origin/config.ts';
import { createReceiver } from '../../origin/server.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    // Few enough that each client posts past the rate limit.
    clients: { type: 'string', default: '500' },
  },
});
const clientPool = Number(values.clients);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:origin does)');
const startLoad = loadavg()[0];

const load = spawn(
  process.execPath,
  [
    fileURLToPath(new URL('load.ts', import.meta.url)),
    ...['--seconds', values.seconds, '--connections', values.connections, '--clients', values.clients],
  ],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const lines = createInterface({ input: load.stdout })[Symbol.asyncIterator]();
const nextLine = async () => String((await lines.next()).value);
const smtpPort = Number(/^sink (\d+)$/.exec(await nextLine())![1]);

const receiver = createReceiver(
  {
    ...receiverDefaults,
    siteUrl: 'https://www.example.ca',
    mailTo: 'office@example.ca',
    mailFrom: 'website@example.ca',
    smtp: { host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true },
    // The load generator names its clients in X-Forwarded-For, as a proxy in front would.
    trustProxy: true,
  },
  () => undefined,
);
await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));

const mb = (bytes: number) => bytes / 2 ** 20;
const memory = () => {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: mb(rss), heap: mb(heapUsed) };
};
gc();
const atStart = memory();
const samples: { rss: number; heap: number }[] = [];
// Collected before each sample, so the heap is what the receiver keeps, not garbage waiting for the collector.
const sampler = setInterval(() => {
  gc();
  samples.push(memory());
}, 1000);
load.stdin.write(`http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}\n`);
const result = JSON.parse(await nextLine());
clearInterval(sampler);
await once(load, 'exit');
await receiver.close(1000);
gc();
const atEnd = memory();
const peak = { rss: Math.max(...samples.map((s) => s.rss)), heap: Math.max(...samples.map((s) => s.heap)) };
// The heap after the first third of the run against after the last: flat when nothing accumulates per request.
const third = Math.floor(samples.length / 3);
const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
const heapEarly = median(samples.slice(0, third).map((s) => s.heap));
const heapLate = median(samples.slice(-third).map((s) => s.heap));

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const section = `## Origin receiver under load

Written by \`npm run bench:origin\` (\`node --expose-gc bench/origin/run.ts --seconds ${values.seconds} --connections ${values.connections} --clients ${values.clients}\`) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${fixed(totalmem() / 2 ** 30, 0)} GiB RAM, Node ${process.version}; load average ${fixed(startLoad)} when the run started.

The receiver (default settings, \`TRUST_PROXY\` on) in this process; in another, ${values.connections} keep-alive connections
posting the form for ${values.seconds} s from ${clientPool.toLocaleString('en')} client addresses in \`X-Forwarded-For\` (so each posts past the
rate limit of ${receiverDefaults.rateLimit} and gets 429s), and a real SMTP sink (smtp-server) that counts a token carried by each message. Every
accepted post is one new SMTP connection, as in production; smtp-server waits about 100 ms before its greeting, so
none takes less. Errors are failed connections and 5xx answers.

${row(['requests', 'req/s', 'p50 (ms)', 'p99 (ms)', 'answers', 'errors', 'accepted (303)', 'mailed', 'lost', 'mailed twice'])}
${row(Array(10).fill('---:'))}
${row([
  result.requests,
  fixed(result.rps),
  fixed(result.p50),
  fixed(result.p99),
  Object.entries(result.statuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', '),
  result.errors,
  result.accepted,
  result.mailed,
  result.lost,
  result.duplicated,
])}

Receiver memory (MB): RSS ${fixed(atStart.rss)} at start, ${fixed(peak.rss)} peak, ${fixed(atEnd.rss)} at the end;
JS heap after GC, sampled every second: ${fixed(atStart.heap)} at start, ${fixed(peak.heap)} peak, median ${fixed(heapEarly)} over the first
third of the run and ${fixed(heapLate)} over the last, ${fixed(atEnd.heap)} at the end.
`;

const resultsFile = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
const results = readFileSync(resultsFile, 'utf8');
const at = results.indexOf('## Origin receiver under load');
writeFileSync(resultsFile, `${at === -1 ? `${results.trimEnd()}\n\n` : results.slice(0, at)}${section}`);
console.log(section);
