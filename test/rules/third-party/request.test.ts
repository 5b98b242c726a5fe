import { describe } from 'vitest';
import rule from '../../../scanners/rules/third-party/request.ts';
import { observe, testConfig, testRule } from '../support.ts';

describe('third-party/request', () => {
  testRule(rule, {
    valid: [
      { name: "the site's own host", observations: [observe.request({ url: 'https://www.example.ca/app.js' })] },
      {
        name: 'another first-party subdomain',
        observations: [observe.request({ url: 'https://cdn.example.ca/app.js' })],
      },
      {
        name: 'a host in allowHosts',
        observations: [observe.request({ type: 'style', url: 'https://fonts.bunny.net/css' })],
      },
      {
        name: 'a subdomain matched by a "*." pattern',
        config: testConfig({ allowHosts: ['*.bunnycdn.test'] }),
        observations: [observe.request({ url: 'https://a.bunnycdn.test/x.js' })],
      },
      {
        name: 'the configured Bunny player',
        observations: [observe.request({ type: 'frame', url: 'https://player.mediadelivery.net/embed/123456/abc' })],
      },
      {
        name: 'the legacy Bunny player host',
        observations: [observe.request({ type: 'frame', url: 'https://iframe.mediadelivery.net/play/123456/abc' })],
      },
      {
        name: "Google's Hosted Libraries once allowed: a CDN, not a tracker",
        config: testConfig({ allowHosts: ['ajax.googleapis.com'] }),
        observations: [observe.request({ url: 'https://ajax.googleapis.com/ajax/libs/jquery/3.7.1/jquery.min.js' })],
      },
      {
        name: 'a tracker third-party-web files as a utility (Cookiebot: trackers/known-tracker reports it)',
        observations: [observe.request({ url: 'https://consent.cookiebot.com/uc.js' })],
      },
      {
        name: 'a known tracker (reported by trackers/known-tracker)',
        observations: [observe.request({ url: 'https://www.google-analytics.com/analytics.js' })],
      },
      { name: 'data: URLs', observations: [observe.request({ type: 'image', url: 'data:image/gif;base64,R0lG' })] },
      {
        name: "a documentation URL in a library's error message",
        observations: [observe.request({ type: 'literal', source: 'js', url: 'https://react.dev/errors/418' })],
      },
      {
        name: 'the error decoders of MUI and Redux',
        observations: [
          'https://mui.com/production-error/?code=',
          'https://redux.js.org/Errors?code=',
          'https://redux-toolkit.js.org/Errors?code=',
        ].map((url) => observe.request({ type: 'literal', source: 'js', url })),
      },
      {
        name: "literals on hosts that are no one's: dummy bases, feature tests, placeholders, private addresses",
        observations: [
          'http://n/',
          'https://a/c%20d',
          'https://xn--e1aybc/',
          'http://localhost:3000/',
          'http://app.localhost/',
          'https://x.invalid/',
          'http://127.0.0.1:8080/',
          'http://192.168.1.1/',
          'http://[::1]/',
          'stun:10.0.0.2:3478',
        ].map((url) =>
          observe.request({ type: 'literal', source: 'js', url, ...(url.startsWith('stun:') && { host: '10.0.0.2' }) }),
        ),
      },
    ],
    invalid: [
      {
        name: 'a script from an unlisted host',
        observations: [observe.request({ url: 'https://cdn.unknown-vendor.test/x.js', line: 4, column: 9 })],
        errors: [{ messageId: 'request', line: 4, column: 9 }],
      },
      {
        name: 'a CDN by the name third-party-web knows it by',
        observations: [observe.request({ url: 'https://cdn.jsdelivr.net/npm/x.js' })],
        errors: [{ messageId: 'request', vendor: 'JSDelivr CDN' }],
      },
      {
        name: "Google's Hosted Libraries not yet allowed, under its own name",
        observations: [observe.request({ url: 'https://ajax.googleapis.com/ajax/libs/jquery/3.7.1/jquery.min.js' })],
        errors: [{ messageId: 'request', vendor: 'Google Hosted Libraries' }],
      },
      {
        name: 'a Bunny player of another library',
        observations: [observe.request({ type: 'frame', url: 'https://player.mediadelivery.net/embed/999/abc' })],
        errors: [{ messageId: 'request' }],
      },
      {
        name: 'the Bunny player when no library is configured',
        config: testConfig({ bunny: undefined }),
        observations: [observe.request({ type: 'frame', url: 'https://player.mediadelivery.net/embed/123456/abc' })],
        errors: [{ messageId: 'request' }],
      },
      {
        name: 'a URL literal in a script with its own message',
        observations: [observe.request({ type: 'literal', source: 'js', url: 'https://api.unknown-vendor.test/v1' })],
        errors: [{ messageId: 'literal' }],
      },
      {
        name: 'a literal on a public IP address, a lookalike of a reserved name, or a documentation domain that resolves',
        observations: [
          'http://8.8.4.4/',
          'https://example.com.evil.test/',
          'https://notexample.com/',
          'http://172.32.0.1/',
          'https://collect.example.com/hit',
          'https://example.org/',
        ].map((url) => observe.request({ type: 'literal', source: 'js', url })),
        errors: Array.from({ length: 6 }, () => ({ messageId: 'literal' })),
      },
      {
        name: "a real request to a development server, as one on the visitor's own device",
        observations: [
          observe.request({ url: 'http://localhost:3000/app.js' }),
          observe.request({ type: 'image', url: 'http://10.1.2.3/x.png' }),
          observe.request({ url: 'https://cdn.example.com/app.js' }),
        ],
        errors: [{ messageId: 'localHost' }, { messageId: 'localHost' }, { messageId: 'request' }],
      },
      {
        name: 'a real fetch of a documentation host',
        observations: [observe.request({ type: 'fetch', source: 'js', url: 'https://github.com/api/x' })],
        errors: [{ messageId: 'request' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        {
          name: 'same-site assets, relative and absolute',
          html: '<img src="/a.png"><script src="https://www.example.ca/app.js"></script>',
        },
        {
          name: 'canonical, og:image and JSON-LD, which browsers do not fetch',
          html: '<link rel="canonical" href="https://mirror.other.test/">\n<meta property="og:image" content="https://img.other.test/a.png">\n<script type="application/ld+json">{"logo":"https://img.other.test/l.png"}</script>',
        },
        {
          name: 'an escaped code sample in <pre>',
          html: '<pre><code>&lt;script src="https://cdn.other.test/x.js"&gt;&lt;/script&gt;</code></pre>',
        },
        { name: 'links, which the visitor chooses to follow', html: '<a href="https://other.example.org/">x</a>' },
        {
          name: 'a stylesheet from an allowed host',
          html: '<link rel="stylesheet" href="https://fonts.bunny.net/css?family=inter">',
        },
        {
          name: 'the configured Bunny player',
          html: '<iframe src="https://player.mediadelivery.net/embed/123456/abc" loading="lazy" title="t"></iframe>',
        },
        { name: 'a data: image', html: '<img src="data:image/gif;base64,R0lGODlh">' },
        {
          name: 'URLs a bundled library only mentions: error messages, attributions, placeholders',
          html: `<script>function err(c){return "Minified Redux error #"+c+"; visit https://redux.js.org/Errors?code="+c+" for the full message"}
var prefix = '<a href="https://leafletjs.com" title="Leaflet">Leaflet</a>'; var hint = "e.g. https://your-site.com";</script>`,
        },
        {
          name: 'links rendered by script: JSX props, site config, anchors',
          html: `<script>jsx("a", { href: "https://x.com/docusaurus", children: "X" }); var links = [{ label: "Discord", href: "https://discord.gg/docusaurus" }];
var a = document.createElement("a"); a.href = "https://mastodon.social/@acme";</script>`,
        },
        {
          name: 'site data parsed from JSON',
          html: '<script>window.__VP_SITE_DATA__=JSON.parse("{\\"editLink\\":{\\"pattern\\":\\"https://github.com/o/docs/edit/main/:path\\"},\\"socialLinks\\":[{\\"link\\":\\"https://discord.gg/curvy\\"}]}")</script>',
        },
        {
          name: 'dummy bases and feature tests',
          html: '<script>var u = new URL(path, typeof window > "u" ? "http://n" : location.origin); var ok = new URL("https://a@b").username === "a" && new URL("https://тест").host === "xn--e1aybc";</script>',
        },
      ],
      invalid: [
        {
          name: 'a third-party script',
          html: '<p>x</p>\n  <script src="https://cdn.other.test/x.js"></script>',
          errors: [{ messageId: 'request', line: 2, column: 3 }],
        },
        {
          name: 'an entity-encoded URL',
          html: '<img src="https&#58;//img.other.test/a.png">',
          errors: [{ messageId: 'request' }],
        },
        {
          name: 'a scheme-relative URL',
          html: '<img src="//img.other.test/a.png">',
          errors: [{ messageId: 'request' }],
        },
        {
          name: 'uppercase markup',
          html: '<IMG SRC="HTTPS://IMG.OTHER.TEST/A.PNG">',
          errors: [{ messageId: 'request' }],
        },
        {
          name: 'a relative URL under a third-party <base href>',
          html: '<base href="https://cdn.other.test/">\n<img src="a.png">',
          errors: [{ messageId: 'request', line: 2 }],
        },
        {
          name: 'each third-party candidate of a srcset',
          html: '<img srcset="/a.png 1x, https://img.other.test/a2.png 2x">',
          errors: [{ messageId: 'request' }],
        },
        {
          name: 'an image inside <noscript>',
          html: '<noscript><img src="https://pixel.other.test/p.gif"></noscript>',
          errors: [{ messageId: 'request', column: 11 }],
        },
        {
          name: 'a request inside an iframe srcdoc',
          html: '<iframe srcdoc="&lt;img src=&quot;https://img.other.test/a.png&quot;&gt;"></iframe>',
          errors: [{ messageId: 'request' }],
        },
        {
          name: 'CSS url() and @import in <style> and style=""',
          html: '<style>@import "https://css.other.test/a.css";\n  body { background: url(//img.other.test/b.png) }</style>\n<div style="background-image: url(&quot;https://img.other.test/c.png&quot;)"></div>',
          errors: [
            { messageId: 'request', line: 1, column: 8 },
            { messageId: 'request', line: 2, column: 22 },
            { messageId: 'request', line: 3, column: 31 },
          ],
        },
        {
          name: 'a fetch() in an inline script',
          html: '<script>\n  fetch("https://api.other.test/v1");\n</script>',
          errors: [{ messageId: 'request', line: 2, column: 3 }],
        },
        {
          name: 'a URL literal in a script',
          html: '<script>const endpoint = "https://api.other.test/v1";</script>',
          errors: [{ messageId: 'literal', column: 26 }],
        },
        {
          name: 'a preconnect hint',
          html: '<link rel="preconnect" href="https://api.other.test">',
          errors: [{ messageId: 'request' }],
        },
        {
          name: 'a script from a development server left in the build',
          html: '<script src="http://localhost:3000/x.js"></script>',
          errors: [{ messageId: 'localHost' }],
        },
        {
          name: 'markup a script writes',
          html: "<script>document.write('<img src=\"https://px.other.test/p.gif?id=' + id + '\">')</script>",
          errors: [{ messageId: 'literal', column: 24 }],
        },
        {
          name: 'a stylesheet link a script creates',
          html: '<script>var l = document.createElement("link"); l.rel = "stylesheet";\nl.href = "https://css.other.test/a.css"; document.head.appendChild(l);</script>',
          errors: [{ messageId: 'request', line: 2, column: 1 }],
        },
      ],
    });
  });
});
