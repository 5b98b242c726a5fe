import { describe, expect, it } from 'vitest';
import { cspHash } from '../../scanners/syntax/http/csp.ts';
import { leavingMark } from '../../scanners/transforms/leaving-notice.ts';
import { markExternalLinks } from '../../scanners/transforms/mark-external-links.ts';
import { ownHiddenStyle } from '../../scanners/transforms/theme-styles.ts';
import { testContext } from './support.ts';

const mark = (html: string) => markExternalLinks(html, testContext());
const marked = 'data-leaving="" rel="noopener noreferrer external"';
const words = (hiddenClass: string) => `<span class="${hiddenClass}"> (leaves this site)</span>`;
const ownStyle = `<style>${ownHiddenStyle}</style>`;
const page = (css: string, body: string) => `<!doctype html><head><style>${css}</style></head><body>${body}</body>`;

// Hidden-text rules as frameworks ship them (written here from their documented declarations).
const tailwind =
  '.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border-width:0}';
const bootstrap =
  '.visually-hidden,.visually-hidden-focusable:not(:focus):not(:focus-within){width:1px!important;height:1px!important;padding:0!important;margin:-1px!important;overflow:hidden!important;clip:rect(0,0,0,0)!important;white-space:nowrap!important;border:0!important}.visually-hidden:not(caption),.visually-hidden-focusable:not(:focus):not(:focus-within):not(caption){position:absolute!important}';
const wordpress =
  '.screen-reader-text{border:0;clip:rect(1px,1px,1px,1px);clip-path:inset(50%);height:1px;margin:-1px;overflow:hidden;padding:0;position:absolute!important;width:1px;word-wrap:normal!important}';

describe("the leaving notice's hidden words", () => {
  it.each([
    ['Tailwind', tailwind, 'sr-only'],
    ['Bootstrap 5, whose position sits in a rule of its own', bootstrap, 'visually-hidden'],
    ['WordPress', wordpress, 'screen-reader-text'],
    [
      'Tailwind 4, in a cascade layer',
      `@layer utilities{${tailwind.replace('clip:rect(0,0,0,0)', 'clip-path:inset(50%)')}}`,
      'sr-only',
    ],
  ])("use the theme's own class: %s", (_, css, hiddenClass) => {
    const html = page(css, '<a href="https://other.org/">Other</a>');
    expect(mark(html)).toBe(
      page(css, `<a href="https://other.org/" ${marked}>Other${leavingMark}${words(hiddenClass)}</a>`),
    );
  });

  it.each([
    ['a class that removes the words for screen readers too', '.sr-only{display:none}'],
    ['a rule that hides only on small screens', `@media (max-width:600px){${tailwind}}`],
    ['a rule only for elements in a container', `.prose ${tailwind}`],
    ['a class of the right name that only shrinks the text', '.visually-hidden{font-size:.8em}'],
    ['a hiding rule undone later', `${tailwind}.sr-only{position:static;width:auto;height:auto;clip:auto}`],
    ['no stylesheet at all', ''],
  ])("bring nospy's own rule, once per page, when the theme has none: %s", (_, css) => {
    const html = page(css, '<a href="https://a.org/">A</a> <a href="https://b.org/">B</a>');
    const once = mark(html);
    expect(once).toBe(
      page(
        css,
        `<a href="https://a.org/" ${marked}>A${leavingMark}${words('nospy-hidden')}</a> <a href="https://b.org/" ${marked}>B${leavingMark}${words('nospy-hidden')}</a>`,
      ).replace('</head>', `${ownStyle}</head>`),
    );
    expect(mark(once)).toBe(once);
    // A page marked later (a new link) takes nospy's rule already there, and adds no second one.
    expect(mark(once.replace('</body>', '<a href="https://c.org/">C</a></body>')).split(ownStyle)).toHaveLength(2);
  });

  it('put the rule before the first link that needs it when the page writes no </head>', () => {
    expect(mark('<p><a href="https://other.org/">O</a>')).toBe(
      `<p>${ownStyle}<a href="https://other.org/" ${marked}>O${leavingMark}${words('nospy-hidden')}</a>`,
    );
  });

  it("add the rule's hash to a meta Content-Security-Policy that would block it, and leave one that allows it", () => {
    const hash = cspHash(ownHiddenStyle);
    const link = '<a href="https://other.org/">O</a>';
    const withMeta = (policy: string) =>
      `<head><meta http-equiv="content-security-policy" content="${policy}"></head>${link}`;
    const hashed = mark(withMeta("script-src 'self'; style-src 'self' 'sha256-abc='"));
    expect(hashed).toContain(`content="script-src 'self'; style-src 'self' 'sha256-abc=' ${hash}"`);
    expect(mark(withMeta("default-src 'self'"))).toContain(`content="default-src 'self'; style-src 'self' ${hash}"`);
    for (const allowing of ["style-src 'self' 'unsafe-inline'", "script-src 'self'"]) {
      expect(mark(withMeta(allowing))).toContain(`content="${allowing}"`);
    }
    expect(mark(hashed)).toBe(hashed);
  });
});

