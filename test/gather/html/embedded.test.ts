import { beforeEach, describe, expect, it, vi } from 'vitest';
import { gatherHtml } from '../../../scanners/gather/html/index.ts';

// The CSS and JS gatherers are tested on their own; here only what the HTML gatherer hands them matters.
const calls = vi.hoisted(() => ({ css: [] as Array<[string, object]>, js: [] as Array<[string, object]> }));
vi.mock('../../../scanners/gather/css/index.ts', () => ({
  gatherCss: (text: string, context: object) => (calls.css.push([text, context]), []),
}));
vi.mock('../../../scanners/gather/js/index.ts', () => ({
  gatherJs: (text: string, context: object) => (calls.js.push([text, context]), []),
}));

const page = { file: 'index.html', url: 'https://site.test/index.html' };

beforeEach(() => {
  calls.css.length = 0;
  calls.js.length = 0;
});

describe('gatherHtml hands embedded CSS to gatherCss', () => {
  it('passes a <style> block with the position of its first character', () => {
    gatherHtml('<head>\n  <style>\n@import "x.css";</style>', page);
    expect(calls.css).toEqual([
      [
        '\n@import "x.css";',
        { file: 'index.html', baseUrl: 'https://site.test/index.html', line: 2, column: 10, element: 'style' },
      ],
    ]);
  });

  it('passes style attributes on any element, at the value, with the base URL in force', () => {
    gatherHtml(
      '<base href="https://cdn.test/">\n<div class=a STYLE=\'background:url(a.png)\'><svg style="fill:url(#g)"></svg></div>',
      page,
    );
    expect(calls.css).toEqual([
      [
        'background:url(a.png)',
        { file: 'index.html', baseUrl: 'https://cdn.test/', line: 2, column: 21, element: 'div', attribute: 'style' },
      ],
      ['fill:url(#g)', expect.objectContaining({ element: 'svg', attribute: 'style', line: 2, column: 56 })],
    ]);
  });

  it('skips style attributes that cannot fetch anything', () => {
    gatherHtml('<p style=""></p><p style="  "></p><p style="color:red;margin:0"></p>', page);
    expect(calls.css).toEqual([]);
  });
});

describe('gatherHtml hands embedded JavaScript to gatherJs', () => {
  it('passes an inline classic script at its first character', () => {
    gatherHtml('<p>\n<script>document.cookie = "a=b"</script>', page);
    expect(calls.js).toEqual([
      ['document.cookie = "a=b"', expect.objectContaining({ line: 2, column: 9, element: 'script', module: false })],
    ]);
  });

  it('passes a module script as a module', () => {
    gatherHtml('<script type="module">import "https://t.test/m.js"</script>', page);
    expect(calls.js).toEqual([[expect.any(String), expect.objectContaining({ module: true })]]);
  });

  it.each([
    '<script type="application/ld+json">{"a":"https://t.test/"}</script>',
    '<script type="application/json">{}</script>',
    '<script type="text/plain">hello</script>',
    '<script type="importmap">{"imports":{}}</script>',
    '<script src="/a.js">ignored()</script>',
    '<script>   </script>',
  ])('does not run %s', (html) => {
    gatherHtml(html, page);
    expect(calls.js).toEqual([]);
  });

  it('runs a consent-gated text/plain script', () => {
    gatherHtml('<script type="text/plain" data-cookieconsent="statistics">gtag()</script>', page);
    expect(calls.js.map(([text]) => text)).toEqual(['gtag()']);
  });

  it('passes event handler attributes at their value', () => {
    gatherHtml('<body onload="track()">\n<button ONCLICK=\'go()\' onmouseover="">x</button>', page);
    expect(calls.js).toEqual([
      ['track()', expect.objectContaining({ element: 'body', attribute: 'onload', line: 1, column: 15 })],
      ['go()', expect.objectContaining({ element: 'button', attribute: 'onclick', line: 2, column: 18 })],
    ]);
  });

  it('passes the code of javascript: URLs and reports no request or navigation for them', () => {
    const observations = gatherHtml(
      '<a href="javascript:track(%22x%22)">x</a><iframe src=" JAVASCRIPT:load()"></iframe><form action="javascript:send()"></form><button formaction="javascript:b()">b</button>',
      page,
    );
    expect(calls.js.map(([text, context]) => [text, (context as { attribute: string }).attribute])).toEqual([
      ['track("x")', 'href'],
      ['load()', 'src'],
      ['send()', 'action'],
      ['b()', 'formaction'],
    ]);
    expect(observations.filter((o) => o.kind === 'request' || o.kind === 'navigation' || o.kind === 'embed')).toEqual(
      [],
    );
  });

  it('reports code inside a srcdoc document at the iframe', () => {
    gatherHtml('<p>\n<iframe srcdoc="<script>fetch(1)</script>"></iframe>', page);
    expect(calls.js).toEqual([['fetch(1)', expect.objectContaining({ line: 2, column: 1 })]]);
  });
});
