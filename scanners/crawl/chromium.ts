import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { UsageError } from '../errors.ts';
import { npmChromium, npmChromiumPackage } from './npm-chromium.ts';

/** Where Debian, Ubuntu and Chrome's own packages put the browser, in order of preference. */
export const systemChromiumPaths: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * Flags for a browser that can reach only the local server: every host name but localhost and
 * 127.0.0.1 fails to resolve, so nothing leaves the machine even if request routing missed something,
 * and Chromium's own background traffic (updates, sync, QUIC probes) is off.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export interface ChromiumSearch {
  /** A path that must be a browser: the `chromium` option, else `$NOSPY_CHROMIUM`. */
  explicit?: string;
  /** Where to look for a system browser; tests pass `[]` to reach the npm-brought one. */
  systemPaths?: readonly string[];
}

/**
 * The Chromium to drive: an explicit path (`$NOSPY_CHROMIUM`), then a system Chromium or Chrome, then the one the
 * optional package `@sparticuz/chromium` brings. A usage error says what to install when there is none.
 */
export async function findChromium({
  explicit = process.env.NOSPY_CHROMIUM || undefined,
  systemPaths = systemChromiumPaths,
}: ChromiumSearch = {}): Promise<string> {
  if (explicit) {
    if (!existsSync(explicit))
      throw new UsageError(`nospy crawl: no Chromium at ${explicit} (from NOSPY_CHROMIUM or the chromium option)`);
    return explicit;
  }
  const found = systemPaths.find((path) => existsSync(path)) ?? (await npmChromium());
  if (!found) {
    throw new UsageError(
      `nospy crawl needs Chromium: npm install --save-dev ${npmChromiumPackage} (Linux x64), install Chromium or Chrome, or set NOSPY_CHROMIUM to a browser's path`,
    );
  }
  return found;
}

/** Launches headless Chromium with a fresh profile; loaded lazily so `nospy check` never pays for Playwright. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await loadPlaywright();
  try {
    return await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  } catch (error) {
    // A browser that will not start is the machine's problem, not a bug in nospy.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`nospy crawl: Chromium at ${executablePath} did not start (${reason})`);
  }
}

/** playwright-core is an optional peer of the package: only `crawl` needs it, so installing nospy never brings it. */
export async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new UsageError(
      'nospy crawl needs playwright-core, which installing nospy does not bring: npm install --save-dev playwright-core',
    );
  }
}
