import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherRedirects } from '../../../scanners/gather/site-files/redirects.ts';
import metaRefresh from '../../../scanners/rules/external-links/meta-refresh.ts';
import rule from '../../../scanners/rules/external-links/redirect.ts';
import unmarked from '../../../scanners/rules/external-links/unmarked.ts';
import { scanFile } from '../../../scanners/scan.ts';
import { check, observe, testConfig, testRule } from '../support.ts';

const config = testConfig();
const redirects = (text: string) => gatherRedirects(text, '_redirects', 'https://www.example.ca');

describe('external-links/redirect', () => {
  testRule(rule, {
    valid: [
      { name: 'a redirect to a page of the site', observations: redirects('/old /new/ 301') },
      { name: 'a redirect to another first-party host', observations: redirects('/shop https://example.ca/shop/ 301') },
      {
        name: 'a proxy to another site (status 200: the host fetches it)',
        observations: redirects('/api/* https://api.other.example.org/:splat 200'),
      },
      {
        name: 'links and refreshes (other rules)',
        observations: [
          observe.navigation({ url: 'https://other.example.org/' }),
          observe.navigation({ via: 'refresh', url: 'https://other.example.org/' }),
        ],
      },
      {
        name: 'a redirect to a subdomain of the site a placeholder names',
        observations: redirects('/:lang/* https://:lang.example.ca/:splat 302'),
      },
      {
        name: 'a redirect to a URL without a host',
        observations: [observe.navigation({ via: 'redirect', source: 'redirects', url: 'data:text/plain,x' })],
      },
    ],
    invalid: [
      {
        name: 'a redirect to another site',
        observations: redirects('/old  https://other.example.org/new  301'),
        errors: [{ messageId: 'redirect', line: 1, column: 7 }],
      },
      {
        name: 'a scheme-relative redirect without a status',
        observations: redirects('# moved\n/donate //give.example.org/'),
        errors: [{ messageId: 'redirect', line: 2, column: 9 }],
      },
      {
        name: 'a host a placeholder fills in, which a crafted link sets to any site',
        observations: redirects('/out/:host/* https://:host/:splat 302'),
        errors: [{ messageId: 'anyHost', line: 1, column: 14 }],
      },
      {
        name: 'a wildcard host',
        observations: redirects('/x/* https://*/:splat'),
        errors: [{ messageId: 'anyHost', column: 6 }],
      },
      {
        name: 'a placeholder subdomain of another site',
        observations: redirects('/shops/:shop //:shop.partner.test/ 301'),
        errors: [{ messageId: 'anyHost', column: 14 }],
      },
      {
        name: "a placeholder ending the site's own domain name",
        observations: redirects('/to/:tld https://www.example.:tld/ 301'),
        errors: [{ messageId: 'anyHost', column: 10 }],
      },
      {
        name: 'an allowed third party (allowHosts covers requests, not where visitors are sent)',
        observations: redirects('/fonts https://fonts.bunny.net/ 302'),
        errors: [{ messageId: 'redirect', column: 8 }],
      },
    ],
  });

  it('names the host and the source path of the rule', () => {
    const [navigation] = redirects('/spring-sale   https://shop.partner.test/sale   302!  Country=ca');
    expect(rule.check(navigation!, config)).toEqual({
      messageId: 'redirect',
      data: { host: 'shop.partner.test', path: '/spring-sale' },
    });
  });

  it('shows a placeholder host as written', () => {
    const [navigation] = redirects('/out/:host/* https://:host/:splat 302');
    expect(rule.check(navigation!, config)).toEqual({
      messageId: 'anyHost',
      data: { host: ':host', path: '/out/:host/*' },
    });
  });

  it('is the only rule that reports a redirect off the site: meta-refresh and unmarked leave it alone', () => {
    const observations = redirects('/old https://other.example.org/ 301');
    expect(check(metaRefresh, observations)).toEqual([]);
    expect(check(unmarked, observations)).toEqual([]);
    expect(check(unmarked, observations, testConfig({ externalLinks: { mode: 'interstitial' } }))).toEqual([]);
  });

  describe('whole _redirects files, through the scanner and every rule', () => {
    const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'redirect', name, '_redirects'));
    /** `line ruleId` of every finding, and the lines ending in `# expect: <rule>`. */
    const reported = (bytes: Uint8Array) =>
      scanFile('_redirects', bytes, config).map((finding) => `${finding.line} ${finding.ruleId}`);
    const marked = (bytes: Uint8Array) =>
      new TextDecoder()
        .decode(bytes)
        .split('\n')
        .flatMap(
          (line, index) =>
            /# expect: ([a-z-]+\/[a-z-]+)/
              .exec(line)
              ?.slice(1)
              .map((id) => `${index + 1} ${id}`) ?? [],
        );

    it('bad/_redirects: reports exactly the marked lines, once each', () => {
      const bytes = fixture('bad');
      expect(marked(bytes).length).toBeGreaterThan(0);
      expect(reported(bytes)).toEqual(marked(bytes));
    });

    it('good/_redirects: reports nothing', () => {
      expect(reported(fixture('good'))).toEqual([]);
    });
  });
});
