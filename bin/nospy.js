#!/usr/bin/env node
// The `nospy` command. In this repository it runs the TypeScript sources (Node 24 strips types); an installed
// package ships only the compiled lib/, because Node refuses to strip types under node_modules.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

module.enableCompileCache?.();
// `nospy check dist | head` closes stdout early; that is the reader's choice, not a crash.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

const source = new URL('../scanners/cli/main.ts', import.meta.url);
const compiled = new URL('../lib/cli/main.js', import.meta.url);
const runsSources = existsSync(source);
if (runsSources && !process.features.typescript) await runOnPinnedNode();
const { main } = await import(runsSources ? source.href : compiled.href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});

/**
 * `node bin/nospy.js` on a Node without type stripping (the machine's Node 20, say): hand over to the Node 24
 * that `npm ci` put in node_modules/.bin, or say what is missing instead of failing on a `.ts` import.
 */
async function runOnPinnedNode() {
  const pinned = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    process.stderr.write(
      `nospy: Node ${process.versions.node} cannot run the TypeScript sources; use Node 24 (see .nvmrc), or run \`npm ci\` to install it into node_modules/.bin\n`,
    );
    process.exit(2);
  }
  // Loaded here only: child_process costs every other start a few milliseconds.
  const { spawnSync } = await import('node:child_process');
  const child = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 2);
}
