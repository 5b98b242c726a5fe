import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gatherHtml } from '../../../scanners/gather/html/index.ts';
import type { Observation, ObservationKind, ObservationOf } from '../../../scanners/observations.ts';

const page = { file: 'blog/index.html', url: 'https://site.test/blog/index.html' };

function gather(html: string): Observation[] {
  return gatherHtml(html, page);
}

function only<K extends ObservationKind>(kind: K, html: string): Array<ObservationOf<K>> {
  return gather(html).filter((observation): observation is ObservationOf<K> => observation.kind === kind);
}

function requests(html: string): string[] {
  return only('request', html).map((request) => `${request.type} ${request.url}`);
}

describe('gatherHtml requests', () => {
  it.each([
    ['<script src="https://t.test/a.js"></script>', ['script https://t.test/a.js']],
    ['<svg><script href="https://t.test/a.js"></script></svg>', ['script https://t.test/a.js']],
    ['<svg><script xlink:href="https://t.test/a.js"></script></svg>', ['script https://t.test/a.js']],
    ['<link rel="stylesheet" href="/s.css">', ['style https://site.test/s.css']],
    ['<link rel="shortcut icon" href="/f.ico">', ['image https://site.test/f.ico']],
    ['<link rel="apple-touch-icon-precomposed" href="t.png">', ['image https://site.test/blog/t.png']],
    ['<link rel="mask-icon" href="m.svg">', ['image https://site.test/blog/m.svg']],
    ['<link rel="manifest" href="/site.webmanifest">', ['manifest https://site.test/site.webmanifest']],
    ['<link rel="preconnect" href="https://fonts.test">', ['preconnect https://fonts.test/']],
    ['<link rel="dns-prefetch" href="//fonts.test">', ['dns-prefetch https://fonts.test/']],
    ['<link rel="preload" as="font" href="https://fonts.test/f.woff2">', ['font https://fonts.test/f.woff2']],
    ['<link rel="modulepreload" href="https://t.test/m.js">', ['script https://t.test/m.js']],
    ['<link rel="prefetch" href="https://t.test/next">', ['prefetch https://t.test/next']],
    ['<link rel="prerender" href="https://t.test/next">', ['prefetch https://t.test/next']],
    [
      '<link rel="preload" as="image" href="a.png" imagesrcset="https://i.test/a.png 1x, https://i.test/b.png 2x">',
      ['image https://site.test/blog/a.png', 'image https://i.test/a.png', 'image https://i.test/b.png'],
    ],
    [
      '<img src="https://i.test/a.png" srcset="https://i.test/b.png 2x">',
      ['image https://i.test/a.png', 'image https://i.test/b.png'],
    ],
    [
      '<img data-src="https://lazy.test/a.png" data-srcset="https://lazy.test/b.png 2x">',
      ['image https://lazy.test/a.png', 'image https://lazy.test/b.png'],
    ],
    [
      '<picture><source srcset="https://i.test/a.webp" type="image/webp"><img src="a.png"></picture>',
      ['image https://i.test/a.webp', 'image https://site.test/blog/a.png'],
    ],
    ['<iframe src="https://f.test/"></iframe>', ['frame https://f.test/']],
    ['<frameset><frame src="https://f.test/"></frameset>', ['frame https://f.test/']],
    ['<portal src="https://f.test/"></portal>', ['frame https://f.test/']],
    ['<object data="https://o.test/x.swf"></object>', ['object https://o.test/x.swf']],
    ['<embed src="https://o.test/x.swf">', ['object https://o.test/x.swf']],
    ['<object><param name="movie" value="https://o.test/v"></object>', ['object https://o.test/v']],
    [
      '<video src="https://v.test/a.mp4" poster="https://v.test/p.jpg"></video>',
      ['media https://v.test/a.mp4', 'image https://v.test/p.jpg'],
    ],
    ['<audio src="https://v.test/a.mp3"></audio>', ['media https://v.test/a.mp3']],
    [
      '<video><source src="https://v.test/a.webm"><track src="https://v.test/c.vtt"></video>',
      ['media https://v.test/a.webm', 'media https://v.test/c.vtt'],
    ],
    ['<input type="image" src="https://i.test/go.png">', ['image https://i.test/go.png']],
    ['<input type="text" src="https://i.test/go.png">', []],
    ['<input type="IMAGE" src="https://i.test/go.png">', ['image https://i.test/go.png']],
    // Browsers do not trim the type: " image" is a text field, which loads nothing.
    ['<input type=" image" src="https://i.test/go.png">', []],
    ['<svg><image href="https://i.test/a.png"/></svg>', ['image https://i.test/a.png']],
    ['<svg><image xlink:href="https://i.test/a.png"/></svg>', ['image https://i.test/a.png']],
    ['<svg><filter><feImage href="https://i.test/f.png"/></filter></svg>', ['image https://i.test/f.png']],
    ['<svg><use href="https://i.test/sprite.svg#icon"/></svg>', ['image https://i.test/sprite.svg#icon']],
    ['<svg><use href="#icon"/><use xlink:href=" #icon"/></svg>', []],
    ['<body background="https://i.test/bg.png">', ['image https://i.test/bg.png']],
    [
      '<table background="bg.png"><tr><td background="https://i.test/td.png">',
      ['image https://site.test/blog/bg.png', 'image https://i.test/td.png'],
    ],
    ['<html manifest="https://m.test/app.appcache">', ['manifest https://m.test/app.appcache']],
    [
      '<a href="/x" ping="https://p.test/1 https://p.test/2">x</a>',
      ['beacon https://p.test/1', 'beacon https://p.test/2'],
    ],
    ['<map><area href="/x" ping="https://p.test/a"></map>', ['beacon https://p.test/a']],
    // Without an href neither is a link, so nothing is clicked through and nothing pinged.
    ['<map><area shape=rect coords="0,0,10,10" ping="https://p.test/a"></map>', []],
    ['<a ping="https://p.test/a">x</a>', []],
    ['<a href ping="https://p.test/a">x</a>', ['beacon https://p.test/a']],
    [
      '<script type="importmap">{"imports":{"x":"https://esm.test/x.js"},"scopes":{"/a/":{"y":"https://esm.test/y.js"}}}</script>',
      ['import https://esm.test/x.js', 'import https://esm.test/y.js'],
    ],
    [
      '<script type="speculationrules">{"prerender":[{"source":"list","urls":["https://pre.test/"]}]}</script>',
      ['prefetch https://pre.test/'],
    ],
    ['<noscript><img src="https://t.test/pixel.gif"></noscript>', ['image https://t.test/pixel.gif']],
    ['<template><img src="https://t.test/tpl.png"></template>', ['image https://t.test/tpl.png']],
    ['<script type="text/x-template"><img src="https://t.test/vue.png"></script>', ['image https://t.test/vue.png']],
    ['<pre><img src="https://t.test/live.png"></pre>', ['image https://t.test/live.png']],
    ['<![if !IE]><script src="https://t.test/revealed.js"></script><![endif]>', ['script https://t.test/revealed.js']],
    ['<img src="data:image/png;base64,AAAA">', ['image data:image/png;base64,AAAA']],
  ])('%s', (html, expected) => {
    expect(requests(html)).toEqual(expected);
  });

  it.each([
    ['<pre><code>&lt;script src="https://t.test/a.js"&gt;&lt;/script&gt;</code></pre>'],
    ['<p>Load https://t.test/a.js with &lt;img src=x&gt;</p>'],
    ['<!-- <script src="https://t.test/a.js"></script> -->'],
    ['<!--[if lt IE 9]><script src="https://t.test/html5shiv.js"></script><![endif]-->'],
    ['<script type="application/ld+json">{"image":"https://t.test/a.png","url":"https://t.test/"}</script>'],
    ['<script type="application/json">{"src":"https://t.test/a.js"}</script>'],
    ['<link rel="canonical" href="https://t.test/"><link rel="alternate" hreflang="fr" href="https://t.test/fr/">'],
    [
      '<link rel="author" href="https://t.test/me"><link rel="me" href="https://t.test/"><link rel="next" href="https://t.test/2">',
    ],
    ['<link href="https://t.test/no-rel.css">'],
    [
      '<meta property="og:image" content="https://t.test/og.png"><meta name="twitter:image" content="https://t.test/tw.png">',
    ],
    [
      '<div itemscope><meta itemprop="image" content="https://t.test/i.png"><span itemprop="url">https://t.test/</span></div>',
    ],
    ['<textarea><img src="https://t.test/a.png"></textarea>'],
    ['<title><img src="https://t.test/a.png"></title>'],
    ['<xmp><img src="https://t.test/a.png"></xmp>'],
    ['<noembed><img src="https://t.test/a.png"></noembed><noframes><img src="https://t.test/b.png"></noframes>'],
    ['<iframe><img src="https://t.test/a.png"></iframe>'],
    ['<plaintext><img src="https://t.test/a.png">'],
    ['<blockquote cite="https://t.test/source">q</blockquote>'],
    ['<img src="" srcset=" ">'],
    ['<img src="   ">'],
  ])('%s makes no request and no navigation', (html) => {
    expect(
      gather(html).filter((observation) => observation.kind === 'request' || observation.kind === 'navigation'),
    ).toEqual([]);
  });
});

