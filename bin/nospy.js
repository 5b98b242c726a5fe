#!/usr/bin/env node
// The `nospy` command. In this repository it runs the TypeScript sources (Node 24 strips types); an installed
// package ships only the compiled lib/, because Node refuses to strip types under node_modules.
import { existsSync } from 'node:fs';
import module from 'node:module';

module.enableCompileCache?.();
// `nospy check dist | head` closes stdout early; that is the reader's choice, not a crash.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

const source = new URL('../scanners/cli/main.ts', import.meta.url);
const compiled = new URL('../lib/cli/main.js', import.meta.url);
const { main } = await import(existsSync(source) ? source.href : compiled.href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
});
