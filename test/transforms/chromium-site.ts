import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { compileHeadersFile } from '../../scanners/crawl/headers.ts';
import { serveDirectory } from '../../scanners/crawl/server.ts';

/** The site's own address, which the folder stands in for. */
export const site = 'https://www.example.ca';

/**
 * Runs `visit` in a browser context where the site's own URL is answered from `dir` with the headers its `_headers`
 * sets (so the CSP fix wrote is enforced), every other request is refused, and each page records the CSP violations
 * it sees in `window.violations`.
 */
export async function withSite<T>(
  browser: Browser,
  dir: string,
  visit: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const headers = await readFile(join(dir, '_headers'), 'utf8').catch(() => '');
  const server = await serveDirectory(dir, compileHeadersFile(headers, new URL(site).host));
  const context = await browser.newContext();
  try {
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (!url.startsWith(`${site}/`)) return route.abort('blockedbyclient');
      await route.fulfill({ response: await route.fetch({ url: server.origin + url.slice(site.length) }) });
    });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    return await visit(context);
  } finally {
    await context.close();
    await server.close();
  }
}
