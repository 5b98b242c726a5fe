import { describe, expect, it } from 'vitest';
import type { Finding } from '../../scanners/report.ts';
import { createBaseline, fingerprintFindings, suppressByBaseline } from '../../scanners/suppress/baseline.ts';

const finding = (fields: Partial<Finding>): Finding => ({
  ruleId: 'third-party/request',
  category: 'third-party',
  severity: 'error',
  file: 'index.html',
  line: 3,
  column: 1,
  message: 'Page requests a.evil.test.',
  url: 'https://a.evil.test/p.gif',
  host: 'a.evil.test',
  policy: '/privacy/#tracking',
  ...fields,
});

const prints = (findings: Finding[]) => fingerprintFindings(findings).map((entry) => entry?.fingerprint);

describe('baseline fingerprints', () => {
  it('ignore line and column, and count the order among identical findings', () => {
    const [a, b] = prints([finding({}), finding({ line: 9 })]);
    expect(prints([finding({ line: 40, column: 7 })])[0]).toBe(a);
    expect(b).not.toBe(a);
  });

  it('tell apart rule, file and URL; a fragment or host case does not', () => {
    const [base] = prints([finding({})]);
    expect(prints([finding({ ruleId: 'trackers/known-tracker' })])[0]).not.toBe(base);
    expect(prints([finding({ file: 'about/index.html' })])[0]).not.toBe(base);
    expect(prints([finding({ url: 'https://a.evil.test/q.gif' })])[0]).not.toBe(base);
    expect(prints([finding({ url: 'https://A.EVIL.TEST/p.gif#x' })])[0]).toBe(base);
  });

  it('read evidence with whitespace collapsed when there is no URL or host', () => {
    const storage = { ruleId: 'cookies/storage', url: undefined, host: undefined };
    const [one] = prints([finding({ ...storage, evidence: 'localStorage.setItem( "a" )' })]);
    expect(prints([finding({ ...storage, evidence: 'localStorage.setItem(\n  "a" )' })])[0]).toBe(one);
  });

  it("survive a rebuilt bundle's new content hash, not a page's other name", () => {
    const [bundle] = prints([finding({ file: '_astro/index.3Fq9aZ1x.js' })]);
    expect(prints([finding({ file: '_astro/index.Bq81kLz0.js' })])[0]).toBe(bundle);
    const [page] = prints([finding({ file: 'about-us-2024-team.html' })]);
    expect(prints([finding({ file: 'about-xy-2023-team.html' })])[0]).not.toBe(page);
  });

  it('leave out suppressed findings, and mark what the baseline holds', () => {
    const inline = finding({ suppressed: { kind: 'inline', reason: 'x' } });
    const baseline = createBaseline([inline, finding({})], '1.0.0');
    expect(baseline.findings).toHaveLength(1);
    const stale = 'f'.repeat(20);
    const { findings, summary } = suppressByBaseline(
      [finding({ line: 5 }), finding({ host: 'b.evil.test', url: 'https://b.evil.test/' })],
      new Set([baseline.findings[0]!.fingerprint, stale]),
      'nospy.baseline.json',
    );
    expect(findings.map((each) => each.suppressed?.kind)).toEqual(['baseline', undefined]);
    expect(summary).toEqual({ file: 'nospy.baseline.json', matched: 1, unmatched: 1 });
  });
});
