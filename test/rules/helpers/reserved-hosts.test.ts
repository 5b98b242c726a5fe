import { describe, expect, it } from 'vitest';
import { isLocalHost, isNoOnesHost } from '../../../scanners/rules/helpers/reserved-hosts.ts';

/** Hosts as the URL parser hands them to rules (lower case, IPv6 in brackets, IPv4 normalised). */
const hostOf = (url: string): string => new URL(url).hostname;

describe('isLocalHost', () => {
  it.each([
    ['a name without a dot', 'http://n'],
    ['localhost with a port', 'http://localhost:3000/x.js'],
    ['localhost with a trailing dot', 'http://localhost./'],
    ['a .localhost subdomain', 'http://app.localhost/'],
    ['an mDNS name', 'http://printer.local/'],
    ['a private-use .internal name', 'https://api.corp.internal/'],
    ['a home network name', 'http://router.home.arpa/'],
    ['the userinfo trick of a feature test', 'https://a@b'],
    ['a punycode name without a dot', 'https://тест'],
    ['loopback IPv4, also written in hex', 'http://0x7f.1/'],
    ['a 10/8 address', 'http://10.20.30.40/'],
    ['a 172.16/12 address', 'http://172.31.255.1/'],
    ['a 192.168/16 address', 'http://192.168.0.1/'],
    ['a link-local address', 'http://169.254.169.254/latest/meta-data'],
    ['the unspecified address', 'http://0.0.0.0:8000/'],
    ['IPv6 loopback', 'http://[::1]:8080/'],
    ['an IPv6 unique local address', 'http://[fd12:3456::1]/'],
    ['an IPv6 link-local address', 'http://[fe80::1]/'],
  ])('counts %s', (_case, url) => {
    expect(isLocalHost(hostOf(url))).toBe(true);
  });

  it.each([
    ['a public name', 'https://cdn.jsdelivr.net/x.js'],
    ['a name that only starts like localhost', 'https://localhost.evil.test/'],
    ['a public IPv4 address', 'http://8.8.8.8/'],
    ['an address just outside 172.16/12', 'http://172.32.0.1/'],
    ['a public IPv6 address without dots', 'http://[2001:db8::1]/'],
    ['an IPv6 address whose first group merely contains fd', 'http://[fd::1]/'],
    ['a non-network URL', 'data:text/plain,x'],
  ])('does not count %s', (_case, url) => {
    expect(isLocalHost(hostOf(url))).toBe(false);
  });
});

describe('isNoOnesHost', () => {
  it.each(['https://x.invalid/', 'http://localhost/', 'http://n/', 'http://127.0.0.1/'])('counts %s', (url) => {
    expect(isNoOnesHost(hostOf(url))).toBe(true);
  });

  it.each([
    'https://example.com/',
    'https://api.example.org/',
    'https://tracker.example/',
    'https://t.test/',
    'https://example.ca/',
    'https://notexample.com/',
    'https://example.com.evil.net/',
    'https://dummy.com/',
    'https://www.google-analytics.com/',
  ])('does not count %s', (url) => {
    expect(isNoOnesHost(hostOf(url))).toBe(false);
  });
});
