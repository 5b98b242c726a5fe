import { readFileSync } from 'node:fs';

/**
 * nospy's version from its package.json, two levels up both in this repo (scanners/cli) and when installed (lib/cli).
 */
export const version: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
