import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the starter site built for this test run. */
    siteDir: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const siteDir = fileURLToPath(new URL('../.output/site/', import.meta.url));

/** Builds the starter site once per run, into test/.output/site (never dist/, which people and other tests use). */
export default async function buildSite(project: TestProject): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await import('astro');
  await rm(siteDir, { recursive: true, force: true });
  await build({ root, outDir: siteDir, logLevel: 'error' });
  project.provide('siteDir', siteDir);
}
