import { describe, expect, it } from 'vitest';
import { compareFindings } from '../../scanners/engine.ts';
import { scanFile } from '../../scanners/scan.ts';
import { testConfig } from '../rules/support.ts';

const config = testConfig();

/** Each finding as `line ruleId` plus `(reason)` when suppressed. */
function scan(html: string, file = 'index.html'): string[] {
  return scanFile(file, new TextEncoder().encode(html), config)
    .sort(compareFindings)
    .map(
      (finding) => `${finding.line} ${finding.ruleId}${finding.suppressed ? ` (${finding.suppressed.reason})` : ''}`,
    );
}

const youtube = '<iframe src="https://www.youtube.com/embed/abc" title="Tour"></iframe>';
const pixel = (host: string) => `<img src="https://${host}/p.gif" alt="">`;

describe('HTML suppressions', () => {
  it('a comment covers the next element and everything inside it, with its reason', () => {
    const html = [
      '<!-- nospy-ignore embeds, trackers -- the client mandates this booking widget -->',
      '<div class="widget">',
      `  ${youtube}`,
      '</div>',
      youtube,
    ].join('\n');
    expect(scan(html)).toEqual([
      '3 embeds/third-party-player (the client mandates this booking widget)',
      '5 embeds/third-party-player',
    ]);
  });

  it('data-nospy-ignore covers its element and subtree, by rule id', () => {
    const html = [
      '<p data-nospy-ignore="third-party/request -- partner logo, contract 2026-04">',
      `  ${pixel('cdn.partner.example')}`,
      '</p>',
      pixel('cdn.partner.example'),
    ].join('\n');
    expect(scan(html)).toEqual(['2 third-party/request (partner logo, contract 2026-04)', '4 third-party/request']);
  });

  it('covers inline scripts: a comment before <script>, and next-line comments inside it', () => {
    const html = [
      '<!-- nospy-ignore trackers -- analytics the client signed off -->',
      '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
      '<script>',
      '  // nospy-ignore-next-line trackers/tracking-snippet -- same sign-off',
      "  gtag('config', 'G-1');",
      "  gtag('event', 'x');",
      '</script>',
    ].join('\n');
    expect(scan(html)).toEqual([
      '2 trackers/known-tracker (analytics the client signed off)',
      '5 trackers/tracking-snippet (same sign-off)',
      '6 trackers/tracking-snippet',
    ]);
  });

  it('covers a <noscript> fallback and the markup inside it', () => {
    const html = [
      '<!-- nospy-ignore trackers -- GTM container, removed in Q3 -->',
      '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-1" title="gtm"></iframe></noscript>',
    ].join('\n');
    expect(scan(html)).toEqual(['2 trackers/known-tracker (GTM container, removed in Q3)']);
  });

  it('a suppression without a reason applies and warns; one that covers nothing warns', () => {
    const html = [
      '<!-- nospy-ignore third-party -->',
      pixel('a.evil.test'),
      `<div data-nospy-ignore="forms -- stale">${pixel('b.evil.test')}</div>`,
    ].join('\n');
    expect(scan(html)).toEqual([
      '1 suppressions/no-reason',
      '2 third-party/request ()',
      '3 suppressions/unused',
      '3 third-party/request',
    ]);
  });

  it('works in SVG documents', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg">\n<!-- nospy-ignore third-party -- licensed -->\n<image href="https://a.evil.test/i.png"/>\n</svg>';
    expect(scan(svg, 'logo.svg')).toEqual(['3 third-party/request (licensed)']);
  });
});

describe('look-alikes that suppress nothing', () => {
  it.each([
    [
      'a comment before an end tag',
      `<div>${pixel('a.evil.test')}<!-- nospy-ignore third-party -- x --></div>\n${pixel('a.evil.test')}`,
    ],
    [
      'text between the comment and the element',
      `<!-- nospy-ignore third-party -- x --> Partner:\n${pixel('a.evil.test')}`,
    ],
    ['the element after the next one', `<!-- nospy-ignore third-party -- x --><br>\n${pixel('a.evil.test')}`],
    ['an escaped comment in <pre>', `<pre>&lt;!-- nospy-ignore third-party -- x --&gt;</pre>${pixel('a.evil.test')}`],
    [
      'a comment look-alike in <textarea>',
      `<textarea><!-- nospy-ignore third-party -- x --></textarea>${pixel('a.evil.test')}`,
    ],
    [
      'a comment inside a script',
      `<script>/* <!-- nospy-ignore third-party -- x --> */</script>${pixel('a.evil.test')}`,
    ],
    ['a longer keyword', `<!-- nospy-ignored third-party -- x -->${pixel('a.evil.test')}`],
    ['the JS keyword in HTML', `<!-- nospy-ignore-next-line third-party -- x -->\n${pixel('a.evil.test')}`],
    ['another attribute', `<p data-nospy-ignored="third-party -- x">${pixel('a.evil.test')}</p>`],
    ['a sibling with the attribute', `<p data-nospy-ignore="third-party -- x"></p>${pixel('a.evil.test')}`],
    ['another rule', `<!-- nospy-ignore third-party/requests, trackers -- x -->${pixel('a.evil.test')}`],
  ])('%s', (_name, html) => {
    const requests = scan(html).filter((line) => line.includes('third-party/request'));
    expect(requests.length).toBeGreaterThan(0);
    for (const line of requests) expect(line).toMatch(/^\d+ third-party\/request$/);
  });
});
