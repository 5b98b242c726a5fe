import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { build } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nospy, { type NospyOptions } from '../../scanners/astro/index.ts';
import { captureLog, temporaryOutDir } from './support.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const root = fileURLToPath(new URL('./fixtures/authoring-site/', import.meta.url));
const leftovers = [`${root}.astro`, `${root}node_modules`];

async function buildFixture(report?: NospyOptions['report']) {
  const outDir = await temporaryOutDir();
  leftovers.push(outDir, `${outDir}.failed`);
  const built = await captureLog(() =>
    build({ root, outDir, configFile: false, logLevel: 'info', integrations: [mdx(), nospy({ report })] }),
  );
  return { ...built, outDir };
}

afterAll(async () => {
  await Promise.all(leftovers.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('astro build names the source that wrote each finding', () => {
  let failed: Awaited<ReturnType<typeof buildFixture>>;
  let sarifFile: string;
  beforeAll(async () => {
    sarifFile = join(await temporaryOutDir(), 'nospy.sarif');
    leftovers.push(sarifFile);
    failed = await buildFixture({ file: sarifFile, format: 'sarif' });
  }, 120_000);

  it('names the MDX entry line of a YouTube iframe first, then the built file, the snippet and the policy', () => {
    expect(failed.log).toMatch(
      /^ {2}content\/pages\/showreel\.mdx:9:1 {2}error {4}Page embeds a YouTube player .* {2}embeds\/third-party-player\n {6}built: .*\.failed\/showreel\/index\.html:\d+:\d+\n {6}│ <iframe title="Showreel" src="https:\/\/www\.youtube\.com\/embed\/[^"]*">\n {6}policy: \/privacy\/#video$/m,
    );
  });

  it('names the .astro component whose script loads a tracker, and the layout with a pixel', () => {
    expect(failed.log).toMatch(/^ {2}src\/components\/Analytics\.astro:4:1 {2}error .* trackers\/known-tracker$/m);
    expect(failed.log).toMatch(/^ {2}src\/layouts\/Layout\.astro:13:5 {2}error .* trackers\/known-tracker$/m);
  });

  it('fails with one line and no stack trace, and moves the output aside so nothing deploys it', async () => {
    expect(failed.result.status).toBe('rejected');
    const error = (failed.result as PromiseRejectedResult).reason as Error;
    expect(error.message).toMatch(
      /^nospy: the build breaks the site's privacy promises \(\d+ errors above\); its output was moved to \S+\.failed$/,
    );
    expect(error.stack).toBe('');
    expect(failed.log).not.toContain('An unhandled error occurred');
    expect(existsSync(failed.outDir)).toBe(false);
    expect(existsSync(join(`${failed.outDir}.failed`, 'showreel/index.html'))).toBe(true);
  });

  it('writes SARIF whose locations are the source lines, so code scanning annotates the MDX file', async () => {
    const sarif = JSON.parse(await readFile(sarifFile, 'utf8'));
    const locations = sarif.runs[0].results.map(
      (result: {
        ruleId: string;
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      }) => {
        const { artifactLocation, region } = result.locations[0]!.physicalLocation;
        return `${artifactLocation.uri}:${region.startLine} ${result.ruleId}`;
      },
    );
    expect(locations).toContain('content/pages/showreel.mdx:9 embeds/third-party-player');
    expect(locations).toContain('src/components/Analytics.astro:4 trackers/known-tracker');
  });

  it('writes JSON that keeps the built file and adds the source', async () => {
    const jsonFile = join(await temporaryOutDir(), 'nospy.json');
    leftovers.push(jsonFile);
    await buildFixture({ file: jsonFile, format: 'json' });
    const report = JSON.parse(await readFile(jsonFile, 'utf8'));
    expect(report.root).toMatch(/\.failed$/);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'embeds/third-party-player',
        file: 'showreel/index.html',
        source: { file: 'content/pages/showreel.mdx', line: 9, column: 1 },
      }),
    );
  }, 120_000);

  it('leaves no dev toolbar code in the build', async () => {
    const dir = `${failed.outDir}.failed`;
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files) {
      const text = await readFile(join(file.parentPath, file.name), 'utf8');
      expect(text).not.toMatch(/dev-toolbar|nospy:findings/);
    }
    expect(files.length).toBeGreaterThan(1);
  });
});
