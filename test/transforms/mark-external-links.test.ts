import { describe, expect, it } from 'vitest';
import { leavingPageFile, leavingPagePath } from '../../scanners/syntax/leaving-page.ts';
import { leavingNotice, markExternalLinks } from '../../scanners/transforms/mark-external-links.ts';
import { testContext } from './support.ts';

const inline = testContext();
const interstitial = testContext({ externalLinks: { mode: 'interstitial' } });
/** The starter's hidden-text rule, as a theme that has one writes it; the marked pages below are read under it. */
const starterTheme =
  '<style>.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}</style>';
const mark = (html: string) => markExternalLinks(starterTheme + html, inline).slice(starterTheme.length);
const marked = 'data-leaving="" rel="noopener noreferrer external"';

describe('markExternalLinks, inline mode', () => {
  it.each([
    [
      'a plain external link',
      '<a href="https://other.org/x">Other</a>',
      `<a href="https://other.org/x" ${marked}>Other${leavingNotice}</a>`,
    ],
    [
      'uppercase tags and attributes, kept as written',
      '<A HREF="https://other.org">O</A>',
      `<A HREF="https://other.org" ${marked}>O${leavingNotice}</A>`,
    ],
    [
      'an unquoted href',
      '<a href=https://other.org/>O</a>',
      `<a href=https://other.org/ ${marked}>O${leavingNotice}</a>`,
    ],
    [
      'a self-closing start tag',
      '<a href="https://other.org"/>O</a>',
      `<a href="https://other.org" ${marked}/>O${leavingNotice}</a>`,
    ],
    [
      'an entity-encoded href',
      '<a href="https&#58;//other.org">O</a>',
      `<a href="https&#58;//other.org" ${marked}>O${leavingNotice}</a>`,
    ],
    [
      'a scheme-relative href',
      '<a href="//other.org/x">O</a>',
      `<a href="//other.org/x" ${marked}>O${leavingNotice}</a>`,
    ],
    [
      'an href padded with whitespace',
      '<a href=" https://other.org ">O</a>',
      `<a href=" https://other.org " ${marked}>O${leavingNotice}</a>`,
    ],
    [
      'nested markup',
      '<a href="https://other.org"><strong>Other</strong> site</a>',
      `<a href="https://other.org" ${marked}><strong>Other</strong> site${leavingNotice}</a>`,
    ],
    [
      'a link inside <noscript>',
      '<noscript><a href="https://other.org">O</a></noscript>',
      `<noscript><a href="https://other.org" ${marked}>O${leavingNotice}</a></noscript>`,
    ],
    [
      'an image-map area, without the visible notice',
      '<map><area href="https://other.org" alt="O"></map>',
      `<map><area href="https://other.org" alt="O" ${marked}></map>`,
    ],
    [
      'a multi-line start tag',
      '<a\n  href="https://other.org"\n  class="x"\n>O</a>',
      `<a\n  href="https://other.org"\n  class="x"\n ${marked}>O${leavingNotice}</a>`,
    ],
  ])('marks %s', (_, before, after) => {
    expect(mark(before)).toBe(after);
  });

  it.each([
    [
      'an existing rel, keeping its tokens',
      '<a rel="nofollow" href="https://other.org">O</a>',
      `<a rel="nofollow noopener noreferrer external" href="https://other.org" data-leaving="">O${leavingNotice}</a>`,
    ],
    [
      'a rel that already has one token',
      "<a href='https://other.org' rel='NoOpener'>O</a>",
      `<a href='https://other.org' rel='NoOpener noreferrer external' data-leaving="">O${leavingNotice}</a>`,
    ],
    [
      'an unquoted rel',
      '<a href=https://other.org rel=nofollow>O</a>',
      `<a href=https://other.org rel="nofollow noopener noreferrer external" data-leaving="">O${leavingNotice}</a>`,
    ],
    [
      'an empty rel',
      '<a href="https://other.org" rel="">O</a>',
      `<a href="https://other.org" rel="noopener noreferrer external" data-leaving="">O${leavingNotice}</a>`,
    ],
    [
      'a rel without a value',
      '<a href="https://other.org" rel>O</a>',
      `<a href="https://other.org" rel="noopener noreferrer external" data-leaving="">O${leavingNotice}</a>`,
    ],
  ])('merges into %s', (_, before, after) => {
    expect(mark(before)).toBe(after);
  });

  it('resolves relative links against <base href> on another host', () => {
    const html = '<head><base href="https://other.org/docs/"></head><a href="page">P</a>';
    expect(mark(html)).toBe(
      `<head><base href="https://other.org/docs/"></head><a href="page" ${marked}>P${leavingNotice}</a>`,
    );
  });

  it.each([
    [
      'after one whose href is not an http(s) URL',
      '<base href="data:,x"><base href="javascript:void 0"><base href="http://[x"><base href="https://other.org/">',
    ],
    [
      'after one in a template, a noscript or SVG, which browsers pass over',
      '<template><base href="/"></template><noscript><base href="/"></noscript><svg><base href="/"></svg><base href="https://other.org/">',
    ],
  ])('takes the first base a browser uses: one %s', (_, bases) => {
    expect(mark(`${bases}<a href="page">P</a>`)).toBe(`${bases}<a href="page" ${marked}>P${leavingNotice}</a>`);
  });

  it('leaves same-site links alone when the only base on another host sits in a template, a noscript or SVG', () => {
    for (const html of [
      '<template><base href="https://other.org/"></template><a href="x">X</a>',
      '<noscript><base href="https://other.org/"></noscript><a href="x">X</a>',
      '<svg><base href="https://other.org/"></svg><a href="x">X</a>',
    ]) {
      expect(mark(html)).toBe(html);
    }
  });

  it('applies <base href> even to links written before it', () => {
    const html = '<a href="page">P</a><base href="https://other.org/">';
    expect(mark(html)).toContain(`<a href="page" ${marked}>`);
  });

  it('inserts before "/>" only when the slash is not part of an unquoted value', () => {
    expect(mark('<a href=https://other.org/x/>O</a>')).toBe(
      `<a href=https://other.org/x/ ${marked}>O${leavingNotice}</a>`,
    );
  });

  it('does not add the visible notice twice when the link already holds one', () => {
    const html = '<a href="https://other.org">O<span class="leaving-mark">↗</span></a>';
    expect(mark(html)).toBe(`<a href="https://other.org" ${marked}>O<span class="leaving-mark">↗</span></a>`);
  });

  it('adds attributes but no HTML notice to a link inside <svg>', () => {
    expect(mark('<svg><a href="https://other.org"><text>O</text></a></svg>')).toBe(
      `<svg><a href="https://other.org" ${marked}><text>O</text></a></svg>`,
    );
  });

  it('marks an SVG link that names its target with xlink:href', () => {
    const html = '<svg><a xlink:href="https://other.org"><text>O</text></a></svg>';
    expect(mark(html)).toBe(`<svg><a xlink:href="https://other.org" ${marked}><text>O</text></a></svg>`);
  });

  it('marks a link that only a browser with scripting on sees, after an early </noscript, and a normal noscript link once', () => {
    expect(mark('<noscript><p title="</noscript><a href=https://other.org/>x</a>"></p></noscript>')).toBe(
      `<noscript><p title="</noscript><a href=https://other.org/ ${marked}>x${leavingNotice}</a>"></p></noscript>`,
    );
    expect(mark('<noscript><a href="https://other.org/">x</a></noscript>')).toBe(
      `<noscript><a href="https://other.org/" ${marked}>x${leavingNotice}</a></noscript>`,
    );
  });

  describe('in markup templates (<script type="text/x-template">), which the check reads as markup', () => {
    it.each([
      [
        'a Vue template',
        '<script type="text/x-template" id="footer-tpl"><footer><a href="https://twitter.com/acme">Twitter</a></footer></script>',
        `<script type="text/x-template" id="footer-tpl"><footer><a href="https://twitter.com/acme" ${marked}>Twitter${leavingNotice}</a></footer></script>`,
      ],
      [
        'a Handlebars template on several lines, after a link of the page',
        '<a href="https://a.org">A</a>\n<script type="text/x-handlebars-template">\r\n  <a\n href=https://b.org rel=nofollow>B</a>\n</script>',
        `<a href="https://a.org" ${marked}>A${leavingNotice}</a>\n<script type="text/x-handlebars-template">\r\n  <a\n href=https://b.org rel="nofollow noopener noreferrer external" data-leaving="">B${leavingNotice}</a>\n</script>`,
      ],
      [
        'a template left unclosed at the end of the file',
        '<script type="text/template"><a href="//b.org">B</a>',
        `<script type="text/template"><a href="//b.org" ${marked}>B${leavingNotice}</a>`,
      ],
      [
        'a template script inside <svg>, whose content is markup of the page',
        '<svg><script type="text/x-template"><a href="https://b.org">B</a></script></svg>',
        `<svg><script type="text/x-template"><a href="https://b.org" ${marked}>B</a></script></svg>`,
      ],
      [
        'an SVG link in a template',
        '<script type="text/x-template"><svg><a href="https://b.org"><text>B</text></a></svg></script>',
        `<script type="text/x-template"><svg><a href="https://b.org" ${marked}><text>B</text></a></svg></script>`,
      ],
    ])('marks %s in place', (_, before, after) => {
      expect(mark(before)).toBe(after);
      expect(mark(after)).toBe(after);
    });

    it.each([
      ['a script that runs', '<script>document.body.innerHTML = \'<a href="https://b.org">B</a>\';</script>'],
      ['a JSON script', '<script type="application/json">{"html": "<a href=\\"https://b.org\\">B</a>"}</script>'],
      [
        'a template with a source, whose inline text is ignored',
        '<script type="text/x-template" src="/t.html"><a href="https://b.org">B</a></script>',
      ],
      [
        'a template that is already marked',
        `<script type="text/x-template"><a href="https://b.org" ${marked}>B${leavingNotice}</a></script>`,
      ],
    ])('leaves %s byte-identical', (_, html) => {
      expect(mark(html)).toBe(html);
    });

    it("resolves a template's links against the page's base, not a base the template holds", () => {
      // A browser never parses a template script's text as the document, so its <base> is no base.
      const html = '<script type="text/x-template"><base href="https://other.org/"><a href="/x">X</a></script>';
      expect(mark(html)).toBe(html);
    });
  });

  it('marks a link of a standalone SVG file with attributes only: an HTML notice has no place there', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg">\n<a href="https://b.org/"><text>B</text></a>\n<a href="https://c.org/"/>\n</svg>\n';
    const sprite = testContext({}, 'icons/sprite.svg');
    expect(markExternalLinks(svg, sprite)).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg">\n<a href="https://b.org/" ${marked}><text>B</text></a>\n<a href="https://c.org/" ${marked}/>\n</svg>\n`,
    );
    // Even where a careless SVG has its link outside the <svg> element.
    expect(markExternalLinks('<a href="https://b.org/">B</a>', sprite)).toBe(
      `<a href="https://b.org/" ${marked}>B</a>`,
    );
  });

  it('adds attributes but no notice to a link the parser closes implicitly', () => {
    expect(mark('<p><a href="https://other.org">O')).toBe(`<p><a href="https://other.org" ${marked}>O`);
  });

  it.each([
    ['a same-site relative link', '<a href="/services/">S</a>'],
    ['a link to the site host', '<a href="https://www.example.ca/x">S</a>'],
    ['a link to another first-party host', '<a href="https://shop.example.ca/">S</a>'],
    ['mailto:', '<a href="mailto:hi@other.org">M</a>'],
    ['tel:', '<a href="tel:+15555550100">T</a>'],
    ['javascript:', '<a href="javascript:void(0)">J</a>'],
    ['a fragment', '<a href="#main">Skip</a>'],
    ['an anchor without href', '<a name="top">Top</a>'],
    ['a link written as text in <pre>', '<pre>&lt;a href="https://other.org"&gt;</pre>'],
    ['a link inside a comment', '<!-- <a href="https://other.org">O</a> -->'],
    ['a link inside a script', '<script>const a = \'<a href="https://other.org">\';</script>'],
    [
      'an already marked link (the ExternalLink component)',
      `<a href="https://other.org" data-leaving rel="noopener noreferrer external">O${leavingNotice}</a>`,
    ],
    [
      'a link the author marked without the notice',
      '<a href="https://other.org" DATA-LEAVING rel="noreferrer noopener">O</a>',
    ],
  ])('leaves %s byte-identical', (_, html) => {
    expect(mark(html)).toBe(html);
  });

  it('changes nothing on a second run', () => {
    const html = '<a href="https://other.org" rel=nofollow>O</a><area href=//x.org/>';
    const once = mark(html);
    expect(mark(once)).toBe(once);
  });
});

