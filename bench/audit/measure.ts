import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { isBunnyPlayerHost } from '../../scanners/syntax/bunny.ts';

/** One way a visitor sees a page: light or dark, phone or desktop. */
export interface Variant {
  name: string;
  colorScheme: 'light' | 'dark';
  width: number;
  height: number;
}

/** The widths and themes every page is measured at. */
export const variants: readonly Variant[] = [
  { name: 'light 390', colorScheme: 'light', width: 390, height: 844 },
  { name: 'dark 390', colorScheme: 'dark', width: 390, height: 844 },
  { name: 'light 1280', colorScheme: 'light', width: 1280, height: 900 },
  { name: 'dark 1280', colorScheme: 'dark', width: 1280, height: 900 },
];

/** What one page did in one variant. */
export interface PageMeasure {
  /** Bytes of JavaScript the page loaded or holds inline (JSON-LD is data, not code). */
  scriptBytes: number;
  cookies: number;
  /** Every request to a host other than the site's, Bunny's player included. */
  thirdPartyRequests: string[];
  consoleMessages: string[];
  /** axe-core violations: rule id and how many elements break it. */
  axeViolations: string[];
  /** Bytes of every response, headers excluded; the site serves no video of its own. */
  transferredBytes: number;
}

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** WCAG 2.2 A and AA, as axe-core tags them. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core in the page; evaluated through the DevTools protocol, so the page's CSP does not block it. */
async function runAxe(page: Page): Promise<string[]> {
  // The video's poster frame is a document of the site too: axe checks it when it runs there as well.
  for (const frame of page.frames()) await frame.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
    });
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  }, wcagTags);
  return violations;
}

/**
 * Opens `url` in a fresh context of `browser` as `variant` sees it and measures it. The browser must resolve no host
 * but loopback (scanners/crawl/chromium.ts's flags): a request elsewhere is recorded, never sent.
 */
export async function measurePage(browser: Browser, url: string, variant: Variant): Promise<PageMeasure> {
  const context = await browser.newContext({
    colorScheme: variant.colorScheme,
    viewport: { width: variant.width, height: variant.height },
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    const site = new URL(url).host;
    const measure: PageMeasure = {
      scriptBytes: 0,
      cookies: 0,
      thirdPartyRequests: [],
      consoleMessages: [],
      axeViolations: [],
      transferredBytes: 0,
    };
    page.on('console', (message) => measure.consoleMessages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => measure.consoleMessages.push(`error: ${error.message}`));
    page.on('request', (request) => {
      const { host, protocol } = new URL(request.url());
      if (/^https?:$/.test(protocol) && host !== site) measure.thirdPartyRequests.push(request.url());
    });
    const bodies: Promise<void>[] = [];
    page.on('response', (response) => {
      bodies.push(
        response.body().then(
          (body) => {
            measure.transferredBytes += body.length;
            if (response.request().resourceType() === 'script') measure.scriptBytes += body.length;
          },
          // A redirect or an aborted response has no body to count.
          () => undefined,
        ),
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    // Lazy content below the fold loads as a visitor scrolls.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    measure.scriptBytes += await page.evaluate(() =>
      [...document.querySelectorAll('script:not([type="application/ld+json"])')].reduce(
        (total, script) => total + (script.textContent?.length ?? 0),
        0,
      ),
    );
    measure.axeViolations = await runAxe(page);
    await Promise.all(bodies);
    measure.cookies = (await context.cookies()).length;
    return measure;
  } finally {
    await context.close();
  }
}

/** Does `url` go to Bunny's player? The one third party a page may contact, and only once the visitor presses play. */
export function isBunnyPlayer(url: string): boolean {
  return isBunnyPlayerHost(new URL(url).host);
}

/**
 * Presses the first video's play link, as a visitor would, and returns the third-party requests made before the
 * press and after it. Undefined for a page without a video frame.
 */
export async function measurePlay(
  browser: Browser,
  url: string,
): Promise<{ before: string[]; after: string[] } | undefined> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const site = new URL(url).host;
    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).host !== site && /^https?:/.test(request.url())) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    const frame = page.frameLocator('.bunny-video iframe');
    if ((await page.locator('.bunny-video iframe').count()) === 0) return undefined;
    await page.locator('.bunny-video iframe').scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    const before = [...requests];
    await frame.getByRole('link', { name: /^Play video/ }).click();
    // The player's host does not resolve here, so the frame's navigation fails after it was asked for.
    await page.waitForEvent('requestfailed', { timeout: 5_000 }).catch(() => undefined);
    return { before, after: requests.slice(before.length) };
  } finally {
    await context.close();
  }
}