describe('gatherHtml URL handling', () => {
  it.each([
    ['<IMG SRC="https://i.test/a.png">', 'https://i.test/a.png'],
    ['<img src=https://i.test/a.png>', 'https://i.test/a.png'],
    ["<img src='https://i.test/a.png'>", 'https://i.test/a.png'],
    ['<img src="https://i.test/first.png" SRC="https://i.test/second.png">', 'https://i.test/first.png'],
    ['<img src="&#104;ttps://i.test/a.png">', 'https://i.test/a.png'],
    ['<img src="https&colon;//i.test/a.png">', 'https://i.test/a.png'],
    ['<img src="https://i.test/a.png?x=1&amp;y=2">', 'https://i.test/a.png?x=1&y=2'],
    ['<img src="\n\t https://i.test/a.png \n">', 'https://i.test/a.png'],
    ['<img src="ht\ntps://i.\ttest/a.png">', 'https://i.test/a.png'],
    ['<img src="//i.test/a.png">', 'https://i.test/a.png'],
    ['<img src="../up.png">', 'https://site.test/up.png'],
    ['<image src="https://i.test/a.png">', 'https://i.test/a.png'],
  ])('%s fetches %s', (html, url) => {
    expect(only('request', html).map((request) => request.url)).toEqual([url]);
  });

  it('reports the host in lower case and no host for data: URLs', () => {
    expect(
      only('request', '<img src="https://I.TEST/a.png"><img src="data:image/gif;base64,R0lGOD">').map((r) => r.host),
    ).toEqual(['i.test', '']);
  });

  it('keeps the value as written (decoded, trimmed) in raw', () => {
    const [request] = only('request', '<img src=" /a.png?x&amp;y ">');
    expect(request).toMatchObject({ raw: '/a.png?x&y', url: 'https://site.test/a.png?x&y' });
  });

  it('resolves URLs after <base href> against it, and those before against the page', () => {
    const html =
      '<link rel="stylesheet" href="before.css"><base href="https://cdn.test/root/"><img src="after.png"><base href="https://ignored.test/"><img src="/abs.png">';
    expect(requests(html)).toEqual([
      'style https://site.test/blog/before.css',
      'image https://cdn.test/root/after.png',
      'image https://cdn.test/abs.png',
    ]);
  });

  it('resolves a relative <base href> against the page URL', () => {
    expect(requests('<base href="/assets/"><img src="a.png">')).toEqual(['image https://site.test/assets/a.png']);
  });

  it('ignores a javascript: or data: base', () => {
    expect(requests('<base href="javascript:void(0)/"><img src="a.png">')).toEqual([
      'image https://site.test/blog/a.png',
    ]);
  });

  it.each([
    ['in a template', '<template><base href="/"></template>'],
    ['in a noscript', '<noscript><base href="/"></noscript>'],
    ['in SVG', '<svg><base href="/"></svg>'],
    ['in MathML', '<math><base href="/"></math>'],
    ['with a data: href', '<base href="data:,x">'],
    ['with a javascript: href in any case, after spaces', '<base href="  JavaScript:void 0">'],
    ['with an href that is not a URL', '<base href="http://[x">'],
    ['with an href of another scheme', '<base href="ftp://files.test/">'],
    ['without href', '<base target="_blank">'],
  ])('passes over a base %s to the next one, as Chromium does', (_case, skipped) => {
    expect(requests(`${skipped}<base href="https://cdn.test/"><img src="b.png">`)).toEqual([
      'image https://cdn.test/b.png',
    ]);
  });

  it.each([
    '<template><base href="https://cdn.test/"></template>',
    '<noscript><base href="https://cdn.test/"></noscript>',
    '<svg><base href="https://cdn.test/"></svg>',
    '<base href="http://[x">',
  ])('%s alone leaves URLs resolving against the page', (skipped) => {
    expect(requests(`${skipped}<img src="b.png">`)).toEqual(['image https://site.test/blog/b.png']);
  });

  it("takes a base in SVG's foreignObject, which is HTML", () => {
    expect(
      requests('<svg><foreignObject><base href="https://cdn.test/"></foreignObject></svg><img src="b.png">'),
    ).toEqual(['image https://cdn.test/b.png']);
  });

  it('skips URLs a browser cannot parse', () => {
    expect(requests('<img src="http://[bad/x.png">')).toEqual([]);
  });
});

