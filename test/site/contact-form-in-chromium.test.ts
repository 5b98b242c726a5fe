import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiverDefaults } from '../../origin/config.ts';
import { createReceiver, type Receiver } from '../../origin/server.ts';
import { findChromium, launchChromium } from '../../scanners/crawl/chromium.ts';
import { compileHeadersFile } from '../../scanners/crawl/headers.ts';
import { serveDirectory, type StaticServer } from '../../scanners/crawl/server.ts';
import { startSmtpSink, type SmtpSink } from '../origin/smtp-sink.ts';
import { siteDir } from './support.ts';

const browserTimeoutMs = 60_000;
const site = 'https://www.example.ca';
const origin = 'https://origin.example.ca';
const visitor = {
  'Your name': 'Ada Lovelace',
  Business: 'Analytical Engines Ltd',
  Position: 'Chief Programmer',
  Email: 'ada@engines.example',
  Phone: '+1 (604) 555-0199',
  Message: 'Could you build us a site?\nNo cookies, please.',
};

/**
 * The starter as a visitor meets it, in Chromium: `dist/` served with its `_headers` in place of the CDN, the
 * contact form's POST routed to the real origin receiver on loopback, which mails a real SMTP peer. Every other
 * request is stopped and recorded.
 */
describe('the starter site in Chromium', () => {
  let server: StaticServer;
  let sink: SmtpSink;
  let receiver: Receiver;
  let receiverUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  const requested: string[] = [];
  const redirects: string[] = [];

  beforeAll(async () => {
    const headers = await readFile(join(siteDir, '_headers'), 'utf8');
    server = await serveDirectory(siteDir, compileHeadersFile(headers, 'www.example.ca'));
    sink = await startSmtpSink();
    receiver = createReceiver(
      {
        ...receiverDefaults,
        siteUrl: site,
        mailTo: 'office@example.ca',
        mailFrom: 'website@example.ca',
        smtp: { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true },
      },
      () => undefined,
    );
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    browser = await launchChromium(await findChromium());
    context = await browser.newContext();
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      requested.push(url);
      const target = url.startsWith(`${site}/`)
        ? server.origin + url.slice(site.length)
        : url.startsWith(`${origin}/`)
          ? receiverUrl + url.slice(origin.length)
          : undefined;
      if (target === undefined) return route.abort('blockedbyclient');
      const response = await route.fetch({ url: target, maxRedirects: 0 });
      const location = response.headers().location;
      if (response.status() !== 303 || !location?.startsWith(`${site}/`)) return route.fulfill({ response });
      // Chromium does not route the request that follows a redirect a route answered, so the page it leads to is
      // served here; the redirect itself is kept for the test to check.
      redirects.push(location);
      const landing = await fetch(server.origin + location.slice(site.length));
      return route.fulfill({
        status: landing.status,
        headers: Object.fromEntries(landing.headers),
        body: Buffer.from(await landing.arrayBuffer()),
      });
    });
  }, browserTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => receiver?.server.close(resolve));
    await sink?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(site + path);
    return page;
  }

  it(
    'sends the contact form to the origin, which mails every field and shows the thank-you page',
    async () => {
      const page = await open('/contact/');
      for (const [label, value] of Object.entries(visitor)) await page.getByLabel(label, { exact: false }).fill(value);
      await Promise.all([
        page.waitForURL(`${origin}/contact`),
        page.getByRole('button', { name: 'Send message' }).click(),
      ]);
      expect(redirects).toEqual([`${site}/contact/thanks/`]);
      expect(sink.messages).toHaveLength(1);
      const mail = sink.messages[0].replace(/\r\n/g, '\n');
      for (const value of Object.values(visitor)) expect(mail).toContain(value);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/thank/i);
      const hosts = new Set(requested.map((url) => new URL(url).host));
      expect([...hosts].sort()).toEqual(['origin.example.ca', 'www.example.ca']);
      await page.close();
    },
    browserTimeoutMs,
  );

  it(
    'shows the leaving notice of an external link, and puts it in the accessibility tree',
    async () => {
      // The about page links to the WCAG; the home page's only way to Bunny is the video's play link.
      const page = await open('/about/');
      const link = page.locator('a[data-leaving]').first();
      await expect.poll(() => link.locator('.leaving-mark').isVisible()).toBe(true);
      expect(await link.ariaSnapshot()).toContain('(leaves this site)');
      await page.close();
    },
    browserTimeoutMs,
  );
});
