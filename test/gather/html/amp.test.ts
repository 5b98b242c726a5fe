import { describe, expect, it } from 'vitest';
import { gatherHtml } from '../../../scanners/gather/html/index.ts';

const page = { file: 'amp/index.html', url: 'https://site.test/amp/' };

/** What the page makes the AMP runtime contact, as `kind type-or-name url element attribute`. */
function facts(html: string): string[] {
  return gatherHtml(html, page).map((o) => {
    if (o.kind === 'request') return `request ${o.type} ${o.url} ${o.element} ${o.attribute}`;
    if (o.kind === 'embed') return `embed ${o.url} ${o.element} ${o.attribute}`;
    if (o.kind === 'snippet') return `snippet ${o.name} ${o.element} ${o.attribute}`;
    return o.kind;
  });
}

describe('gatherHtml on AMP components', () => {
  it.each([
    [
      '<amp-img src="https://i.test/a.jpg" srcset="https://i.test/b.jpg 2x" width="1" height="1"></amp-img>',
      ['request image https://i.test/a.jpg amp-img src', 'request image https://i.test/b.jpg amp-img srcset'],
    ],
    ['<amp-anim src="/a.gif" width="1" height="1"></amp-anim>', ['request image https://site.test/a.gif amp-anim src']],
    [
      '<amp-iframe src="https://w.test/f" sandbox="allow-scripts"></amp-iframe>',
      ['request frame https://w.test/f amp-iframe src', 'embed https://w.test/f amp-iframe src'],
    ],
    [
      '<amp-video poster="https://i.test/p.jpg"><source src="https://m.test/v.mp4"></amp-video>',
      [
        'request image https://i.test/p.jpg amp-video poster',
        'request media https://m.test/v.mp4 source src',
        'embed https://m.test/v.mp4 amp-video src',
      ],
    ],
    [
      '<amp-audio src="https://m.test/a.mp3"></amp-audio>',
      ['request media https://m.test/a.mp3 amp-audio src', 'embed https://m.test/a.mp3 amp-audio src'],
    ],
    [
      '<amp-pixel src="https://p.test/p?r=RANDOM&amp;u=CANONICAL_URL"></amp-pixel>',
      ['request beacon https://p.test/p?r=RANDOM&u=CANONICAL_URL amp-pixel src'],
    ],
    [
      '<amp-list src="https://api.test/items.json"></amp-list>',
      ['request fetch https://api.test/items.json amp-list src'],
    ],
    [
      '<amp-analytics type="googleanalytics"></amp-analytics>',
      ['request beacon https://www.google-analytics.com/ amp-analytics type'],
    ],
    [
      '<amp-analytics type="parsely"></amp-analytics>',
      ['request beacon https://srv.pixel.parsely.com/ amp-analytics type'],
    ],
    ['<amp-analytics type="newrelic"></amp-analytics>', ['snippet newrelic amp-analytics type']],
    [
      '<amp-analytics config="https://c.test/config.json"></amp-analytics>',
      ['request fetch https://c.test/config.json amp-analytics config'],
    ],
    [
      '<amp-analytics><script type="application/json">{"requests": {"pv": "https://b.test/pv?r=${random}"}}</script></amp-analytics>',
      ['request beacon https://b.test/pv?r=${random} amp-analytics requests'],
    ],
    [
      '<amp-ad type="adsense" width="1" height="1"></amp-ad>',
      ['request script https://pagead2.googlesyndication.com/ amp-ad type'],
    ],
    [
      '<amp-ad type="custom" data-url="https://ads.test/ad.json"></amp-ad>',
      ['request fetch https://ads.test/ad.json amp-ad data-url'],
    ],
    ['<amp-embed type="outbrain"></amp-embed>', ['snippet outbrain amp-embed type']],
    [
      '<amp-youtube data-videoid="a b"></amp-youtube>',
      [
        'request frame https://www.youtube.com/embed/a%20b amp-youtube data-videoid',
        'embed https://www.youtube.com/embed/a%20b amp-youtube data-videoid',
      ],
    ],
    [
      '<amp-consent id="c" layout="nodisplay"><script type="application/json">{"checkConsentHref": "https://cmp.test/check", "promptUISrc": "https://cmp.test/ui"}</script></amp-consent>',
      [
        'request fetch https://cmp.test/check amp-consent checkConsentHref',
        'request frame https://cmp.test/ui amp-consent promptUISrc',
      ],
    ],
    [
      '<script id="amp-access" type="application/json">{"authorization": "https://pub.test/auth?rid=READER_ID"}</script>',
      ['request fetch https://pub.test/auth?rid=READER_ID amp-access authorization'],
    ],
    [
      '<amp-install-serviceworker src="https://site.test/sw.js" data-iframe-src="https://site.test/install-sw.html" layout="nodisplay"></amp-install-serviceworker>',
      [
        'request script https://site.test/sw.js amp-install-serviceworker src',
        'storage',
        'request frame https://site.test/install-sw.html amp-install-serviceworker data-iframe-src',
      ],
    ],
    [
      '<amp-auto-ads type="adsense" data-ad-client="ca-pub-1"></amp-auto-ads>',
      ['request script https://pagead2.googlesyndication.com/ amp-auto-ads type'],
    ],
    [
      '<amp-script src="https://s.test/app.js" width="1" height="1"></amp-script>',
      ['request script https://s.test/app.js amp-script src'],
    ],
    [
      '<amp-state id="s" src="https://api.test/state.json"></amp-state>',
      ['request fetch https://api.test/state.json amp-state src'],
    ],
    ['<form method="post" action-xhr="https://forms.test/submit"><input name="email" type="email"></form>', ['form']],
    [
      '<amp-story standalone publisher-logo-src="https://i.test/logo.png" poster-portrait-src="/p.jpg"></amp-story>',
      [
        'request image https://site.test/p.jpg amp-story poster-portrait-src',
        'request image https://i.test/logo.png amp-story publisher-logo-src',
      ],
    ],
  ])('%s', (html, expected) => {
    expect(facts(html)).toEqual(expected);
  });

  it.each([
    [
      'a JSON script outside amp-analytics',
      '<script type="application/json">{"requests": {"pv": "https://b.test/pv"}}</script>',
    ],
    [
      'a JSON script after amp-analytics closed',
      '<amp-analytics></amp-analytics><script type="application/json">{"requests": {"pv": "https://b.test/pv"}}</script>',
    ],
    [
      'amp-font, which only watches fonts the CSS loads',
      '<amp-font layout="nodisplay" font-family="Inter" timeout="2000"></amp-font>',
    ],
    ['an amp-list of the page state', '<amp-list src="amp-state:items"></amp-list>'],
    ['an amp-youtube without a video', '<amp-youtube width="1" height="1"></amp-youtube>'],
    ['an amp-analytics of its own config only', '<amp-analytics></amp-analytics>'],
    [
      'a JSON script after amp-consent closed',
      '<amp-consent></amp-consent><script type="application/json">{"checkConsentHref": "https://cmp.test/check"}</script>',
    ],
    [
      'a JSON script with another id',
      '<script id="amp-state-x" type="application/json">{"authorization": "https://pub.test/auth"}</script>',
    ],
  ])('finds nothing in %s', (_name, html) => {
    expect(facts(html)).toEqual([]);
  });
});

describe('gatherHtml on AMP forms', () => {
  it('takes action-xhr, where the AMP runtime submits, as the form action', () => {
    const [form] = gatherHtml(
      '<form method="post" action-xhr="https://forms.test/submit" target="_top">\n<input name="email" type="email"></form>',
      page,
    );
    expect(form).toMatchObject({
      kind: 'form',
      method: 'post',
      url: 'https://forms.test/submit',
      attribute: 'action-xhr',
      fields: ['email'],
    });
  });
});

describe('gatherHtml on media elements', () => {
  it("reads a <video>'s <source> children only when it has no src of its own, as browsers do", () => {
    expect(facts('<video src="/v.mp4"><source src="https://m.test/v.webm"></video>')).toEqual([
      'request media https://site.test/v.mp4 video src',
      'embed https://site.test/v.mp4 video src',
    ]);
    expect(
      facts('<audio src=""><source src="https://m.test/a.ogg"></audio><img src="https://i.test/after.png">'),
    ).toEqual(['request image https://i.test/after.png img src']);
  });
});
