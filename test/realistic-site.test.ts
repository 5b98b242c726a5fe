import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { categories, type Report } from '../scanners/report.ts';
import { checkSite, copyFixture, findingKey, markedFindings, reportedFindings } from './fixtures/expect-markers.ts';

/** An agency client's built site mixing every kind of violation with look-alikes that must pass. */
const fixture = join(import.meta.dirname, 'fixtures/realistic-site');
const config = join(fixture, 'nospy.config.json');
/** Pages whose only external URLs are the allowed kind: marked links, metadata, code samples, private embeds. */
const cleanPages = ['services/index.html', 'blog/privacy-by-design/index.html'];
/** Written by the test, not committed: Windows-1252 bytes in a file that claims to be UTF-8. */
const undecodable = 'legacy/export.html';

let result: { code: number; report: Report };

beforeAll(async () => {
  const site = copyFixture(fixture);
  mkdirSync(join(site, 'legacy'));
  writeFileSync(
    join(site, undecodable),
    Buffer.from('<!doctype html><meta charset="utf-8"><p>Caf\xe9 cr\xe8me \x93quoted\x94</p>\n', 'latin1'),
  );
  result = await checkSite(site, config);
});

describe('nospy check on a realistic client site', () => {
  it('reports exactly the lines marked expect, and the undecodable file', () => {
    const expected = [...markedFindings(fixture), findingKey(undecodable, 1, 'input/unreadable')].sort();
    expect(reportedFindings(result.report)).toEqual(expected);
  });

  it('finds nothing on the clean pages full of look-alikes', () => {
    for (const page of cleanPages) {
      expect(
        result.report.findings.filter((finding) => finding.file === page),
        page,
      ).toEqual([]);
    }
  });

  it('fails the build with exit code 1', () => {
    expect(result.code).toBe(1);
  });

  it('covers every category of finding but suppressions (the site has none; test/suppress covers them)', () => {
    const found = new Set(result.report.findings.map((finding) => finding.category));
    expect([...found].sort()).toEqual(categories.filter((category) => category !== 'suppressions').sort());
  });

  it('names the vendor of every tracker finding', () => {
    const trackers = result.report.findings.filter((finding) => finding.category === 'trackers');
    expect(trackers.filter((finding) => !finding.vendor)).toEqual([]);
  });

  it('counts every scanned file, the undecodable one included', () => {
    // 11 HTML pages (the undecodable one among them), one .css, one .js and _headers.
    expect(result.report.summary.files).toBe(14);
  });
});