describe('the visible ↗', () => {
  const css = `${tailwind}.social a{display:inline-flex;width:2rem;height:2rem}`;
  const cases: [string, string, string][] = [
    [
      'an aria-label link: the words go in its label, which replaces its content for screen readers',
      '<a href="https://other.org/" aria-label="Our code">Code</a>',
      `<a href="https://other.org/" aria-label="Our code (leaves this site)" ${marked}>Code${leavingMark}</a>`,
    ],
    [
      'an icon-only link with a label: nothing is added inside it',
      '<a href="https://github.com/acme" aria-label="GitHub"><svg viewBox="0 0 16 16"><title>GitHub</title><path d="M0 0h16v16z"/></svg></a>',
      `<a href="https://github.com/acme" aria-label="GitHub (leaves this site)" ${marked}><svg viewBox="0 0 16 16"><title>GitHub</title><path d="M0 0h16v16z"/></svg></a>`,
    ],
    [
      'an image link: only the hidden words',
      '<a href="https://other.org/"><img src="/logo.png" alt="Other"></a>',
      `<a href="https://other.org/" ${marked}><img src="/logo.png" alt="Other">${words('sr-only')}</a>`,
    ],
    [
      'an icon whose name is in hidden text',
      '<a href="https://x.com/acme"><svg><use href="#x"/></svg><span class="sr-only">X</span></a>',
      `<a href="https://x.com/acme" ${marked}><svg><use href="#x"/></svg><span class="sr-only">X</span>${words('sr-only')}</a>`,
    ],
    [
      'a link the theme sizes',
      '<ul class="social"><li><a href="https://other.org/">in</a></li></ul>',
      `<ul class="social"><li><a href="https://other.org/" ${marked}>in${words('sr-only')}</a></li></ul>`,
    ],
    [
      'a link sized by its own style',
      '<a href="https://other.org/" style="width: 40px">Go</a>',
      `<a href="https://other.org/" style="width: 40px" ${marked}>Go${words('sr-only')}</a>`,
    ],
    [
      "a link with the theme's own icon",
      '<a href="https://other.org/">Docs <i class="fa fa-external-link"></i></a>',
      `<a href="https://other.org/" ${marked}>Docs <i class="fa fa-external-link"></i>${words('sr-only')}</a>`,
    ],
    [
      'a link whose words the theme follows with its own drawn icon',
      '<a href="https://discord.example/" title="Discord"><span>Discord</span>&nbsp;<svg viewBox="0 0 24 24" height="12" width="12"><path d="M15 3h6v6"/><path d="M10 14 21 3"/></svg></a>',
      `<a href="https://discord.example/" title="Discord" ${marked}><span>Discord</span>&nbsp;<svg viewBox="0 0 24 24" height="12" width="12"><path d="M15 3h6v6"/><path d="M10 14 21 3"/></svg>${words('sr-only')}</a>`,
    ],
    [
      'a link that already ends in an arrow',
      '<a href="https://other.org/">Docs ↗</a>',
      `<a href="https://other.org/" ${marked}>Docs ↗${words('sr-only')}</a>`,
    ],
  ];
  it.each(cases)('is left out of %s', (_, before, after) => {
    expect(mark(page(css, before))).toBe(page(css, after));
  });

  it.each([
    ['a[target=_blank]::after{content:"↗"}', '<a href="https://other.org/" target="_blank">O</a>'],
    ['a[rel~="external"]:after{content:"";background-image:url(/ext.svg)}', '<a href="https://other.org/">O</a>'],
    [
      'a[href^="http"]::after{content:"";-webkit-mask:var(--icon-external) no-repeat}',
      '<a href="https://other.org/">O</a>',
    ],
    [
      '.content a[href^="http"]::after{content:" ⧉"}',
      '<div class="content"><p><a href="https://other.org/">O</a></p></div>',
    ],
  ])("is not doubled where the theme's CSS draws its own icon: %s", (icon, link) => {
    expect(mark(page(tailwind + icon, link))).not.toContain(leavingMark);
  });

  it.each([
    ['a[target=_blank]::after{content:"↗"}', '<a href="https://other.org/">O</a>'],
    ['a:hover::after{content:"→"}', '<a href="https://other.org/">O</a>'],
    ['.content a::after{content:"↗"}', '<aside><a href="https://other.org/">O</a></aside>'],
    ['a[target=_blank]::after{content:none}', '<a href="https://other.org/" target="_blank">O</a>'],
    [
      'a::after{content:"";display:block;height:2px;background:currentColor;transform:scaleX(0)}',
      '<a href="https://other.org/">O</a>',
    ],
    ['.nav a{width:auto}', '<nav class="nav"><a href="https://other.org/">O</a></nav>'],
  ])('is kept where look-alike CSS draws nothing on the link: %s', (rule, link) => {
    expect(mark(page(tailwind + rule, link))).toContain(`${leavingMark}${words('sr-only')}</a>`);
  });
});

describe('player facades', () => {
  it.each([
    [
      'lite-youtube-embed',
      '<lite-youtube videoid="ogfYd705cRs" style="background-image:url(/poster.jpg)"><a href="https://youtube.com/watch?v=ogfYd705cRs" class="lty-playbtn" title="Play Video"><span class="lyt-visually-hidden">Play Video: Keynote</span></a></lite-youtube>',
    ],
    [
      '@justinribeiro/lite-youtube',
      '<lite-youtube videoid="ogfYd705cRs"><a class="lite-youtube-fallback" href="https://www.youtube.com/watch?v=ogfYd705cRs">Watch on YouTube: "Keynote"</a></lite-youtube>',
    ],
    [
      'lite-vimeo',
      '<lite-vimeo videoid="364402896"><a href="https://vimeo.com/364402896">Watch on Vimeo</a></lite-vimeo>',
    ],
  ])("are not leaving links: %s's play link is left as written", (_, html) => {
    expect(mark(html)).toBe(html);
  });

  it('a link to the same video outside the facade is marked', () => {
    expect(
      mark('<lite-youtube videoid="x"></lite-youtube><a href="https://youtube.com/watch?v=x">YouTube</a>'),
    ).toContain(`<a href="https://youtube.com/watch?v=x" ${marked}>`);
  });
});
