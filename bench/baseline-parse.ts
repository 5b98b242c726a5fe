/**
 * The floor for the gate's design: read every HTML file and run htmlparser2 over it with empty
 * handlers, on one thread. Prints one JSON line: { ms, files, bytes, maxRssMb }.
 *
 *   npx node bench/baseline-parse.ts <dir>
 */
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { listFiles } from './list-files.ts';

const dir = process.argv[2];
const files = listFiles(dir, ['.html']);
const started = performance.now();
let bytes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  const parser = new Parser({}, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(text);
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, files: files.length, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
