import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherRedirects } from '../../../scanners/gather/site-files/redirects.ts';

const site = 'https://www.example.ca';
const gather = (text: string) => gatherRedirects(text, '_redirects', site);
/** `line:column url` of each navigation, the shape most cases assert. */
const targets = (text: string) => gather(text).map(({ line, column, url }) => `${line}:${column} ${url}`);

describe('gatherRedirects', () => {
  it("reports each rule's destination as an unmarked redirect at the destination token, with the rule as evidence", () => {
    const text = [
      '# moved pages',
      '/old   https://other.example.org/new  301',
      '',
      '/blog/*  /news/:splat  302',
      '',
    ].join('\n');
    expect(gather(text)).toEqual([
      {
        kind: 'navigation',
        via: 'redirect',
        source: 'redirects',
        file: '_redirects',
        line: 2,
        column: 8,
        raw: 'https://other.example.org/new',
        url: 'https://other.example.org/new',
        host: 'other.example.org',
        marked: false,
        evidence: '/old   https://other.example.org/new  301',
      },
      {
        kind: 'navigation',
        via: 'redirect',
        source: 'redirects',
        file: '_redirects',
        line: 4,
        column: 10,
        raw: '/news/:splat',
        url: 'https://www.example.ca/news/:splat',
        host: 'www.example.ca',
        marked: false,
        evidence: '/blog/*  /news/:splat  302',
      },
    ]);
  });

  it.each([
    ['no status (Cloudflare: 302, Netlify: 301)', '/a https://away.test/'],
    ['each 3xx status', '/a https://away.test/ 308'],
    ['a forced status', '/a https://away.test/ 301!'],
    ['a scheme-relative destination', '/a //away.test/'],
    ['an http destination (Netlify)', '/a http://away.test/'],
    ['a full-URL source (Netlify domain redirects)', 'https://old.example.ca/* https://away.test/ 301!'],
    ['a trailing comment', '/a https://away.test/ 302 # moved for good'],
    ['tabs between tokens', '/a\thttps://away.test/\t301'],
  ])('counts a redirect with %s', (_case, line) => {
    expect(gather(line)).toMatchObject([{ host: 'away.test', line: 1 }]);
  });

  it('finds the destination after Netlify query params and reads the status before conditions', () => {
    expect(targets('/store id=:id  https://shop.test/items/:id  301!  Country=us,ca  Language=en')).toEqual([
      '1:16 https://shop.test/items/:id',
    ]);
    expect(targets('/store id=:id  https://shop.test/items/:id  Country=us')).toEqual([
      '1:16 https://shop.test/items/:id',
    ]);
  });

  it.each([
    ['a placeholder host', '/out/:host/* https://:host/:splat 302', 'https://:host/:splat', ':host'],
    [
      'a placeholder subdomain, user info and port left out',
      '/s/:sub https://me@:sub.Partner.test:8443/x',
      'https://me@:sub.Partner.test:8443/x',
      ':sub.partner.test',
    ],
    [
      "a scheme-relative placeholder host, given the site's scheme",
      '/s/:sub //:sub.partner.test/',
      'https://:sub.partner.test/',
      ':sub.partner.test',
    ],
    ['a wildcard host', '/w/* https://*.partner.test/', 'https://*.partner.test/', '*.partner.test'],
  ])('keeps a destination with %s, which no URL parser accepts, with its host as written', (_case, line, url, host) => {
    expect(gather(line)).toMatchObject([{ url, host, line: 1 }]);
  });

  it('resolves a destination with placeholders only in its path', () => {
    expect(gather('/u/:id https://partner.test/:id')).toMatchObject([
      { url: 'https://partner.test/:id', host: 'partner.test' },
    ]);
  });

  it.each([
    ['rewrites (status 200)', '/app/*  /index.html  200'],
    ['proxies (status 200 to another host, Netlify)', '/api/*  https://api.other.test/:splat  200'],
    ['forced proxies', '/api/*  https://api.other.test/:splat  200!'],
    ['custom 404 pages served from another host', '/*  https://errors.other.test/404.html  404'],
    ['gone pages', '/old  https://other.test/  410'],
  ])('does not count %s as navigations: the host serves them, the browser stays', (_case, line) => {
    expect(gather(line)).toEqual([]);
  });

  it.each([
    ['comments, indented or not', '# /a https://away.test/\n   # /b https://away.test/'],
    ['a lone source', '/a'],
    ['a splat rewrite without a destination (Netlify)', '/app/*  200'],
    ['a destination that is no path or http(s) URL', '/a mailto:x@away.test\n/b away.test/x'],
    ['a # that starts a comment before the destination', '/a #https://away.test/'],
    ['an empty file', ''],
  ])('skips %s', (_case, text) => {
    expect(gather(text)).toEqual([]);
  });

  it('keeps a # inside a token and counts lines across CRLF and lone CR', () => {
    expect(targets('/x /y\r\n/faq https://help.test/#top\r/z https://z.test/')).toEqual([
      '1:4 https://www.example.ca/y',
      '2:6 https://help.test/#top',
      '3:4 https://z.test/',
    ]);
  });

  it('places a destination after wide characters by UTF-16 code units, as editors count columns', () => {
    expect(targets('/café-😀 https://away.test/')).toEqual(['1:10 https://away.test/']);
  });

  it('never throws, and places every navigation on a destination token', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '/a',
            'https://x.test/',
            '//y.test',
            '301',
            '200',
            '#',
            'id=1',
            ' ',
            '\t',
            '\n',
            '\r',
            '!',
            'é',
          ),
        ),
        (pieces) => {
          const text = pieces.join('');
          const lines = text.split(/\r\n?|\n/);
          for (const navigation of gather(text)) {
            const line = lines[navigation.line - 1]!;
            expect(line.slice(navigation.column - 1).startsWith(navigation.raw)).toBe(true);
          }
        },
      ),
    );
  });
});
