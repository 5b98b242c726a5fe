import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../scanners/config/load.ts';
import { ConfigError } from '../../scanners/errors.ts';
import { ruleIds } from '../../scanners/rules/index.ts';

const site = 'https://www.example.ca';

function configError(input: unknown): string {
  try {
    resolveConfig(input, 'nospy.config.json', ruleIds);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig', () => {
  it.each([
    [{}, 'nospy.config.json: site: required key is missing'],
    [{ site: 'www.example.ca' }, 'nospy.config.json: site: expected an absolute URL'],
    [{ site: 'ftp://example.ca' }, 'nospy.config.json: site: expected an http(s) URL'],
    [{ site, bogus: 1 }, 'nospy.config.json: bogus: unknown key'],
    [{ site, bunny: { libraryIds: ['1'], extra: true } }, 'nospy.config.json: bunny.extra: unknown key'],
    [
      { site, bunny: { libraryIds: ['abc'] } },
      'nospy.config.json: bunny.libraryIds.0: expected a numeric library id as a string',
    ],
    [{ site, origin: 'http://origin.example.ca' }, 'nospy.config.json: origin: expected an https URL'],
    [
      { site, allowHosts: ['https://cdn.example.com/'] },
      'nospy.config.json: allowHosts.0: expected a host name such as "cdn.example.com" or "*.example.com"',
    ],
    [
      { site, externalLinks: { mode: 'popup' } },
      'nospy.config.json: externalLinks.mode: expected "inline" or "interstitial"',
    ],
    [
      { site, externalLinks: { leavingPage: 'leaving' } },
      'nospy.config.json: externalLinks.leavingPage: expected a path starting with "/"',
    ],
    [
      { site, rules: { 'cookies/storage': 'warn' } },
      'nospy.config.json: rules.cookies/storage: expected "error", "warning" or "off" (did you mean "warning"?)',
    ],
    [{ site, ignores: [] }, 'nospy.config.json: ignores: unknown key (did you mean "ignore"?)'],
    [
      { site, rules: { 'cookies/storag': 'off' } },
      'nospy.config.json: rules.cookies/storag: unknown rule id (did you mean "cookies/storage"?)',
    ],
    [
      { site, suppress: [{ rule: 'third-party/request' }] },
      'nospy.config.json: suppress.0.reason: required key is missing',
    ],
    [
      { site, suppress: [{ rule: 'third-party', reason: '  ' }] },
      'nospy.config.json: suppress.0.reason: expected a reason: why this exception is acceptable',
    ],
    [
      { site, suppress: [{ rule: 'thirdparty', reason: 'partner' }] },
      'nospy.config.json: suppress.0.rule: unknown rule id or category "thirdparty" (did you mean "third-party"?)',
    ],
    [
      { site, suppress: [{ rule: 'third-party', hots: 'a.example', reason: 'partner' }] },
      'nospy.config.json: suppress.0.hots: unknown key (did you mean "host"?)',
    ],
    [
      { site, policyPage: 'privacy' },
      'nospy.config.json: policyPage: expected a path starting with "/" or an http(s) URL',
    ],
    [{ site, rules: { 'cookies/nope': 'off' } }, 'nospy.config.json: rules.cookies/nope: unknown rule id'],
  ])('rejects %j naming the key', (input, message) => {
    expect(configError(input)).toBe(message);
  });

  it('names every problem at once, in one line', () => {
    expect(configError({ site, ignores: [], externalLinks: { mode: 'popup' }, rules: { x: 'warn' } })).toBe(
      'nospy.config.json: externalLinks.mode: expected "inline" or "interstitial"; rules.x: expected "error", "warning" or "off" (did you mean "warning"?); ignores: unknown key (did you mean "ignore"?)',
    );
  });

  it('fills in the documented defaults', () => {
    const config = resolveConfig({ site }, 'nospy.config.json', ruleIds);
    expect(config).toMatchObject({
      firstPartyHosts: [],
      allowHosts: [],
      ignore: [],
      rules: {},
      externalLinks: { mode: 'inline', leavingPage: '/leaving/' },
      suppress: [],
      policyPage: '/privacy/',
    });
    expect(config.origin).toBeUndefined();
  });

  it('classifies hosts: the site, its registrable domain, firstPartyHosts and allowHosts patterns', () => {
    const { hosts } = resolveConfig(
      { site, firstPartyHosts: ['client-cdn.net'], allowHosts: ['*.bunny.net', 'maps.example.org'] },
      'c',
      ruleIds,
    );
    expect(['www.example.ca', 'example.ca', 'origin.example.ca', 'client-cdn.net'].map(hosts.isFirstParty)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['example.ca.evil.com', 'evilexample.ca', 'cdn.client-cdn.net'].map(hosts.isFirstParty)).toEqual([
      false,
      false,
      false,
    ]);
    expect(['fonts.bunny.net', 'maps.example.org'].map(hosts.isAllowed)).toEqual([true, true]);
    expect(['bunny.net', 'evil-bunny.net', 'a.maps.example.org'].map(hosts.isAllowed)).toEqual([false, false, false]);
  });

  it.each([
    ['https://acme.github.io/site/', 'www.acme.github.io', 'someone-else.github.io'],
    ['https://acme.pages.dev', 'preview.acme.pages.dev', 'attacker.pages.dev'],
    ['https://acme.netlify.app', 'acme.netlify.app', 'other.netlify.app'],
  ])('on the shared host of %s, other tenants are third parties', (shared, own, tenant) => {
    const { hosts } = resolveConfig({ site: shared }, 'c', ruleIds);
    expect(hosts.isFirstParty(own)).toBe(true);
    expect(hosts.isFirstParty(tenant)).toBe(false);
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nospy-config-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('reads JSON with comments and trailing commas', () => {
    const file = write(
      'ok.json',
      `{\n  // the CDN URL\n  "site": "${site}", /* block */\n  "allowHosts": ["fonts.bunny.net",],\n}\n`,
    );
    expect(loadConfig(file, ruleIds).allowHosts).toEqual(['fonts.bunny.net']);
  });

  it('names the file, line and column of a syntax error', () => {
    const file = write('broken.json', `{\n  "site": "${site}"\n  "origin": "https://origin.example.ca"\n}`);
    expect(() => loadConfig(file, ruleIds)).toThrow('broken.json:3:3: invalid JSON (CommaExpected)');
  });

  it('names a file that cannot be read', () => {
    expect(() => loadConfig(join(dir, 'missing.json'), ruleIds)).toThrow(
      /missing\.json: cannot read config \(ENOENT\)/,
    );
  });
});