describe('gatherHtml locations and evidence', () => {
  it('points at the start of the tag, 1-based', () => {
    const html =
      '<!doctype html>\n<p>\n  text <img\n   src="https://i.test/a.png"></p>\r\n\t<a href="https://x.test/">x</a>';
    const [image, link] = gather(html);
    expect(image).toMatchObject({
      line: 3,
      column: 8,
      file: 'blog/index.html',
      source: 'html',
      element: 'img',
      attribute: 'src',
    });
    expect(link).toMatchObject({ line: 5, column: 2, element: 'a', attribute: 'href' });
  });

  it('points at a tag that follows an end tag with space or a slash before its >', () => {
    expect(only('request', '<p></p ><i></i/><img src="https://i.test/a.png">')).toEqual([
      expect.objectContaining({ column: 17, evidence: '<img src="https://i.test/a.png">' }),
    ]);
  });

  it('counts a lone CR as a line break', () => {
    const [image] = gather('<!doctype html>\r<p>\r<img src="https://i.test/a.png">');
    expect(image).toMatchObject({ line: 3, column: 1 });
  });

  it('reports a srcset candidate on a later line than its tag where it stands', () => {
    const html = '<img srcset="https://i.test/a.png 1x,\n  https://i.test/b.png 2x">';
    expect(only('request', html).map(({ url, line, column }) => ({ url, line, column }))).toEqual([
      { url: 'https://i.test/a.png', line: 1, column: 1 },
      { url: 'https://i.test/b.png', line: 2, column: 3 },
    ]);
  });

  it("reports an entity-encoded srcset on a later line at the attribute, its offsets not being the source's", () => {
    const html = '<img alt=""\n  srcset="a.png 1x,\n&#32;https://i.test/c.png 2x">';
    expect(only('request', html).map(({ line, column }) => ({ line, column }))).toEqual([
      { line: 2, column: 11 },
      { line: 2, column: 11 },
    ]);
  });

  it('quotes the tag as evidence, truncated when long', () => {
    const [short] = gather('<p><img src="https://i.test/a.png" alt="x"></p>');
    expect(short!.evidence).toBe('<img src="https://i.test/a.png" alt="x">');
    const [long] = gather(`<img src="https://i.test/a.png" alt="${'x'.repeat(500)}">`);
    expect(long!.evidence!.length).toBeLessThanOrEqual(161);
    expect(long!.evidence!.startsWith('<img src="https://i.test/a.png"')).toBe(true);
  });

  it('reports what an iframe srcdoc loads at the iframe', () => {
    const html = '<p>\n<iframe srcdoc="<p>\n\n<img src=&quot;https://doc.test/a.png&quot;>"></iframe>';
    expect(only('request', html)).toEqual([
      expect.objectContaining({ url: 'https://doc.test/a.png', line: 2, column: 1, element: 'img' }),
    ]);
  });

  it('resolves srcdoc URLs against the parent base', () => {
    expect(requests('<base href="https://cdn.test/"><iframe srcdoc="<img src=a.png>"></iframe>')).toEqual([
      'image https://cdn.test/a.png',
    ]);
  });

  it('follows nested srcdoc documents to a depth limit without failing', () => {
    let html = '<img src="https://deep.test/x.png">';
    for (let depth = 0; depth < 3; depth++)
      html = `<iframe srcdoc="${html.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></iframe>`;
    expect(requests(html)).toEqual(['image https://deep.test/x.png']);
    let deep = '<img src="https://deep.test/x.png">';
    for (let depth = 0; depth < 12; depth++)
      deep = `<iframe srcdoc="${deep.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></iframe>`;
    expect(() => gather(deep)).not.toThrow();
  });

  it('gathers a data: document in a frame as a page of its own', () => {
    const html = '<iframe src="data:text/html,%3Cscript%20src=%22https://inner.test/x.js%22%3E%3C/script%3E"></iframe>';
    expect(requests(html)).toContain('script https://inner.test/x.js');
  });

  it('runs the code of a data: script and reports what it does at the script tag', () => {
    const code = Buffer.from("document.cookie = 'a=1';").toString('base64');
    const html = `<p>\n<script src="data:text/javascript,fetch('https://js.test/x')%0A%0Afetch('https://js.test/y')"></script>\n<script src="data:text/javascript;base64,${code}"></script>`;
    const found = gather(html).filter((observation) => observation.source === 'js');
    expect(found).toEqual([
      expect.objectContaining({ kind: 'request', url: 'https://js.test/x', line: 2, column: 1, attribute: 'src' }),
      expect.objectContaining({ kind: 'request', url: 'https://js.test/y', line: 2, column: 1 }),
      expect.objectContaining({ kind: 'storage', api: 'document.cookie', line: 3, column: 1 }),
    ]);
  });

  it('does not run a data: script whose type is data', () => {
    expect(
      gather('<script type="text/plain" src="data:,fetch(%22https://js.test/x%22)"></script>').filter(
        (o) => o.source === 'js',
      ),
    ).toEqual([]);
  });

  it('reads a data: stylesheet and reports its requests at the link', () => {
    const html =
      '<p>\n<link rel="stylesheet" href="data:text/css,@import url(https://css.test/a.css);%0Ab{background:url(b.png)}">';
    expect(gather(html).filter((observation) => observation.source === 'css')).toEqual([
      expect.objectContaining({ kind: 'request', type: 'style', url: 'https://css.test/a.css', line: 2, column: 1 }),
    ]);
  });

  it('maps a markup template script onto the file', () => {
    const html = '<script type="text/template">\n  <img src="https://t.test/a.png">\n</script>';
    expect(only('request', html)).toEqual([expect.objectContaining({ line: 2, column: 3 })]);
  });

  it("resolves a markup template's URLs against the page's base, not a base the template holds", () => {
    // A browser never parses the template's text as the document; the markup it inserts takes the page's base.
    const html = '<script type="text/x-template"><base href="https://cdn.test/"><img src="a.png"></script>';
    expect(requests(html)).toEqual(['image https://site.test/blog/a.png']);
  });
});

