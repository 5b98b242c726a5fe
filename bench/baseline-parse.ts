/**
 * The floor for the gate's design: read every HTML file and run htmlparser2 over it on one thread,
 * with empty handlers for the events the HTML gatherer listens to (open tag with its attributes,
 * text, close tag), so the parser does the work any gatherer on it must pay for and nothing more.
 * Prints one JSON line: { ms, cpuMs, files, bytes, maxRssMb }.
 *
 *   npx node bench/baseline-parse.ts <dir>
 */
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { listFiles } from './list-files.ts';

const dir = process.argv[2]!;
const files = listFiles(dir, ['.html']);
const ignore = () => {};
const handlers = { onopentag: ignore, ontext: ignore, onclosetag: ignore };
const started = performance.now();
const cpuStarted = process.cpuUsage();
let bytes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  new Parser(handlers, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(text);
}
const ms = performance.now() - started;
const { user, system } = process.cpuUsage(cpuStarted);
const cpuMs = (user + system) / 1000;
console.log(JSON.stringify({ ms, cpuMs, files: files.length, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