describe('markExternalLinks, interstitial mode', () => {
  const page = (url: string) => leavingPagePath(url, '/leaving/');
  const via = (url: string) => `href="${page(url)}" data-leaving-to="${url}" ${marked}`;
  const send = (html: string) => markExternalLinks(starterTheme + html, interstitial).slice(starterTheme.length);

  it('sends the link to the leaving page of its address and keeps the address on it', () => {
    const html = '<a href="https://other.org/a?b=1">O</a>';
    // The ↗ as ExternalLink writes it in this mode too: the visitor knows before the click.
    expect(send(html)).toBe(`<a ${via('https://other.org/a?b=1')}>O${leavingNotice}</a>`);
    expect(page('https://other.org/a?b=1')).toMatch(/^\/leaving\/other\.org\/[0-9a-f]{8}\/$/);
  });

  it('rewrites an unquoted href with quotes', () => {
    expect(send('<a href=//other.org>O</a>')).toBe(`<a ${via('https://other.org/')}>O${leavingNotice}</a>`);
  });

  it('escapes the address it keeps', () => {
    const html = '<a href="https://other.org/?a=1&amp;q=&quot;x&quot;">O</a>';
    expect(markExternalLinks(html, interstitial)).toContain(
      `data-leaving-to="https://other.org/?a=1&amp;q=%22x%22" ${marked}`,
    );
  });

  it('points at the site itself when <base href> is on another host', () => {
    const html = '<base href="https://other.org/"><a href="x">O</a>';
    expect(markExternalLinks(html, interstitial)).toContain(
      `<a href="https://www.example.ca${page('https://other.org/x')}" data-leaving-to="https://other.org/x" ${marked}>`,
    );
  });

  it('sends a template link through the leaving page', () => {
    expect(send('<script type="text/x-template"><a href="https://other.org">O</a></script>')).toBe(
      `<script type="text/x-template"><a ${via('https://other.org/')}>O${leavingNotice}</a></script>`,
    );
  });

  it('leaves a link that already points at its leaving page as it is, as ExternalLink writes it', () => {
    const html = `<a href="${page('https://other.org/')}" data-leaving-to="https://other.org/" data-leaving rel="noopener noreferrer external">O</a>`;
    expect(markExternalLinks(html, interstitial)).toBe(html);
  });

  it('corrects a stale data-leaving-to', () => {
    const html = `<a href="https://b.org/" data-leaving-to="https://a.org/" ${marked}>B</a>`;
    expect(markExternalLinks(html, interstitial)).toBe(
      `<a href="${page('https://b.org/')}" data-leaving-to="https://b.org/" ${marked}>B</a>`,
    );
  });

  it("keeps the continue link of a destination's own leaving page, and only that one", () => {
    const html = `<a href="https://other.org/x" ${marked}>Continue to other.org</a>`;
    const own = testContext(
      { externalLinks: { mode: 'interstitial' } },
      leavingPageFile('https://other.org/x', '/leaving/'),
    );
    expect(markExternalLinks(html, own)).toBe(html);
    const another = testContext(
      { externalLinks: { mode: 'interstitial' } },
      leavingPageFile('https://other.org/y', '/leaving/'),
    );
    expect(markExternalLinks(html, another)).toContain(`href="${page('https://other.org/x')}"`);
  });

  it('uses the configured leaving page', () => {
    const go = testContext({ externalLinks: { mode: 'interstitial', leavingPage: '/go/' } });
    expect(
      markExternalLinks(`${starterTheme}<a href="https://other.org/">O</a>`, go).slice(starterTheme.length),
    ).toMatch(/^<a href="\/go\/other\.org\/[0-9a-f]{8}\/"/);
  });

  it('changes nothing on a second run', () => {
    const once = markExternalLinks(
      '<a href="https://other.org">O</a><a href="https://b.org" rel=nofollow>B</a>',
      interstitial,
    );
    expect(markExternalLinks(once, interstitial)).toBe(once);
  });
});