describe('gatherHtml <noscript> read both ways', () => {
  it.each([
    ['an attribute', '<noscript><p title="</noscript><img src=https://t.test/a.png>"></noscript>'],
    ['a comment', '<noscript><!--</noscript><img src=https://t.test/a.png>--></noscript>'],
    ['a style', '<noscript><style></noscript><img src=https://t.test/a.png></style></noscript>'],
    ['a script', '<noscript><script></NOSCRIPT\t><img src=https://t.test/a.png></script></noscript>'],
    ['an unclosed comment', '<noscript><!--</noscript/><img src=https://t.test/a.png>'],
  ])('reports markup after a </noscript inside %s, live once scripting is on', (_case, html) => {
    expect(only('request', html).map(({ url, column }) => ({ url, column }))).toEqual([
      { url: 'https://t.test/a.png', column: html.indexOf('<img') + 1 },
    ]);
  });

  it('places what the second reading finds on its own line and column', () => {
    const html = '<p>\n<noscript><p title="</noscript>\n  <img src=https://t.test/a.png>"></noscript>';
    expect(only('request', html)).toEqual([
      expect.objectContaining({
        url: 'https://t.test/a.png',
        line: 3,
        column: 3,
        evidence: '<img src=https://t.test/a.png>',
      }),
    ]);
  });

  it.each([
    ['a plain noscript', '<noscript><img src="https://t.test/a.png"></noscript>'],
    ['a tag both readings see', '<noscript><p title="</noscript>"><img src="https://t.test/a.png"></noscript>'],
  ])('reports %s once', (_case, html) => {
    expect(requests(html)).toEqual(['image https://t.test/a.png']);
  });

  it('reports a form both readings see once', () => {
    expect(
      only(
        'form',
        '<noscript><p title="</noscript>"><form method="post" action="https://f.test/"><input name="email"></form></noscript>',
      ),
    ).toHaveLength(1);
  });

  it.each([
    ['a longer tag name', '<noscript><p title="</noscriptx><img src=https://t.test/a.png>"></noscript>'],
    [
      'a template, parsed without scripting',
      '<template><noscript><p title="</noscript><img src=https://t.test/a.png>"></noscript></template>',
    ],
    [
      'SVG, where noscript is an SVG element',
      '<svg><noscript><p title="</noscript><img src=https://t.test/a.png>"></noscript></svg>',
    ],
  ])('finds no second reading in %s', (_case, html) => {
    expect(only('request', html)).toEqual([]);
  });
});

