/**
 * `npm run audit`: what visitors get from every page of the built starter (dist/), measured in Chromium over a
 * loopback server that sends the site's `_headers`: client JavaScript, cookies, requests beyond the site, console
 * messages and axe-core (WCAG 2.2 AA) in light and dark at 390 and 1280 px; Lighthouse's four categories as a phone
 * and as a desktop. Prints a table, writes bench/AUDIT.md with screenshots, and exits 1 naming each page and audit
 * whose budget broke.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../scanners/config/load.ts';
import { findChromium, launchChromium } from '../../scanners/crawl/chromium.ts';
import { type BudgetFailure, checkBudgets, maxPageBytes } from './budgets.ts';
import { formFactors, launchForLighthouse, runLighthouse } from './lighthouse.ts';
import { measurePage, measurePlay, type PageMeasure, variants } from './measure.ts';
import { listPagePaths, serveBuiltSite } from './site.ts';

const dir = process.argv[2] ?? 'dist';
const screenshotsDir = 'bench/audit-screenshots';
const screenshotPages = ['/', '/contact/'];

interface PageRow {
  path: string;
  measures: PageMeasure[];
  lighthouse: Record<string, Record<string, number>>;
  failures: (BudgetFailure & { variant: string })[];
}

const config = loadConfig('nospy.config.json');
const chromiumPath = await findChromium();
const server = await serveBuiltSite(dir, config.hosts.siteHost);
const browser = await launchChromium(chromiumPath);
const chrome = await launchForLighthouse(chromiumPath);
const rows: PageRow[] = [];
try {
  for (const path of await listPagePaths(dir)) {
    const url = server.origin + path;
    const row: PageRow = { path, measures: [], lighthouse: {}, failures: [] };
    for (const variant of variants) {
      const measure = await measurePage(browser, url, variant);
      row.measures.push(measure);
      row.failures.push(...checkBudgets(measure).map((failure) => ({ ...failure, variant: variant.name })));
    }
    const play = await measurePlay(browser, url);
    if (play && (play.before.length > 0 || !play.after.some((request) => request.includes('autoplay=true')))) {
      row.failures.push({ audit: 'video-on-play', detail: JSON.stringify(play), variant: 'light 1280' });
    }
    for (const formFactor of formFactors) {
      const result = await runLighthouse(chrome, url, formFactor);
      row.lighthouse[formFactor] = result.scores;
      for (const audit of result.failedAudits) {
        row.failures.push({ audit: `lighthouse/${audit}`, detail: JSON.stringify(result.scores), variant: formFactor });
      }
    }
    rows.push(row);
    console.log(`${path}: ${row.failures.length === 0 ? 'ok' : `${row.failures.length} broken`}`);
  }
  await mkdir(screenshotsDir, { recursive: true });
  for (const path of screenshotPages) {
    for (const variant of variants.filter(({ colorScheme }) => colorScheme === 'light')) {
      const context = await browser.newContext({ viewport: { width: variant.width, height: variant.height } });
      const page = await context.newPage();
      await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      await page.screenshot({ path: join(screenshotsDir, screenshotName(path, variant.width)), fullPage: true });
      await context.close();
    }
  }
} finally {
  chrome.kill();
  await browser.close();
  await server.close();
}

function screenshotName(path: string, width: number): string {
  return `${path === '/' ? 'home' : path.replaceAll('/', '')}-${width}.png`;
}

const scores = (row: PageRow, formFactor: string) => Object.values(row.lighthouse[formFactor] ?? {}).join(' / ');
const worst = (row: PageRow, pick: (measure: PageMeasure) => number) => Math.max(...row.measures.map(pick));
const table = [
  '| page | client JS (bytes) | cookies | third-party requests | console messages | axe violations | transferred (KB) | Lighthouse phone | Lighthouse desktop |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows
    .map((row) =>
      [
        row.path,
        worst(row, (m) => m.scriptBytes),
        worst(row, (m) => m.cookies),
        worst(row, (m) => m.thirdPartyRequests.length),
        worst(row, (m) => m.consoleMessages.length),
        worst(row, (m) => m.axeViolations.length),
        (worst(row, (m) => m.transferredBytes) / 1024).toFixed(1),
        scores(row, 'mobile'),
        scores(row, 'desktop'),
      ].join(' | '),
    )
    .map((line) => `| ${line} |`),
].join('\n');
const failures = rows.flatMap((row) => row.failures.map((failure) => ({ path: row.path, ...failure })));
console.log(`\n${table}\n`);
for (const failure of failures) {
  console.error(`${failure.path}: ${failure.audit} (${failure.variant}): ${failure.detail}`);
}

const report = `# Audit of the starter's pages

\`npm run audit\` on ${new Date().toISOString().slice(0, 10)}: Chromium ${browser.version()} (headless, ${chromiumPath}),
${cpus().length} cores, over a loopback server that sends the site's \`_headers\`; nothing outside the machine resolves.
Every page in light and dark mode at 390 and 1280 px (the worst of the four is shown); Lighthouse scores are
performance / accessibility / best practices / SEO, as a throttled phone and as a desktop.

Budgets: 0 bytes of client JavaScript, 0 cookies, 0 requests beyond the site (Bunny's player only once play is
pressed, checked by pressing it), 0 console messages, 0 axe-core violations (WCAG 2.2 A and AA), under
${maxPageBytes / 1024} KB transferred, each Lighthouse category 100.

${table}

${failures.length === 0 ? 'Every budget held.' : `Broken budgets:\n\n${failures.map((f) => `- ${f.path}: ${f.audit} (${f.variant}): ${f.detail}`).join('\n')}`}

## Screenshots

${screenshotPages
  .flatMap((path) =>
    variants
      .filter(({ colorScheme }) => colorScheme === 'light')
      .map(({ width }) => `![${path} at ${width} px](audit-screenshots/${screenshotName(path, width)})`),
  )
  .join('\n')}
`;
await writeFile('bench/AUDIT.md', report);
process.exitCode = failures.length === 0 ? 0 : 1;
