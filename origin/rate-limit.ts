/** Whether a client may post now; when not, how long until it may. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** Past this many clients in one window, new clients are refused rather than tracked. */
  maxClients: number;
  now?: () => number;
}

/** Fixed-window counters per client, in memory only, forgotten once their window ends. */
export interface RateLimiter {
  take(client: string): RateDecision;
  /** Clients currently tracked. */
  readonly size: number;
  /** Stops the eviction timer. */
  dispose(): void;
}

/** Creates a limiter whose map is swept every window, so memory stays bounded by `maxClients`. */
export function createRateLimiter({ limit, windowMs, maxClients, now = Date.now }: RateLimiterOptions): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const evictExpired = () => {
    const time = now();
    for (const [client, entry] of windows) if (entry.resetAt <= time) windows.delete(client);
  };
  const sweeper = setInterval(evictExpired, windowMs);
  // The sweeper alone must not keep the process alive.
  sweeper.unref();
  const refuse = (resetAt: number): RateDecision => ({
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now()) / 1000)),
  });

  return {
    take(client) {
      const time = now();
      const current = windows.get(client);
      if (!current && windows.size >= maxClients) {
        evictExpired();
        if (windows.size >= maxClients) return refuse(time + windowMs);
      }
      const entry = current && current.resetAt > time ? current : { count: 0, resetAt: time + windowMs };
      windows.set(client, entry);
      entry.count += 1;
      return entry.count <= limit ? { allowed: true } : refuse(entry.resetAt);
    },
    get size() {
      return windows.size;
    },
    dispose() {
      clearInterval(sweeper);
    },
  };
}

/**
 * The key a client is counted under: its IPv4 address, or its IPv6 /64 network,
 * since one IPv6 host commonly holds a whole /64 and could otherwise rotate addresses.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail = ''] = address.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const gap = address.includes('::') ? new Array<string>(8 - left.length - right.length).fill('0') : [];
  return [...left, ...gap, ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
