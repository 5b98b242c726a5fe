import { describe, expect, it } from 'vitest';
import { createRateLimiter, ipv6SiteShare, normaliseAddress, rateKeys } from '../../origin/rate-limit.ts';

function limiterAt(clock: { now: number }, limit = 2, maxClients = 100) {
  return createRateLimiter({ limit, windowMs: 60_000, maxClients, now: () => clock.now });
}

const client = (key: string) => [{ key, share: 1 }];

describe('createRateLimiter', () => {
  it('allows `limit` posts per window, then says when the window ends', () => {
    const clock = { now: 0 };
    const limits = limiterAt(clock);
    expect(limits.take(client('a'))).toEqual({ allowed: true });
    expect(limits.take(client('a'))).toEqual({ allowed: true });
    clock.now = 15_000;
    expect(limits.take(client('a'))).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limits.take(client('b'))).toEqual({ allowed: true });
    clock.now = 60_000;
    expect(limits.take(client('a'))).toEqual({ allowed: true });
  });

  it('never refuses a new client because others filled it: the least recently seen is forgotten', () => {
    const clock = { now: 0 };
    const limits = limiterAt(clock, 2, 1000);
    for (let flood = 0; flood < 10_000; flood += 1) limits.take(client(`flood-${flood}`));
    expect(limits.size).toBe(1000);
    expect(limits.take(client('newcomer'))).toEqual({ allowed: true });
    expect(limits.size).toBe(1000);
  });

  it('keeps a client that keeps posting, while idle ones are evicted', () => {
    const clock = { now: 0 };
    const limits = limiterAt(clock, 2, 3);
    limits.take(client('busy'));
    limits.take(client('idle-1'));
    limits.take(client('idle-2'));
    limits.take(client('busy'));
    limits.take(client('idle-3'));
    expect(limits.take(client('busy'))).toMatchObject({ allowed: false });
  });

  it('refuses a post when any of its counters is over its share', () => {
    const clock = { now: 0 };
    const limits = limiterAt(clock, 1);
    const site = { key: 'site', share: 2 };
    expect(limits.take([{ key: 'a', share: 1 }, site])).toEqual({ allowed: true });
    expect(limits.take([{ key: 'b', share: 1 }, site])).toEqual({ allowed: true });
    expect(limits.take([{ key: 'c', share: 1 }, site])).toMatchObject({ allowed: false });
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:51000', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:cb00:7107', '203.0.113.7'],
    ['[::ffff:203.0.113.7]:443', '203.0.113.7'],
    ['2001:DB8::1', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
  ])('reads %s as %s', (text, address) => expect(normaliseAddress(text)).toBe(address));

  it.each(['', 'unknown', '1:2:3:4:5:6:7:8::9', '999.1.1.1', '203.0.113.7:port', '[::1', 'a'.repeat(10_000)])(
    'reads %j as no address',
    (text) => expect(normaliseAddress(text)).toBeUndefined(),
  );
});

describe('rateKeys', () => {
  it('counts an IPv4 address on its own', () => {
    expect(rateKeys('203.0.113.7')).toEqual([{ key: '203.0.113.7', share: 1 }]);
  });

  it.each([
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64', '2001:db8:1::/48'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64', '2001:db8:1::/48'],
    ['2001:db8::1', '2001:db8:0:0::/64', '2001:db8:0::/48'],
    ['64:ff9b::203.0.113.7', '64:ff9b:0:0::/64', '64:ff9b:0::/48'],
    ['::1', '0:0:0:0::/64', '0:0:0::/48'],
  ])('counts %s under its /64 and its /48', (address, network, site) => {
    expect(rateKeys(address)).toEqual([
      { key: network, share: 1 },
      { key: site, share: ipv6SiteShare },
    ]);
  });
});
