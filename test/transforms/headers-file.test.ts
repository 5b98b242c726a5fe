import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gatherHeaders } from '../../scanners/gather/site-files/headers.ts';
import {
  addPageHashes,
  contentSecurityPolicy,
  createInlineHashes,
  cspHash,
  headersBlock,
  immutableCaching,
  mergeHeadersFile,
  readUserHeaders,
  securityHeaders,
  writeHeadersFile,
  type InlineHashes,
} from '../../scanners/transforms/headers-file.ts';
import { readPageTags } from '../../scanners/transforms/page-tags.ts';
import { testConfig } from './support.ts';

function hashesOf(...pages: string[]): InlineHashes {
  const hashes = createInlineHashes();
  for (const page of pages) addPageHashes(hashes, readPageTags(page));
  return hashes;
}

/** The CSP's directives by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split('; ').map((part) => {
      const [name, ...values] = part.split(' ');
      return [name, values];
    }),
  );
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('contentSecurityPolicy', () => {
  it('limits a site with no inline code and no allowed hosts to itself', () => {
    const csp = directives(
      contentSecurityPolicy(testConfig({ firstPartyHosts: [], origin: undefined }), createInlineHashes()),
    );
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'media-src': ["'self'"],
      'frame-src': ["'none'"],
      'form-action': ["'self'"],
      'base-uri': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'self'"],
      'upgrade-insecure-requests': [],
    });
  });

  it('allows the configured hosts, the origin for forms and the Bunny libraries for frames', () => {
    const config = testConfig({
      allowHosts: ['fonts.bunny.net', '*.cdn.other.org'],
      bunny: { libraryIds: ['123456'] },
    });
    const csp = directives(contentSecurityPolicy(config, createInlineHashes()));
    const hosts = ['https://example.ca', 'https://fonts.bunny.net', 'https://*.cdn.other.org'];
    for (const name of ['script-src', 'style-src', 'font-src', 'connect-src', 'media-src']) {
      expect(csp.get(name)).toEqual(["'self'", ...hosts]);
    }
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', ...hosts]);
    expect(csp.get('form-action')).toEqual(["'self'", 'https://origin.example.ca']);
    expect(csp.get('frame-src')).toEqual([
      'https://player.mediadelivery.net/embed/123456/',
      'https://player.mediadelivery.net/play/123456/',
      'https://iframe.mediadelivery.net/embed/123456/',
      'https://iframe.mediadelivery.net/play/123456/',
    ]);
  });

  it('allows no frames when bunny names no library', () => {
    const csp = directives(contentSecurityPolicy(testConfig({ bunny: { libraryIds: [] } }), createInlineHashes()));
    expect(csp.get('frame-src')).toEqual(["'none'"]);
  });

  it('hashes every inline script a browser runs, and no JSON or external script', () => {
    const hashes = hashesOf(
      '<script>console.log(1)</script><script type="module">import "/a.js"</script>',
      '<script>console.log(1)</script><script type="application/ld+json">{}</script><script src="/x.js">ignored</script>',
    );
    const csp = directives(contentSecurityPolicy(testConfig(), hashes));
    expect(csp.get('script-src')).toEqual([
      "'self'",
      'https://example.ca',
      ...[sha256('console.log(1)'), sha256('import "/a.js"')].sort(),
    ]);
  });

  it('hashes script text as the browser sees it: raw, with CR LF turned into LF', () => {
    const hashes = hashesOf('<SCRIPT>if (a &amp;&amp; b)\r\n  go()</SCRIPT>');
    expect([...hashes.scripts]).toEqual([sha256('if (a &amp;&amp; b)\n  go()')]);
  });

  it('hashes <style> blocks, and style attributes (decoded) behind unsafe-hashes', () => {
    const hashes = hashesOf('<style>p{color:red}</style><p style="font-family:&quot;A&quot;">x</p>');
    const csp = directives(contentSecurityPolicy(testConfig({ firstPartyHosts: [] }), hashes));
    expect(csp.get('style-src')).toEqual([
      "'self'",
      sha256('p{color:red}'),
      "'unsafe-hashes'",
      sha256('font-family:"A"'),
    ]);
  });

  it('computes the same hash as cspHash for non-ASCII text (UTF-8)', () => {
    expect(cspHash('é → ↗')).toBe(sha256('é → ↗'));
  });
});

describe('headersBlock', () => {
  const block = headersBlock(securityHeaders(testConfig(), createInlineHashes()));

  it('applies to every path and sets the privacy headers', () => {
    const lines = block.split('\n');
    expect(lines[0]).toMatch(/^# nospy:start/);
    expect(lines[1]).toBe('/*');
    expect(block).toContain("\n  Content-Security-Policy: default-src 'self'; ");
    expect(block).toContain('\n  Referrer-Policy: strict-origin-when-cross-origin\n');
    expect(block).toContain('\n  X-Content-Type-Options: nosniff\n');
    expect(block).toContain('\n  Strict-Transport-Security: max-age=31536000\n');
    expect(block).toContain('\n  Cross-Origin-Opener-Policy: same-origin\n');
    expect(block.endsWith('# nospy:end\n')).toBe(true);
  });

  it('denies camera, microphone, geolocation, payment, usb and ad-tech features', () => {
    const policy = /Permissions-Policy: (.*)/.exec(block)![1];
    for (const feature of [
      'camera',
      'microphone',
      'geolocation',
      'payment',
      'usb',
      'interest-cohort',
      'browsing-topics',
    ]) {
      expect(policy).toContain(`${feature}=()`);
    }
  });

  it('names no feature Chromium no longer knows, which it would warn about in the console of every page', () => {
    const policy = /Permissions-Policy: (.*)/.exec(block)![1];
    for (const retired of ['attribution-reporting', 'run-ad-auction', 'join-ad-interest-group', 'shared-storage']) {
      expect(policy).not.toContain(`${retired}=`);
    }
  });

  it('caches content-hashed folders for a year', () => {
    const cached = headersBlock([['X-Test', '1']], new Set(), ['/_astro/*']);
    expect(cached).toContain('\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n# nospy:end\n');
  });

  it('never sets a cookie', () => {
    expect(block.toLowerCase()).not.toContain('set-cookie');
  });

  it('leaves out the headers the site sets itself, naming them in a comment', () => {
    const headers: [string, string][] = [
      ['Content-Security-Policy', 'x'],
      ['Referrer-Policy', 'y'],
      ['X-Frame-Options', 'z'],
    ];
    expect(headersBlock(headers, new Set(['content-security-policy', 'x-frame-options']))).toBe(
      [
        '# nospy:start (written by nospy from nospy.config.json on every build; edit the config, not this block)',
        "# Content-Security-Policy, X-Frame-Options: set by this file's own /* rule, which nospy leaves as written",
        '/*',
        '  Referrer-Policy: y',
        '# nospy:end',
        '',
      ].join('\n'),
    );
  });
});

describe('mergeHeadersFile', () => {
  const block = '# nospy:start (generated)\n/*\n  X-Test: 1\n# nospy:end\n';

  it('writes only the block when there is no _headers yet', () => {
    expect(mergeHeadersFile(undefined, block)).toBe(block);
  });

  it("keeps the user's lines and appends the block after them", () => {
    const user = '/fonts/*\n  Cache-Control: max-age=31536000';
    expect(mergeHeadersFile(user, block)).toBe(`${user}\n\n${block}`);
  });

  it('replaces a previous block in place, so a second run changes nothing', () => {
    const user = '/a\n  X-A: 1\n';
    const once = mergeHeadersFile(user, block);
    expect(mergeHeadersFile(once, block)).toBe(once);
    const newer = block.replace('X-Test: 1', 'X-Test: 2');
    expect(mergeHeadersFile(`${once}/b\n  X-B: 1\n`, newer)).toBe(`${user}\n${newer}/b\n  X-B: 1\n`);
  });
});

describe('writeHeadersFile', () => {
  const headers = securityHeaders(testConfig(), createInlineHashes());
  const write = (existing: string | undefined) => writeHeadersFile(readUserHeaders(existing), headers);
  /** Each header name set for every path, once per rule line. */
  const siteWide = (text: string) =>
    gatherHeaders(text, '_headers')
      .filter((header) => header.pattern === '/*')
      .map((header) => header.name);

  it("caches hashed folders for a year unless the site's own lines set their caching", () => {
    const ours = writeHeadersFile(readUserHeaders(undefined), headers, ['/_astro/*']).text;
    expect(gatherHeaders(ours, '_headers')).toContainEqual(
      expect.objectContaining({ pattern: '/_astro/*', name: 'cache-control', value: immutableCaching }),
    );
    const theirs = writeHeadersFile(readUserHeaders('/_astro/*\n  Cache-Control: no-cache\n'), headers, [
      '/_astro/*',
    ]).text;
    expect(theirs.match(/Cache-Control/g)).toHaveLength(1);
  });

  it('keeps the CSP and HSTS the site sets for /* and adds only the headers it does not set', () => {
    const user =
      "/*\n  content-security-policy: default-src 'none'\n  Strict-Transport-Security: max-age=63072000; includeSubDomains; preload\n";
    const { text, warnings } = write(user);
    expect(text.startsWith(user)).toBe(true);
    const names = siteWide(text);
    expect(names).toEqual([
      'content-security-policy',
      'strict-transport-security',
      'referrer-policy',
      'permissions-policy',
      'x-content-type-options',
      'cross-origin-opener-policy',
    ]);
    expect(text).toContain("# Content-Security-Policy, Strict-Transport-Security: set by this file's own /* rule");
    expect(warnings).toEqual([]);
    expect(write(text).text).toBe(text);
  });

  it('reads a user rule written with CR LF line ends', () => {
    const { text } = write('/*\r\n  Referrer-Policy: no-referrer\r\n');
    expect(siteWide(text).filter((name) => name === 'referrer-policy')).toHaveLength(1);
  });

  it('reads a user rule written without indentation, as Cloudflare does, so its header is not sent twice', () => {
    const { text } = write('/*\nReferrer-Policy: no-referrer\n');
    expect(text).toContain("# Referrer-Policy: set by this file's own /* rule");
    expect(text).not.toContain('strict-origin-when-cross-origin');
  });

  it('adds the whole block next to rules for other paths that set other headers', () => {
    const user =
      '/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n\n/fonts/*\n  Access-Control-Allow-Origin: *\n';
    const { text, warnings } = write(user);
    expect(text).toBe(`${user}\n${headersBlock(headers)}`);
    expect(warnings).toEqual([]);
    expect(write(text).text).toBe(text);
  });

  it('replaces the block of a previous nospy run, which may predate the site setting its own CSP', () => {
    const previous = `/a\n  X-A: 1\n\n${headersBlock(headers)}`;
    expect(write(previous).text).toBe(previous);
    expect(write(headersBlock(headers)).text).toBe(headersBlock(headers));

    // The user added their own CSP above nospy's block, and more rules below it, since the last run.
    const edited = `/*\n  Content-Security-Policy: default-src 'self'\n\n${headersBlock(headers)}/b\n  X-B: 1\n`;
    const { text } = write(edited);
    expect(text).toBe(
      `/*\n  Content-Security-Policy: default-src 'self'\n\n${headersBlock(headers, new Set(['content-security-policy']))}/b\n  X-B: 1\n`,
    );
    expect(siteWide(text).filter((name) => name === 'content-security-policy')).toHaveLength(1);
    expect(write(text).text).toBe(text);
  });

  it('writes only the markers when the site sets every header itself', () => {
    const user = `/*\n${headers.map(([name]) => `  ${name}: mine`).join('\n')}\n`;
    const { text } = write(user);
    const block = text.slice(user.length);
    expect(block).toMatch(/^\n# nospy:start .*\n# Content-Security-Policy, Referrer-Policy, .*\n# nospy:end\n$/);
    expect(siteWide(text)).toHaveLength(headers.length);
    expect(write(text).text).toBe(text);
  });

  it('warns when a rule for other paths sets a header the /* block sets too', () => {
    const user =
      '/embed/*\n  Content-Security-Policy: frame-ancestors https://partner.example\n  X-Robots-Tag: noindex\n';
    const { text, warnings } = write(user);
    expect(text).toBe(`${user}\n${headersBlock(headers)}`);
    expect(warnings).toEqual([
      expect.stringMatching(/^_headers: \/embed\/\* sets Content-Security-Policy, and so does nospy's \/\* block/),
    ]);
  });
});
