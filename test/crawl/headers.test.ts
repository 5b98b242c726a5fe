import { describe, expect, it } from 'vitest';
import { compileHeaderRules, compileHeadersFile, headersFor } from '../../scanners/crawl/headers.ts';
import type { HeaderObservation } from '../../scanners/observations.ts';

const rule = (pattern: string, name: string, value: string): HeaderObservation => ({
  kind: 'header',
  file: '_headers',
  line: 1,
  column: 1,
  source: 'headers',
  pattern,
  name,
  value,
});

describe('_headers matching in the crawl server', () => {
  const rules = compileHeaderRules(
    [
      rule('/*', 'x-frame-options', 'DENY'),
      rule('/blog/:slug/', 'x-blog', 'post'),
      rule('/assets/*.css', 'cache-control', 'max-age=31536000'),
      rule('https://www.example.ca/*', 'x-host', 'site'),
      rule('https://preview.example.ca/*', 'x-host', 'preview'),
      rule('/*', 'link', '</a.css>; rel=preload'),
      rule('/*', 'link', '</b.css>; rel=preload'),
    ],
    'www.example.ca',
  );

  it.each([
    ['/', { 'x-frame-options': 'DENY', 'x-host': 'site' }],
    ['/blog/hello/', { 'x-frame-options': 'DENY', 'x-blog': 'post', 'x-host': 'site' }],
    ['/blog/hello/more/', { 'x-frame-options': 'DENY', 'x-host': 'site' }],
    ['/assets/site.css', { 'x-frame-options': 'DENY', 'cache-control': 'max-age=31536000', 'x-host': 'site' }],
    ['/assets/site.cssx', { 'x-frame-options': 'DENY', 'x-host': 'site' }],
  ])('gives %s the headers of every rule that matches it', (path, expected) => {
    const { link, ...rest } = headersFor(rules, path);
    expect(rest).toEqual(expected);
    expect(link).toBe('</a.css>; rel=preload, </b.css>; rel=preload');
  });
});

describe('_headers detach lines in the crawl server', () => {
  const text =
    "/*\n  Content-Security-Policy: script-src 'self'\n  X-A: 1\n/docs/*\n  ! Content-Security-Policy\n  Content-Security-Policy: script-src 'self' 'sha256-x'\n/docs/old/\n  ! X-A\n";
  const rules = compileHeadersFile(text, 'www.example.ca');

  it('replaces a header an earlier rule set, as Cloudflare does, instead of joining the two', () => {
    expect(headersFor(rules, '/docs/a/')).toEqual({
      'content-security-policy': "script-src 'self' 'sha256-x'",
      'x-a': '1',
    });
    expect(headersFor(rules, '/docs/old/')).toEqual({ 'content-security-policy': "script-src 'self' 'sha256-x'" });
    expect(headersFor(rules, '/about/')).toEqual({ 'content-security-policy': "script-src 'self'", 'x-a': '1' });
  });
});

describe('_headers look-alikes of a detach line in the crawl server', () => {
  it('detaches only on `! Name`: `!Name` is no line at all, and a line with a colon sets a header', () => {
    const text = '/*\n  X-A: 1\n  X-B: 2\n/docs/*\n  !X-A\n  ! X-B: 3\n  !X-C: 4\n  X-D: !important\n  ! X-B\n';
    expect(headersFor(compileHeadersFile(text, 'www.example.ca'), '/docs/')).toEqual({
      'x-a': '1',
      '!x-c': '4',
      'x-d': '!important',
    });
  });
});
