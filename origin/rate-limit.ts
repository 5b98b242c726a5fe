import { isIPv4, isIPv6 } from 'node:net';

/** Whether a client may post now; when not, how long until it may. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** Counters kept at once; past it the least recently seen is forgotten, so a flood never locks anyone out. */
  maxClients: number;
  now?: () => number;
}

/** Fixed-window counters per key, in memory only. */
export interface RateLimiter {
  /** Counts one post against every key (a client and the networks it belongs to); each key has its own limit. */
  take(keys: readonly RateKey[]): RateDecision;
  /** Counters currently kept. */
  readonly size: number;
}

/** A counter's name and how many clients' worth of posts it allows per window. */
export interface RateKey {
  key: string;
  share: number;
}

/** Creates a limiter whose map never holds more than `maxClients` counters: least recently used first out. */
export function createRateLimiter({ limit, windowMs, maxClients, now = Date.now }: RateLimiterOptions): RateLimiter {
  // A Map iterates in insertion order; re-inserting on every use makes its first key the least recently used.
  const windows = new Map<string, { count: number; resetAt: number }>();
  const touch = (key: string, time: number) => {
    const current = windows.get(key);
    windows.delete(key);
    const entry = current && current.resetAt > time ? current : { count: 0, resetAt: time + windowMs };
    windows.set(key, entry);
    if (windows.size > maxClients) windows.delete(windows.keys().next().value!);
    return entry;
  };

  return {
    take(keys) {
      const time = now();
      let refusedUntil = 0;
      for (const { key, share } of keys) {
        const entry = touch(key, time);
        entry.count += 1;
        if (entry.count > share * limit) refusedUntil = Math.max(refusedUntil, entry.resetAt);
      }
      if (refusedUntil === 0) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((refusedUntil - time) / 1000)) };
    },
    get size() {
      return windows.size;
    },
  };
}

/** How many clients' worth of posts an IPv6 /48 may send: a site or an ISP customer, bounded as a whole. */
export const ipv6SiteShare = 16;

/**
 * The counters a client's posts count against, as multiples of the per-client limit: an IPv4 address, or an IPv6
 * /64 (one host commonly holds a whole /64) and its /48, so rotating through a /48 gains at most `ipv6SiteShare`.
 * `address` must be what `normaliseAddress` returns.
 */
export function rateKeys(address: string): RateKey[] {
  if (isIPv4(address)) return [{ key: address, share: 1 }];
  const groups = expandIpv6(address);
  return [
    { key: `${groups.slice(0, 4).join(':')}::/64`, share: 1 },
    { key: `${groups.slice(0, 3).join(':')}::/48`, share: ipv6SiteShare },
  ];
}

/**
 * An address as one client: a port and brackets dropped (`203.0.113.7:51000`, `[2001:db8::1]:443`), an IPv6 zone
 * dropped, an IPv4-mapped IPv6 address (`::ffff:203.0.113.7`) as its IPv4. Anything else is not an address: undefined.
 */
export function normaliseAddress(text: string): string | undefined {
  let address = text.trim();
  const bracketed = /^\[([^\]]*)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.split('%')[0].toLowerCase();
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return undefined;
  const groups = expandIpv6(address);
  const mapped = groups.slice(0, 6).join(':') === '0:0:0:0:0:ffff';
  if (!mapped) return address;
  const [high, low] = groups.slice(6).map((group) => Number.parseInt(group, 16));
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

// Eight hex groups without leading zeros; `address` is a valid IPv6 address (an IPv4 tail becomes two groups).
function expandIpv6(address: string): string[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = dotted
    ? address.slice(0, dotted.index) +
      [0, 2].map((at) => ((Number(dotted[at + 1]) << 8) | Number(dotted[at + 2])).toString(16)).join(':')
    : address;
  const [head, tail = ''] = hex.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const gap = hex.includes('::') ? new Array<string>(8 - left.length - right.length).fill('0') : [];
  return [...left, ...gap, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
