/**
 * What a simple implementation costs: load each page into a cheerio DOM and run the gate's main
 * checks with selectors (third-party requests, unmarked external links, POST forms off-origin,
 * cookie/storage use in inline scripts, url() in styles), on one thread.
 * Prints one JSON line: { ms, cpuMs, files, findings, maxRssMb }.
 *
 *   npx node bench/baseline-cheerio.ts <dir> <site> <origin>
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as cheerio from 'cheerio';
import { listFiles } from './list-files.ts';

const [dir = 'bench/corpus/real-600', site = 'https://www.example.ca', origin = 'https://origin.example.ca'] =
  process.argv.slice(2);
const siteHost = new URL(site).hostname;
const originHost = new URL(origin).hostname;
// bench/nospy.config.json: example.ca and its subdomains are first-party; its Bunny library plays on
// player.mediadelivery.net.
const accepted = (host: string) =>
  host === siteHost || host.endsWith('.example.ca') || host === 'example.ca' || host === 'player.mediadelivery.net';
const cssUrl = /url\(\s*['"]?([^'")]+)/gi;
const storageApi = /document\s*\.\s*cookie|localStorage|sessionStorage|indexedDB|cookieStore/;

const files = listFiles(dir, ['.html']);
const started = performance.now();
const cpuStarted = process.cpuUsage();
let findings = 0;
for (const file of files) {
  const pageUrl = new URL(relative(dir, file), `${site}/`).href;
  const $ = cheerio.load(readFileSync(file, 'utf8'));
  const base = $('base[href]').attr('href');
  const baseUrl = base ? new URL(base, pageUrl).href : pageUrl;
  const hostOf = (raw: string) => {
    try {
      return new URL(raw.trim(), baseUrl).hostname;
    } catch {
      return '';
    }
  };
  const request = (raw: string | undefined) => {
    if (raw && hostOf(raw) && !accepted(hostOf(raw))) findings++;
  };
  $('script[src],img[src],iframe[src],source[src],video[src],audio[src],embed[src]').each((_, el) =>
    request($(el).attr('src')),
  );
  $('link[href]').each((_, el) => {
    if (/stylesheet|icon|preload|preconnect|prefetch|manifest/i.test($(el).attr('rel') ?? ''))
      request($(el).attr('href'));
  });
  $('img[srcset],source[srcset]').each((_, el) => {
    for (const candidate of ($(el).attr('srcset') ?? '').split(',')) request(candidate.trim().split(/\s+/)[0]);
  });
  $('a[href],area[href]').each((_, el) => {
    const host = hostOf($(el).attr('href') ?? '');
    const rel = $(el).attr('rel') ?? '';
    const marked = $(el).is('[data-leaving]') && /noopener/.test(rel) && /noreferrer/.test(rel);
    if (host && !accepted(host) && !marked) findings++;
  });
  $('form').each((_, el) => {
    if (($(el).attr('method') ?? '').trim().toLowerCase() !== 'post') return;
    if (hostOf($(el).attr('action') || pageUrl) !== originHost) findings++;
  });
  $('script:not([src])').each((_, el) => {
    if (!/json/i.test($(el).attr('type') ?? '') && storageApi.test($(el).text())) findings++;
  });
  const styles = [
    $('style').text(),
    ...$('[style]')
      .map((_, el) => $(el).attr('style'))
      .get(),
  ];
  for (const css of styles) for (const match of css.matchAll(cssUrl)) request(match[1]);
}
const ms = performance.now() - started;
const { user, system } = process.cpuUsage(cpuStarted);
const cpuMs = (user + system) / 1000;
console.log(
  JSON.stringify({ ms, cpuMs, files: files.length, findings, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
