import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSimpleUrl } from '../../scanners/syntax/simple-url.ts';

const bases = [
  'https://site.test/blog/index.html',
  'https://site.test/',
  'http://a.b.test/x/y/?q=1#f',
  'https://site.test/a%20b/c',
  'data:text/html,x',
  'about:srcdoc',
];

function fullParser(raw: string, base: string): { url: string; host: string } | undefined {
  try {
    const url = new URL(raw, base);
    return { url: url.href, host: url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : '' };
  } catch {
    return undefined;
  }
}

describe('resolveSimpleUrl', () => {
  it.each([
    ['https://cdn.test/a/b.png?x=1&y=2#top', 'https://cdn.test/a/b.png?x=1&y=2#top', 'cdn.test'],
    ['https://cdn.test', 'https://cdn.test/', 'cdn.test'],
    ['/assets/a.png', 'https://site.test/assets/a.png', 'site.test'],
    ['a.png', 'https://site.test/blog/a.png', 'site.test'],
    ['page-1/index.html?x', 'https://site.test/blog/page-1/index.html?x', 'site.test'],
    ['#install', 'https://site.test/blog/index.html#install', 'site.test'],
    ['#a?b#c', 'https://site.test/blog/index.html#a?b#c', 'site.test'],
  ])('resolves %j by concatenation', (raw, url, host) => {
    expect(resolveSimpleUrl(raw, 'https://site.test/blog/index.html')).toEqual({ url, host });
  });

  it.each([
    'HTTPS://cdn.test/',
    'https://CDN.test/',
    'https://1.2.3.4/',
    'https://cdn.test:443/',
    'https://u@cdn.test/',
    '//cdn.test/x',
    '../a.png',
    './a.png',
    'a/../b',
    '/a/./b',
    'a b',
    ' /a',
    'a\tb',
    '/a%2e%2e/b',
    'mailto:x',
    '?q',
    '#a b',
    '#\u00e9',
    'https://xn--nxasmq6b.test/',
    '\\a',
    'é',
  ])('leaves %j to the full parser', (raw) => {
    expect(resolveSimpleUrl(raw, 'https://site.test/blog/index.html')).toBeUndefined();
  });

  it('agrees with the WHATWG URL parser whenever it answers', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      '0',
      '9',
      '-',
      '.',
      '_',
      '~',
      '!',
      '$',
      '&',
      "'",
      '(',
      ')',
      '*',
      '+',
      ',',
      ';',
      '=',
      ':',
      '@',
      '/',
      '?',
      '#',
      '%',
      '%2e',
      '\\',
      ' ',
      '\t',
      '"',
      '<',
      '>',
      '`',
      '{',
      '}',
      '|',
      '^',
      '[',
      ']',
      'é',
      '..',
      'xn--',
      'A',
      '0x1',
    );
    const tail = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));
    const raw = fc
      .tuple(
        fc.constantFrom(
          '',
          '/',
          '#',
          '//',
          'https://',
          'http://',
          'https://cdn.test',
          'http://a.b',
          'https://1.2',
          '../gather/',
          '../',
          'HTTP://',
        ),
        tail,
      )
      .map(([prefix, rest]) => prefix + rest);
    fc.assert(
      fc.property(raw, fc.constantFrom(...bases), (value, base) => {
        const simple = resolveSimpleUrl(value, base);
        if (simple !== undefined) expect(simple).toEqual(fullParser(value, base));
      }),
      { numRuns: 20000 },
    );
  });
});
