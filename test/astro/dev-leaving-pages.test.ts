import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AstroIntegrationLogger } from 'astro';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevGate } from '../../scanners/astro/dev.ts';
import { leavingPagePath } from '../../scanners/syntax/leaving-page.ts';
import { testConfig } from '../transforms/support.ts';

const config = testConfig({ externalLinks: { mode: 'interstitial' } });
const warnings: string[] = [];
const logger = {
  warn: (line: string) => warnings.push(line),
  info() {},
  error() {},
} as unknown as AstroIntegrationLogger;

/** What Astro's dev server would render: a page with an external link, and the site's leaving page. */
const rendered: Record<string, string> = {
  '/': '<!doctype html><html><head><title>Home</title></head><body><a href="https://partner.example/offer">Offer</a></body></html>',
  '/leaving/': [
    '<!doctype html><html><head><title>Leaving</title></head><body>',
    '<h1>Leaving for <span data-nospy-leaving="host">another website</span></h1>',
    '<a data-nospy-leaving="continue" hidden>Continue to <span data-nospy-leaving="host">it</span></a></body></html>',
  ].join(''),
};

let server: Server;
let origin: string;

beforeAll(async () => {
  const gate = createDevGate({
    config,
    project: { root: process.cwd(), dirs: [] },
    logger,
    toolbar: { send() {}, on() {} },
  });
  server = createServer((request, response) =>
    gate(request, response, () => {
      const html = rendered[request.url ?? ''];
      if (html === undefined) response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
      else response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('astro dev in interstitial mode', () => {
  it("serves the leaving page of a destination a served page links to, made from the site's leaving page", async () => {
    const page = leavingPagePath('https://partner.example/offer', '/leaving/');
    const home = load(await (await fetch(`${origin}/`)).text());
    expect(home('a').attr('href')).toBe(page);

    const response = await fetch(origin + page);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('h1').text()).toBe('Leaving for partner.example');
    expect($('a[data-nospy-leaving="continue"]').attr('href')).toBe('https://partner.example/offer');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect(warnings).toEqual([]);
  });

  it('leaves a leaving page no served page named to the dev server', async () => {
    expect((await fetch(`${origin}${leavingPagePath('https://unknown.example/', '/leaving/')}`)).status).toBe(404);
  });
});
