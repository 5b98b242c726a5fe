import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherCss } from '../../../scanners/gather/css/index.ts';
import type { EmbeddedContext } from '../../../scanners/gather/context.ts';
import type { RequestObservation } from '../../../scanners/observations.ts';

const stylesheet: EmbeddedContext = {
  file: 'css/site.css',
  baseUrl: 'https://site.example/css/site.css',
  line: 1,
  column: 1,
};

function requests(
  css: string,
  context: EmbeddedContext = stylesheet,
): Pick<RequestObservation, 'type' | 'url' | 'line' | 'column'>[] {
  return gatherCss(css, context).map((o) => {
    const request = o as RequestObservation;
    return { type: request.type, url: request.url, line: request.line, column: request.column };
  });
}

describe('gatherCss', () => {
  it.each([
    ['a{background:url(bg.png)}', 'image', 'https://site.example/css/bg.png', 14],
    ['a{background:url( "q.png" )}', 'image', 'https://site.example/css/q.png', 14],
    ["a{cursor:url('/c.cur'), auto}", 'image', 'https://site.example/c.cur', 10],
    ['a{mask-image:URL(//cdn.example/m.svg)}', 'image', 'https://cdn.example/m.svg', 14],
    ['li{list-style:square url(dot.gif)}', 'image', 'https://site.example/css/dot.gif', 22],
    ['a{border-image:url(b.png) 30 round}', 'image', 'https://site.example/css/b.png', 16],
    ['@import "base.css";', 'style', 'https://site.example/css/base.css', 1],
    ['@import url(https://fonts.example/css?family=x) screen;', 'style', 'https://fonts.example/css?family=x', 1],
    ['@IMPORT url("print.css") print;', 'style', 'https://site.example/css/print.css', 1],
    ['@font-face{font-family:x;src:url(f.woff2) format("woff2")}', 'font', 'https://site.example/css/f.woff2', 30],
    ['a{background:image-set("a.png" 1x)}', 'image', 'https://site.example/css/a.png', 14],
    ["a{background:-webkit-image-set('w.png' 2x)}", 'image', 'https://site.example/css/w.png', 14],
    ['@media print{@font-face{src:url(p.woff)}}', 'font', 'https://site.example/css/p.woff', 29],
    ['@media screen{a{background:url(m.png)}}', 'image', 'https://site.example/css/m.png', 28],
  ])('finds the request in %s', (css, type, url, column) => {
    expect(requests(css)).toEqual([{ type, url, line: 1, column }]);
  });

  it.each([
    ['an escaped url function name', 'a{background:u\\72l(x.png)}', 'https://site.example/css/x.png'],
    ['an escape at the start of the name', 'a{background:\\75rl(y.png)}', 'https://site.example/css/y.png'],
    ['escapes inside an unquoted url', 'a{background:url(h\\74tps://t.example/p.gif)}', 'https://t.example/p.gif'],
    ['escapes inside a quoted url', 'a{background:url("https://t\\2e example/p.gif")}', 'https://t.example/p.gif'],
    ['an escaped @import keyword', '@\\69mport "https://t.example/i.css";', 'https://t.example/i.css'],
    ['an escaped image-set name', 'a{b:image-s\\65t("https://t.example/s.png" 1x)}', 'https://t.example/s.png'],
  ])('decodes %s', (_case, css, url) => {
    expect(requests(css).map((r) => r.url)).toEqual([url]);
  });

  it('keeps scanning after broken rules, unclosed blocks and unterminated urls', () => {
    const css =
      'a{{{ color: red; background: url(https://x.example/a.png) } ;;; }} b{c:d\n e{f:url(https://y.example/b.png';
    expect(requests(css).map((r) => r.url)).toEqual(['https://x.example/a.png', 'https://y.example/b.png']);
  });

  it('places requests on later lines at their own column', () => {
    expect(requests('a {\n  color: red;\n  background: url(x.png);\n}')).toEqual([
      { type: 'image', url: 'https://site.example/css/x.png', line: 3, column: 15 },
    ]);
  });

  it('offsets the first line by where an inline style starts in the page', () => {
    const inline: EmbeddedContext = {
      file: 'index.html',
      baseUrl: 'https://site.example/',
      line: 7,
      column: 12,
      element: 'style',
    };
    expect(requests('a{background:url(a.png)}\nb{background:url(b.png)}', inline)).toEqual([
      { type: 'image', url: 'https://site.example/a.png', line: 7, column: 25 },
      { type: 'image', url: 'https://site.example/b.png', line: 8, column: 14 },
    ]);
  });

  it('reads a style attribute as a declaration list, where @import does nothing', () => {
    const attribute: EmbeddedContext = {
      file: 'index.html',
      baseUrl: 'https://site.example/blog/',
      line: 3,
      column: 20,
      element: 'div',
      attribute: 'style',
    };
    const observations = gatherCss('color:red; background:url(../bg.png); @import url(x.css)', attribute);
    expect(observations).toMatchObject([
      {
        kind: 'request',
        source: 'css',
        type: 'image',
        url: 'https://site.example/bg.png',
        host: 'site.example',
        element: 'div',
        attribute: 'style',
        raw: '../bg.png',
        evidence: 'url(../bg.png)',
      },
    ]);
  });

  it('reports data URLs with an empty host', () => {
    expect(gatherCss('a{background:url(data:image/gif;base64,R0lGOD)}', stylesheet)).toMatchObject([
      { url: 'data:image/gif;base64,R0lGOD', host: '' },
    ]);
  });

  it('names the construct and the property', () => {
    expect(
      gatherCss('@import url(x.css); @font-face{src:url(f.woff)} a{background-image:url(a.png)}', stylesheet),
    ).toMatchObject([
      { element: '@import', evidence: '@import url(x.css)' },
      { element: '@font-face', attribute: 'src', evidence: 'url(f.woff)' },
      { attribute: 'background-image', evidence: 'url(a.png)' },
    ]);
  });

  it.each([
    ['comments', '/* a{background:url(https://t.example/x.png)} */ a{color:red}'],
    ['@namespace', '@namespace svg url(http://www.w3.org/2000/svg);'],
    ['plain strings in properties', 'a::before{content:"https://t.example/x.png"}'],
    ['other functions', '@font-face{src:local("https://t.example/f")}'],
    ['CSS with no url at all', 'a{color:red;margin:0 auto}'],
    ['an empty url', 'a{background:url()}'],
    ['strings broken by a newline', 'a{background:url("https://t.example/\n")}'],
  ])('finds nothing in %s', (_case, css) => {
    expect(gatherCss(css, stylesheet)).toEqual([]);
  });

  it('never throws, and places every request at line ≥ 1 and column ≥ 1', () => {
    const pieces = fc.constantFrom(
      'url(',
      ')',
      '(',
      '"',
      "'",
      '\\',
      '\\72',
      '{',
      '}',
      ';',
      ':',
      '@import ',
      '@font-face',
      'image-set(',
      '/*',
      '*/',
      '\n',
      ' ',
      'a',
      'x.png',
      '//t.example/',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((parts) => parts.join('')),
        ),
        fc.integer({ min: 1, max: 50 }),
        (css, column) => {
          for (const observation of gatherCss(css, { ...stylesheet, column })) {
            expect(observation.line).toBeGreaterThanOrEqual(1);
            expect(observation.column).toBeGreaterThanOrEqual(1);
          }
        },
      ),
    );
  });
});
