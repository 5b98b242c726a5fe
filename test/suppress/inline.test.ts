import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFindings } from '../../scanners/engine.ts';
import { scanFile } from '../../scanners/scan.ts';
import { testConfig } from '../rules/support.ts';

const config = testConfig();

/** Each finding as `line ruleId` plus `(kind: reason)` when suppressed. */
function scan(file: string, text: string, overrides = config): string[] {
  return scanFile(file, new TextEncoder().encode(text), overrides)
    .sort(compareFindings)
    .map(
      (finding) =>
        `${finding.line} ${finding.ruleId}${finding.suppressed ? ` (${finding.suppressed.kind}: ${finding.suppressed.reason})` : ''}`,
    );
}

describe('inline suppressions in scripts and style sheets', () => {
  it('suppress the next line only, by rule id or category, keeping the finding with its reason', () => {
    const js = [
      '// nospy-ignore-next-line cookies/storage -- theme choice, set on click',
      'localStorage.setItem("theme", "dark");',
      'localStorage.setItem("other", "x");',
      '/* nospy-ignore-next-line cookies -- category */',
      'sessionStorage.setItem("a", "b");',
    ].join('\n');
    expect(scan('app.js', js)).toEqual([
      '2 cookies/storage (inline: theme choice, set on click)',
      '3 cookies/storage',
      '5 cookies/storage (inline: category)',
    ]);
  });

  it('warn about a directive without a reason (it still applies) and one that covers nothing', () => {
    const js = [
      '// nospy-ignore-next-line cookies/storage',
      'localStorage.a = 1;',
      '// nospy-ignore-next-line trackers -- names the wrong rule',
      'localStorage.b = 1;',
      '',
      '// nospy-ignore-next-line cookies/storage -- a blank line follows',
      '',
      'localStorage.c = 1;',
    ].join('\n');
    expect(scan('app.js', js)).toEqual([
      '1 suppressions/no-reason',
      '2 cookies/storage (inline: )',
      '3 suppressions/unused',
      '4 cookies/storage',
      '6 suppressions/unused',
      '8 cookies/storage',
    ]);
  });

  it('cover CSS requests on the next line', () => {
    const css =
      '/* nospy-ignore-next-line third-party/request -- licensed font CDN */\n@import url(https://fonts.partner.example/a.css);\n@import url(https://fonts.partner.example/b.css);';
    expect(scan('site.css', css)).toEqual([
      '2 third-party/request (inline: licensed font CDN)',
      '3 third-party/request',
    ]);
  });

  it('turn their own warnings off with rules: { "suppressions/unused": "off" }', () => {
    const js = '// nospy-ignore-next-line trackers -- stale\nlocalStorage.a = 1;';
    expect(scan('app.js', js, testConfig({ rules: { 'suppressions/unused': 'off' } }))).toEqual(['2 cookies/storage']);
  });

  it('leave files without the keyword exactly as the rules report them', () => {
    expect(scan('app.js', 'localStorage.a = 1; // nospy ignore cookies')).toEqual(['1 cookies/storage']);
  });
});

describe('suppression never crashes the scan', () => {
  const pieces = [
    '// nospy-ignore-next-line ',
    '/* nospy-ignore-next-line ',
    '*/',
    '<!-- nospy-ignore ',
    '-->',
    ' data-nospy-ignore="',
    '"',
    "'",
    '`',
    ' -- ',
    'cookies',
    'third-party/request',
    ', ',
    '\n',
    '\r\n',
    'localStorage.a = 1;',
    '<img src="https://x.evil.test/p.gif">',
    '<div>',
    '</div>',
    '<script>',
    '</script>',
    '<style>',
    '@import url(https://x.evil.test/a.css);',
    '\\',
    '\u0000',
    '😀',
  ];
  it('on any mix of directive fragments, markup and code, in every file type', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
        fc.constantFrom('index.html', 'image.svg', 'app.js', 'site.css', '_headers'),
        (parts, file) => {
          const findings = scanFile(file, new TextEncoder().encode(parts.join('')), config);
          for (const finding of findings) {
            expect(finding.ruleId).not.toBe('input/unreadable');
            if (finding.suppressed) expect(finding.suppressed.kind).toBe('inline');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
