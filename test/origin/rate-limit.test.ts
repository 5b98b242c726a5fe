import { afterEach, describe, expect, it } from 'vitest';
import { clientKey, createRateLimiter, type RateLimiter } from '../../origin/rate-limit.ts';

let limiter: RateLimiter | undefined;
afterEach(() => limiter?.dispose());

function limiterAt(clock: { now: number }, limit = 2, maxClients = 100) {
  limiter = createRateLimiter({ limit, windowMs: 60_000, maxClients, now: () => clock.now });
  return limiter;
}

describe('createRateLimiter', () => {
  it('allows `limit` posts per window, then says when the window ends', () => {
    const clock = { now: 0 };
    const limits = limiterAt(clock);
    expect(limits.take('a')).toEqual({ allowed: true });
    expect(limits.take('a')).toEqual({ allowed: true });
    clock.now = 15_000;
    expect(limits.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limits.take('b')).toEqual({ allowed: true });
    clock.now = 60_000;
    expect(limits.take('a')).toEqual({ allowed: true });
  });

  it('forgets a client once its window has passed, so memory does not grow', () => {
    const clock = { now: 0 };
    const limits = limiterAt(clock, 2, 2);
    limits.take('a');
    limits.take('b');
    expect(limits.size).toBe(2);
    clock.now = 60_000;
    expect(limits.take('c')).toEqual({ allowed: true });
    expect(limits.size).toBe(1);
  });

  it('refuses new clients rather than tracking more than maxClients at once', () => {
    const clock = { now: 0 };
    const limits = limiterAt(clock, 2, 2);
    limits.take('a');
    limits.take('b');
    expect(limits.take('c')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limits.take('a')).toEqual({ allowed: true });
    expect(limits.size).toBe(2);
  });
});

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (address, key) => expect(clientKey(address)).toBe(key));
});
