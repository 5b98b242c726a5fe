import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherHeaderDetaches, gatherHeaders } from '../../../scanners/gather/site-files/headers.ts';

describe('gatherHeaders', () => {
  it('reports each header under the pattern it applies to, with its position', () => {
    const text = [
      '# security headers',
      '/*',
      '  X-Frame-Options: DENY',
      "  Content-Security-Policy: default-src 'self'; img-src https:",
      '',
      '/blog/*',
      '\tSet-Cookie: id=1; Path=/',
      '',
    ].join('\n');
    expect(gatherHeaders(text, '_headers')).toEqual([
      {
        kind: 'header',
        source: 'headers',
        file: '_headers',
        line: 3,
        column: 3,
        pattern: '/*',
        name: 'x-frame-options',
        value: 'DENY',
        evidence: 'X-Frame-Options: DENY',
      },
      {
        kind: 'header',
        source: 'headers',
        file: '_headers',
        line: 4,
        column: 3,
        pattern: '/*',
        name: 'content-security-policy',
        value: "default-src 'self'; img-src https:",
        evidence: "Content-Security-Policy: default-src 'self'; img-src https:",
      },
      {
        kind: 'header',
        source: 'headers',
        file: '_headers',
        line: 7,
        column: 2,
        pattern: '/blog/*',
        name: 'set-cookie',
        value: 'id=1; Path=/',
        evidence: 'Set-Cookie: id=1; Path=/',
      },
    ]);
  });

  it('accepts absolute URL patterns and CRLF line ends', () => {
    expect(gatherHeaders('https://:project.pages.dev/*\r\n  X-Robots-Tag: noindex\r\n', '_headers')).toMatchObject([
      { line: 2, pattern: 'https://:project.pages.dev/*', name: 'x-robots-tag', value: 'noindex' },
    ]);
  });

  it('reads header lines without indentation as wrangler does: only a line starting with / or scheme:// starts a pattern', () => {
    const text = [
      '/*',
      'Set-Cookie: tracker=1; Max-Age=31536000',
      'Link: <https://h20.evil.test/s.css>; rel=preload; as=style',
      'https://:project.pages.dev/*',
      'X-Robots-Tag: noindex',
      '',
    ].join('\n');
    expect(gatherHeaders(text, '_headers')).toMatchObject([
      { line: 2, column: 1, pattern: '/*', name: 'set-cookie', value: 'tracker=1; Max-Age=31536000' },
      {
        line: 3,
        column: 1,
        pattern: '/*',
        name: 'link',
        value: '<https://h20.evil.test/s.css>; rel=preload; as=style',
      },
      { line: 5, column: 1, pattern: 'https://:project.pages.dev/*', name: 'x-robots-tag', value: 'noindex' },
    ]);
  });

  it('takes an indented line starting with / as a new pattern, as wrangler trims before it looks', () => {
    expect(gatherHeaders('/a\n  /b\n  Set-Cookie: a=1\n', '_headers')).toMatchObject([
      { pattern: '/b', name: 'set-cookie' },
    ]);
  });

  it('takes a line opening with ! as wrangler does: a header when it has a colon, a detach only as `! Name`', () => {
    const text = '/*\n  !X-Gone\n  ! X-Spaced: a\n  !X-Bang: 1\n  X-Note: !important\n  ! Set-Cookie\n';
    expect(gatherHeaders(text, '_headers')).toMatchObject([
      { line: 4, name: '!x-bang', value: '1' },
      { line: 5, name: 'x-note', value: '!important' },
    ]);
    expect(gatherHeaderDetaches(text)).toEqual([{ pattern: '/*', name: 'set-cookie', line: 6 }]);
  });

  it.each([
    ['detach lines', '/*\n  ! Set-Cookie\n'],
    ['comments, indented or not', '/*\n  # Set-Cookie: a=1\n# x: y\n'],
    ['headers before any pattern', '  Set-Cookie: a=1\n'],
    ['indented lines without a colon', '/*\n  just text\n'],
    ['indented lines without a name', '/*\n  : value\n'],
    ['unindented text without a colon', '/*\njust text\n'],
    ['names with a space, which Cloudflare rejects', '/*\nSee also: https://example.test/\n'],
    ['headers without a value', '/*\n  Set-Cookie:\n'],
    ['an empty file', ''],
  ])('skips %s', (_case, text) => {
    expect(gatherHeaders(text, '_headers')).toEqual([]);
  });

  it('reports what Link headers fetch and where a Refresh header redirects, given the site', () => {
    const text = [
      '/*',
      '  Link: </fonts/a.woff2>; rel=preload; as=font, <https://cdn.test>; rel=preconnect',
      '  Link: <https://a.test/>; rel=canonical',
      '  Refresh: 0; url=https://away.test/',
      '',
    ].join('\n');
    const effects = gatherHeaders(text, '_headers', 'https://site.test').filter(
      (observation) => observation.kind !== 'header',
    );
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'request',
        type: 'font',
        url: 'https://site.test/fonts/a.woff2',
        host: 'site.test',
        line: 2,
        column: 3,
        source: 'headers',
      }),
      expect.objectContaining({
        kind: 'request',
        type: 'preconnect',
        url: 'https://cdn.test/',
        host: 'cdn.test',
        line: 2,
      }),
      expect.objectContaining({
        kind: 'navigation',
        via: 'refresh',
        url: 'https://away.test/',
        host: 'away.test',
        marked: false,
        line: 4,
      }),
    ]);
  });

  it('reports each rule set a Speculation-Rules header loads, resolved against the site', () => {
    const text =
      '/*\n  Speculation-Rules: "https://h16.evil.test/rules.json", "/spec/a.json";v=1, token, "//cdn.test/\\"b\\".json"\n';
    const requests = gatherHeaders(text, '_headers', 'https://site.test').filter(
      (observation) => observation.kind === 'request',
    );
    expect(requests).toEqual([
      expect.objectContaining({
        type: 'other',
        raw: 'https://h16.evil.test/rules.json',
        url: 'https://h16.evil.test/rules.json',
        host: 'h16.evil.test',
        line: 2,
        column: 3,
        source: 'headers',
      }),
      expect.objectContaining({ type: 'other', url: 'https://site.test/spec/a.json', host: 'site.test' }),
      expect.objectContaining({ type: 'other', url: 'https://cdn.test/%22b%22.json', host: 'cdn.test' }),
    ]);
  });

  it.each([
    ['an empty list', '""'],
    ['a token instead of a string', 'https://h16.evil.test/rules.json'],
    ['an unterminated string', '"https://h16.evil.test/rules.json'],
  ])('reports no rule set for a Speculation-Rules header with %s', (_case, value) => {
    const observations = gatherHeaders(`/*\n  Speculation-Rules: ${value}\n`, '_headers', 'https://site.test');
    expect(observations.map((observation) => observation.kind)).toEqual(['header']);
  });

  it("resolves where reporting headers send visitors' reports against the site, for the rules to judge", () => {
    const text = [
      '/*',
      "  Content-Security-Policy: default-src 'self'; report-uri /csp //reports.other.test/csp",
      '  Report-To: {"group":"csp","endpoints":[{"url":"https:\\/\\/r.other.test\\/x"}]}',
      '  Reporting-Endpoints: default="reports/nel"',
      '  X-Content-Type-Options: nosniff',
    ].join('\n');
    const endpoints = gatherHeaders(text, '_headers', 'https://www.example.ca/').flatMap((observation) =>
      observation.kind === 'header' ? [[observation.name, observation.reportEndpoints]] : [],
    );
    expect(endpoints).toEqual([
      [
        'content-security-policy',
        [
          { url: 'https://www.example.ca/csp', host: 'www.example.ca' },
          { url: 'https://reports.other.test/csp', host: 'reports.other.test' },
        ],
      ],
      ['report-to', [{ url: 'https://r.other.test/x', host: 'r.other.test' }]],
      ['reporting-endpoints', [{ url: 'https://www.example.ca/reports/nel', host: 'www.example.ca' }]],
      ['x-content-type-options', undefined],
    ]);
  });

  it('reports only the headers without the site', () => {
    expect(
      gatherHeaders('/*\n  Link: <https://cdn.test>; rel=preconnect\n', '_headers').map(
        (observation) => observation.kind,
      ),
    ).toEqual(['header']);
  });

  it('never throws, and places every header at line ≥ 1 and column ≥ 1', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const header of gatherHeaders(text, '_headers')) {
          expect(header.line).toBeGreaterThanOrEqual(1);
          expect(header.column).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });
});