// Node 24 reads the patterns with its own URLPattern, Node 22 with the polyfill: both must pick the same links.
describe.each(['Node', 'urlpattern-polyfill'])('gatherHtml speculation rules document rules, read by %s', (reader) => {
  beforeEach(() => {
    if (reader === 'urlpattern-polyfill') vi.stubGlobal('URLPattern', undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const rules = (json: string) => `<script type="speculationrules">${json}</script>`;
  const links = '<a href="https://partner.test/x">p</a>\n<a href="https://other.test/y">o</a>\n<a href="/local">l</a>';
  const prefetched = (html: string) =>
    only('request', html)
      .filter((r) => r.element === 'a')
      .map(({ url, line, column }) => `${url} ${line}:${column}`);

  it.each([
    ['immediate, by selector', '{"prefetch":[{"where":{"selector_matches":"a"},"eagerness":"immediate"}]}'],
    ['eager, all links', '{"prerender":[{"source":"document","eagerness":"eager"}]}'],
    [
      'with a pattern whose host is a wildcard',
      '{"prefetch_with_subresources":[{"where":{"href_matches":"https://*.test/*"},"eagerness":"immediate"}]}',
    ],
    [
      'by a selector, which nospy does not evaluate, under and',
      '{"prefetch":[{"where":{"and":[{"selector_matches":".prefetch"},{"not":{"href_matches":"/*"}}]},"eagerness":"eager"}]}',
    ],
    ['with a pattern nospy cannot read', '{"prefetch":[{"where":{"href_matches":"https://[x"},"eagerness":"eager"}]}'],
  ])('prefetches every link to another host, at the link: %s', (_case, json) => {
    expect(prefetched(`${rules(json)}\n${links}`)).toEqual(['https://partner.test/x 2:1', 'https://other.test/y 3:1']);
  });

  it.each([
    [
      'a negated pattern',
      '{"prefetch":[{"where":{"not":{"href_matches":"https://partner.test/*"}},"eagerness":"moderate"}]}',
    ],
    ['a pattern object', '{"prefetch":[{"where":{"href_matches":{"hostname":"other.test"}},"eagerness":"moderate"}]}'],
    [
      'one of or',
      '{"prerender":[{"where":{"or":[{"href_matches":"/*"},{"href_matches":"https://other.test/*","relative_to":"document"}]},"eagerness":"eager"}]}',
    ],
  ])('prefetches only the links %s matches', (_case, json) => {
    expect(prefetched(`${rules(json)}\n${links}`)).toEqual(['https://other.test/y 3:1']);
  });

  it('prefetches only the links a plain href_matches pattern names, even when the links come first', () => {
    const json = '{"prefetch":[{"where":{"href_matches":["https://PARTNER.test/*"]},"eagerness":"immediate"}]}';
    expect(prefetched(`${links}\n${rules(json)}`)).toEqual(['https://partner.test/x 1:1']);
  });

  it.each([
    ['conservative', '{"prefetch":[{"where":{"selector_matches":"a"},"eagerness":"conservative"}]}'],
    [
      'without eagerness (conservative by default)',
      '{"prefetch":[{"source":"document","where":{"href_matches":"/*"}}]}',
    ],
    ['a list rule', '{"prefetch":[{"source":"list","urls":["/next"],"eagerness":"immediate"}]}'],
    ["matching the site's own paths only", '{"prefetch":[{"where":{"href_matches":"/*"},"eagerness":"moderate"}]}'],
    [
      "matching the site's own paths only, as WordPress writes it",
      '{"prefetch":[{"source":"document","where":{"and":[{"href_matches":"/*"},{"not":{"href_matches":["/wp-*.php","/wp-admin/*"]}},{"not":{"selector_matches":"a[rel~=\\"nofollow\\"]"}}]},"eagerness":"moderate"}]}',
    ],
    [
      'matching one section of the site by a pattern object',
      '{"prerender":[{"where":{"href_matches":{"pathname":"/blog/*"}},"eagerness":"immediate"}]}',
    ],
    ['not JSON', '{"prefetch":[{"where":'],
  ])('prefetches no link for a rule that is %s', (_case, json) => {
    expect(prefetched(`${rules(json)}\n${links}`)).toEqual([]);
  });

  it('prefetches no link a script makes and clicks, which is not in the document', () => {
    const json = '{"prefetch":[{"where":{"selector_matches":"a"},"eagerness":"immediate"}]}';
    const script =
      "<script>const a = document.createElement('a'); a.href = 'https://partner.test/x'; a.click()</script>";
    expect(prefetched(`${rules(json)}\n${script}`)).toEqual([]);
  });

  it('still reports list rule URLs, and links stay navigations', () => {
    const html = `${rules('{"prefetch":[{"urls":["https://list.test/"]},{"where":{"href_matches":"https://partner.test/*"},"eagerness":"eager"}]}')}${links}`;
    expect(requests(html)).toEqual(['prefetch https://list.test/', 'prefetch https://partner.test/x']);
    expect(only('navigation', html)).toHaveLength(3);
  });
});

describe('gatherHtml CDATA and foreign content', () => {
  it.each([
    ['in HTML content', '<p><![CDATA[ x ><img src="https://t.test/a.png"> ]]></p>'],
    ['in HTML content, unclosed to the end', '<p><![CDATA[ x ><img src="https://t.test/a.png">'],
    ['after <p> broke out of SVG', '<svg><p><![CDATA[ x ><img src="https://t.test/a.png"> ]]></svg>'],
    ['after </p> broke out of SVG', '<svg></p><![CDATA[ x ><img src="https://t.test/a.png"> ]]></svg>'],
    [
      'in an HTML element inside foreignObject',
      '<svg><foreignObject><div><![CDATA[ x ><img src="https://t.test/a.png"> ]]></div></foreignObject></svg>',
    ],
  ])('reads <![CDATA[ %s as a bogus comment that ends at the first >', (_case, html) => {
    expect(only('request', html).map(({ url, column }) => ({ url, column }))).toEqual([
      { url: 'https://t.test/a.png', column: html.indexOf('<img') + 1 },
    ]);
  });

  it.each([
    '<svg><![CDATA[ x ><img src="https://t.test/a.png"> ]]></svg>',
    '<svg><g><![CDATA[ <image href="https://t.test/a.png"/> ]]></g></svg>',
    '<math><![CDATA[ x ><img src="https://t.test/a.png"> ]]></math>',
    '<math><mi><![CDATA[ x ><img src="https://t.test/a.png"> ]]></mi></math>',
    '<svg><foreignObject><![CDATA[ x ><img src="https://t.test/a.png"> ]]></foreignObject></svg>',
  ])('keeps CDATA in SVG/MathML as text: %s', (html) => {
    expect(only('request', html)).toEqual([]);
  });

  it.each(['<br>', '<div>', '<P>', '</p>'])('ends SVG at %s, so a <base> after it is HTML again', (breakout) => {
    expect(requests(`<svg><g>${breakout}<base href="https://cdn.test/"><img src="a.png"></g></svg>`)).toEqual([
      'image https://cdn.test/a.png',
    ]);
  });

  it('stays in SVG at a tag that does not break out', () => {
    expect(requests('<svg><g><a><base href="https://cdn.test/"></a></g></svg><img src="a.png">')).toEqual([
      'image https://site.test/blog/a.png',
    ]);
  });
});

describe('gatherHtml navigation', () => {
  it.each([
    ['<a href="https://x.test/">x</a>', 'https://x.test/', false],
    ['<a href="https://x.test/" data-leaving rel="noopener noreferrer">x</a>', 'https://x.test/', true],
    ['<a href="https://x.test/" data-leaving="" rel="NoReferrer  external\tnoopener">x</a>', 'https://x.test/', true],
    ['<a href="https://x.test/" data-leaving rel="noopener">x</a>', 'https://x.test/', false],
    ['<a href="https://x.test/" rel="noopener noreferrer">x</a>', 'https://x.test/', false],
    ['<a href="/local">x</a>', 'https://site.test/local', false],
    ['<a href="mailto:me@site.test">x</a>', 'mailto:me@site.test', false],
    ['<map><area href="https://x.test/" shape="rect"></map>', 'https://x.test/', false],
    ['<svg><a href="https://x.test/"><text>x</text></a></svg>', 'https://x.test/', false],
    ['<svg><a xlink:href="https://x.test/"><text>x</text></a></svg>', 'https://x.test/', false],
  ])('%s navigates to %s (marked: %s)', (html, url, marked) => {
    expect(only('navigation', html)).toEqual([expect.objectContaining({ via: 'link', url, marked })]);
  });

  it('resolves links written before <base> against the base, as a click would', () => {
    expect(only('navigation', '<a href="x">x</a><base href="https://cdn.test/">')[0]!.url).toBe('https://cdn.test/x');
  });

  it.each([
    ['<meta http-equiv="refresh" content="0; url=https://away.test/">', 'https://away.test/'],
    ['<META HTTP-EQUIV="Refresh" CONTENT="5;URL=\'https://away.test/\'">', 'https://away.test/'],
    ['<meta http-equiv="refresh" content="0,url=/moved">', 'https://site.test/moved'],
    ['<meta http-equiv="refresh" content="0 https://away.test/">', 'https://away.test/'],
  ])('%s redirects to %s', (html, url) => {
    expect(only('navigation', html)).toEqual([
      expect.objectContaining({ via: 'refresh', url, marked: false, element: 'meta' }),
    ]);
  });

  it('does not report a refresh that only reloads the page', () => {
    expect(only('navigation', '<meta http-equiv="refresh" content="30">')).toEqual([]);
  });

  it.each([
    '<a href="javascript:void(0)">x</a>',
    '<a href=" JavaScript:go()">x</a>',
    '<a href="java&#x09;script:go()">x</a>',
    '<a href="">x</a>',
  ])('%s is not a navigation', (html) => {
    expect(only('navigation', html)).toEqual([]);
  });
});

describe('gatherHtml forms', () => {
  it.each([
    [
      '<form method="post" action="https://origin.test/contact"></form>',
      'post',
      'https://origin.test/contact',
      'origin.test',
    ],
    ['<form method="POST " action="/send"></form>', 'post', 'https://site.test/send', 'site.test'],
    ['<form method="Post"></form>', 'post', 'https://site.test/blog/index.html', 'site.test'],
    ['<form action=""></form>', 'get', 'https://site.test/blog/index.html', 'site.test'],
    ['<form method="put" action="?q"></form>', 'get', 'https://site.test/blog/index.html?q', 'site.test'],
    ['<form method="dialog"></form>', 'dialog', 'https://site.test/blog/index.html', 'site.test'],
    ['<form action="http://third.test/x">', 'get', 'http://third.test/x', 'third.test'],
  ])('%s submits by %s to %s', (html, method, url, host) => {
    expect(only('form', html)).toEqual([
      expect.objectContaining({ via: 'action', method, url, host, element: 'form' }),
    ]);
  });

  it('resolves the action against <base>, but an empty action goes to the page itself', () => {
    const forms = only('form', '<base href="https://cdn.test/"><form action="/x"></form><form></form>');
    expect(forms.map((form) => form.url)).toEqual(['https://cdn.test/x', 'https://site.test/blog/index.html']);
  });

  it('lists the kinds of data the controls carry', () => {
    const html = `<form method="post">
      <input name="name"><input type="email" name="e"><input type="tel" name="t">
      <input name="company"><textarea name="message"></textarea><input type="hidden" name="csrf">
      <input type="checkbox" name="agree"><input type="password" name="pw"><input name="zip" autocomplete="postal-code">
      <input name="x" autocomplete="cc-number"><input type="submit" value="Send"><button>Send</button>
    </form>`;
    expect(only('form', html)[0]!.fields).toEqual([
      'name',
      'email',
      'tel',
      'text',
      'hidden',
      'other',
      'password',
      'address',
      'payment',
    ]);
  });

  it('counts controls outside the form that point at it with form="id"', () => {
    const html =
      '<input type="email" name="e" form="f"><form id="f" method="post"></form><textarea form="f" name="msg"></textarea><input form="nope" type="tel" name="t">';
    expect(only('form', html)[0]!.fields).toEqual(['email', 'text']);
  });

  it('does not give a control with a dangling form="id" to the form around it', () => {
    expect(only('form', '<form><input type="tel" name="t" form="missing"></form>')[0]!.fields).toEqual([]);
  });

  it('reports a submit button that overrides the action or method, at the button', () => {
    const html =
      '<form method="get" action="/search">\n  <input name="email">\n  <button formaction="https://third.test/collect" formmethod="POST">Go</button>\n  <input type="submit" formmethod="post">\n  <button type="button" formaction="https://ignored.test/">x</button>\n</form>';
    const forms = only('form', html);
    expect(forms).toEqual([
      expect.objectContaining({ via: 'action', method: 'get', url: 'https://site.test/search', line: 1 }),
      expect.objectContaining({
        via: 'formaction',
        method: 'post',
        url: 'https://third.test/collect',
        host: 'third.test',
        fields: ['email'],
        line: 3,
        column: 3,
        element: 'button',
      }),
      expect.objectContaining({
        via: 'formaction',
        method: 'post',
        url: 'https://site.test/search',
        line: 4,
        element: 'input',
      }),
    ]);
  });

  it('treats an empty formaction as the page itself and an invalid formmethod as GET', () => {
    const forms = only(
      'form',
      '<form method="post" action="/x"><button formaction="" formmethod="put">x</button></form>',
    );
    expect(forms[1]).toMatchObject({ via: 'formaction', method: 'get', url: 'https://site.test/blog/index.html' });
  });

  it("reads a submit button's type untrimmed, as browsers do", () => {
    // `" reset"` is no button type, so a submit button; `" submit"` is no input type, so a text field.
    const html =
      '<form action="/search"><input name=q><button type=" reset" formmethod=post formaction="https://f.test/p">x</button>' +
      '<input type=" submit" formmethod=post formaction="https://g.test/p"></form>';
    expect(only('form', html).map((form) => `${form.via} ${form.method} ${form.url}`)).toEqual([
      'action get https://site.test/search',
      'formaction post https://f.test/p',
    ]);
  });

  it('reports a button outside the form that submits it with form="id"', () => {
    const forms = only(
      'form',
      '<form id="f" method="post" action="/a"></form><button form="f" formaction="https://third.test/">x</button>',
    );
    expect(forms.map((form) => `${form.via} ${form.method} ${form.url}`)).toEqual([
      'action post https://site.test/a',
      'formaction post https://third.test/',
    ]);
  });

  it('keeps a form open across implied closes until its </form>, as browsers do', () => {
    const html =
      '<table><tr><td><form method="post"><input name="a"></td><td><input type="email" name="e"></td></tr></table></form><input type="tel" name="t">';
    expect(only('form', html)).toEqual([expect.objectContaining({ fields: ['text', 'email'] })]);
  });

  it('ends a form at a stray </form> and ignores a <form> while one is open', () => {
    expect(
      only('form', '<div><form action="/a"></div><input type="email" name="e"></form><input type="tel" name="t">')[0]!
        .fields,
    ).toEqual(['email']);
    expect(
      only('form', '<div><form action="/a"></div><form action="/b"><input type="email" name="e">').map(
        (form) => form.url,
      ),
    ).toEqual(['https://site.test/a']);
  });

  it('reports an unclosed form with the controls up to the end', () => {
    expect(only('form', '<form method=post><input type=email name=e>')).toEqual([
      expect.objectContaining({ method: 'post', fields: ['email'] }),
    ]);
  });

  it('ignores a form nested in a form, as browsers do, giving its controls to the outer one', () => {
    const forms = only(
      'form',
      '<form action="/outer"><form action="/inner"><input type="email" name="e"></form></form>',
    );
    expect(forms).toEqual([expect.objectContaining({ url: 'https://site.test/outer', fields: ['email'] })]);
  });

  it.each([
    ['template', '<template><form action="/x"></template>'],
    ['noscript', '<noscript><form action="/x"></noscript>'],
  ])('does not let an unclosed form in a %s block or absorb the form after it', (_container, before) => {
    const forms = only(
      'form',
      `${before}<form method=post action="https://f.test/p"><input type=email name=email><button>go</button></form>`,
    );
    expect(forms.map((form) => `${form.method} ${form.url} [${form.fields.join()}]`)).toEqual([
      'get https://site.test/x []',
      'post https://f.test/p [email]',
    ]);
  });

  it('keeps the controls of a form in a template with that form', () => {
    const forms = only(
      'form',
      '<template><form method=post action="https://f.test/t"><input type=tel name=t></form><input type=email name=e></template><form action="/s"><input name=q></form>',
    );
    expect(forms.map((form) => `${form.url} [${form.fields.join()}]`)).toEqual([
      'https://f.test/t [tel]',
      'https://site.test/s [text]',
    ]);
  });

  it('reports every form in a template', () => {
    expect(
      only('form', '<template><form action="/a"></form><form action="/b"></form></template>').map((form) => form.url),
    ).toEqual(['https://site.test/a', 'https://site.test/b']);
  });

  it('does not end the live form at a </form> inside a template or noscript', () => {
    const forms = only(
      'form',
      '<form method=post action="/c"><template></form></template><noscript></form></noscript><input type=email name=e></form>',
    );
    expect(forms).toEqual([expect.objectContaining({ fields: ['email'] })]);
  });

  it('gives no controls after a template to the form left open in it', () => {
    const forms = only(
      'form',
      '<template><form method=post action="https://f.test/t"></template><template><input type=email name=e></template><input type=tel name=t>',
    );
    expect(forms).toEqual([expect.objectContaining({ url: 'https://f.test/t', fields: [] })]);
  });

  it('does not let form="id" name a form in a template, which is not in the document', () => {
    const forms = only(
      'form',
      '<template><form id="f" action="/t"></form></template><form id="f" method="post" action="/live"></form><input form="f" type="email" name="e">',
    );
    expect(forms.map((form) => `${form.url} [${form.fields.join()}]`)).toEqual([
      'https://site.test/t []',
      'https://site.test/live [email]',
    ]);
  });
});

describe('gatherHtml embeds', () => {
  it.each([
    [
      '<iframe src="https://www.youtube.com/embed/x" allow="autoplay" loading="lazy"></iframe>',
      'iframe',
      'https://www.youtube.com/embed/x',
      { src: 'https://www.youtube.com/embed/x', allow: 'autoplay', loading: 'lazy' },
    ],
    [
      '<iframe data-src="https://player.vimeo.com/video/1"></iframe>',
      'iframe',
      'https://player.vimeo.com/video/1',
      { 'data-src': 'https://player.vimeo.com/video/1' },
    ],
    ['<frameset><frame src="https://f.test/"></frameset>', 'frame', 'https://f.test/', { src: 'https://f.test/' }],
    [
      '<object data="https://o.test/x" type="x/y"></object>',
      'object',
      'https://o.test/x',
      { data: 'https://o.test/x', type: 'x/y' },
    ],
    ['<embed src="https://o.test/x">', 'embed', 'https://o.test/x', { src: 'https://o.test/x' }],
    [
      '<video src="https://v.test/a.mp4" controls></video>',
      'video',
      'https://v.test/a.mp4',
      { src: 'https://v.test/a.mp4', controls: '' },
    ],
    ['<audio src="https://v.test/a.mp3"></audio>', 'audio', 'https://v.test/a.mp3', { src: 'https://v.test/a.mp3' }],
    [
      '<video autoplay><source src="https://v.test/a.webm"></video>',
      'video',
      'https://v.test/a.webm',
      { autoplay: '' },
    ],
  ])('%s embeds %s %s', (html, element, url, attributes) => {
    expect(only('embed', html)).toEqual([expect.objectContaining({ element, url, attributes })]);
  });

  it('reports the same URL as a request too', () => {
    expect(requests('<iframe src="https://f.test/"></iframe>')).toEqual(['frame https://f.test/']);
  });

  it('reads a link in a srcdoc document as an embed: clicked, it loads in that frame, the visitor stays', () => {
    const html = '<iframe srcdoc="<a href=https://p.test/embed?autoplay=true>Play</a>"></iframe>';
    expect(only('embed', html)).toEqual([
      expect.objectContaining({ element: 'a', attribute: 'href', url: 'https://p.test/embed?autoplay=true' }),
    ]);
    expect(only('navigation', html)).toEqual([]);
  });

  it.each([
    '<a href=https://p.test/ target=_top>x</a>',
    '<a href=https://p.test/ target=_blank>x</a>',
    '<a href=https://p.test/ target=player>x</a>',
    '<base target=_parent><a href=https://p.test/>x</a>',
  ])('keeps a srcdoc link that opens another window or frame a navigation: %s', (markup) => {
    const html = `<iframe srcdoc="${markup}"></iframe>`;
    expect(only('navigation', html)).toEqual([expect.objectContaining({ url: 'https://p.test/' })]);
    expect(only('embed', html)).toEqual([]);
  });

  it('keeps links of the page itself navigations, whatever their target', () => {
    expect(only('embed', '<a href="https://p.test/">x</a><a href="https://p.test/" target="_self">y</a>')).toEqual([]);
  });

  it('does not embed a javascript: frame, and a <source> after the video is an image', () => {
    expect(only('embed', '<iframe src="javascript:false"></iframe><video></video><source src="x.png">')).toEqual([]);
  });
});

describe('gatherHtml cookies set by markup', () => {
  it.each([
    '<meta http-equiv="set-cookie" content="id=1">',
    '<META HTTP-EQUIV="Set-Cookie" CONTENT="id=1">',
    '<meta http-equiv=" Set-Cookie " content="id=1">',
  ])('%s sets a cookie', (html) => {
    expect(only('storage', html)).toEqual([
      expect.objectContaining({ api: 'set-cookie', element: 'meta', line: 1, column: 1 }),
    ]);
  });

  it('reads <meta name="referrer"> as the page\'s Referrer-Policy header, at the tag', () => {
    expect(only('header', '<p>\n<meta name="referrer" content="unsafe-url">')).toEqual([
      expect.objectContaining({
        name: 'referrer-policy',
        value: 'unsafe-url',
        pattern: '/blog/index.html',
        line: 2,
        column: 1,
        element: 'meta',
      }),
    ]);
  });

  it('does not take a meta name for http-equiv', () => {
    expect(only('storage', '<meta name="set-cookie" content="id=1">')).toEqual([]);
  });
});

describe('gatherHtml on hostile markup', () => {
  it.each([
    ['unclosed tags', '<div><p><img src="https://i.test/a.png"'],
    ['an unterminated attribute', '<img src="https://i.test/a.png'],
    ['a stray end tag soup', '</p></div></form></script><img src=https://i.test/a.png>'],
    ['NUL and binary bytes', '\u0000\u0001\uFFFD<img\u0000 src="https://i.test/a.png">\uD800'],
    ['deep nesting', `${'<div>'.repeat(5000)}<img src="https://i.test/a.png">`],
  ])('survives %s', (_name, html) => {
    expect(() => gather(html)).not.toThrow();
  });

  it('still finds a request after 5000 nested elements', () => {
    expect(requests(`${'<div><span>'.repeat(5000)}<img src="https://i.test/a.png">`)).toEqual([
      'image https://i.test/a.png',
    ]);
  });
});

describe('gatherHtml on standalone SVG files', () => {
  const svg = { file: 'assets/badge.svg', url: 'https://site.test/assets/badge.svg' };

  it('reports what the scripts and images of an SVG document do', () => {
    const markup = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',
      '  <image xlink:href="https://img.test/a.png" width="10" height="10"/>',
      '  <script><![CDATA[ if (1 < 2) document.cookie = "a=1"; ]]></script>',
      '</svg>',
    ].join('\n');
    expect(gatherHtml(markup, svg).map((observation) => `${observation.kind} ${observation.line}`)).toEqual([
      'request 3',
      'storage 4',
    ]);
  });

  it("finds nothing in the starter site's favicon", () => {
    const favicon = readFileSync(new URL('../../../public/favicon.svg', import.meta.url), 'utf8');
    expect(gatherHtml(favicon, { file: 'favicon.svg', url: 'https://site.test/favicon.svg' })).toEqual([]);
  });
});
