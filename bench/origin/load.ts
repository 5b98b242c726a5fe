// The other side of `npm run bench:origin`, in its own process so its memory is not the receiver's: a real SMTP sink
// and an HTTP load of form posts. Prints `sink <port>`, waits for the receiver's URL on stdin, prints one JSON line.
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';

const { values } = parseArgs({
  options: { seconds: { type: 'string' }, connections: { type: 'string' }, clients: { type: 'string' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const clientPool = Number(values.clients);

// Each post carries a token; the sink counts the tokens it stores, so a duplicate or a lost mail shows.
const mailed = new Map<string, number>();
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  // A reverse DNS lookup of 127.0.0.1 per connection would time the sink's resolver, not the receiver.
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const token = /bench-token-(\d+)/.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? 'none';
      mailed.set(token, (mailed.get(token) ?? 0) + 1);
      callback();
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
process.stdout.write(`sink ${(sink.server.address() as AddressInfo).port}\n`);
const [line] = await once(process.stdin, 'data');
process.stdin.destroy();
const url = new URL('/contact', String(line).trim());

const agent = new Agent({ keepAlive: true, maxSockets: connections });
const latencies: number[] = [];
const statuses: Record<string, number> = {};
const accepted = new Set<string>();
let errors = 0;
let next = 0;

function post(token: number): Promise<void> {
  const client = `10.0.${(token % clientPool) >> 8}.${(token % clientPool) & 255}`;
  const body = new URLSearchParams({
    name: 'Ada Lovelace',
    email: 'ada@engines.example',
    message: `Load test message bench-token-${token}\n${'Lorem ipsum dolor sit amet. '.repeat(20)}`,
  }).toString();
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          origin: 'https://www.example.ca',
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': client,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          if (res.statusCode === 303) accepted.add(String(token));
          if ((res.statusCode ?? 500) >= 500) errors += 1;
          resolve();
        });
      },
    );
    req.on('error', () => {
      errors += 1;
      resolve();
    });
    req.end(body);
  });
}

const until = performance.now() + seconds * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (performance.now() < until) await post((next += 1));
  }),
);
const elapsed = (performance.now() - started) / 1000;
// Let the sink's last answers land before counting.
await new Promise((resolve) => setTimeout(resolve, 500));
latencies.sort((a, b) => a - b);
const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))];
const lost = [...accepted].filter((token) => !mailed.has(token)).length;
const duplicated = [...mailed.values()].filter((count) => count > 1).length;
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    statuses,
    errors,
    accepted: accepted.size,
    mailed: [...mailed.values()].reduce((sum, count) => sum + count, 0),
    lost,
    duplicated,
  })}\n`,
);
agent.destroy();
sink.close(() => undefined);
