import { getDomain } from 'tldts';

/** The hosts the config names (host names, no port), pre-digested so rules and transforms classify a host cheaply. */
export interface HostPolicy {
  siteHost: string;
  originHost: string | undefined;
  isFirstParty(host: string): boolean;
  isAllowed(host: string): boolean;
}

/** Does `host` match `pattern` ("x.com" exactly, "*.x.com" for any subdomain of x.com)? */
export function matchesHostPattern(host: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) return host.endsWith(p.slice(1));
  return host === p;
}

/**
 * The registrable domain (eTLD+1) of a host, counting private suffixes: on a shared host such as github.io,
 * pages.dev or netlify.app, `acme.github.io` and `someone-else.github.io` belong to different owners.
 */
function registrableDomain(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

export function createHostPolicy(
  site: string,
  firstPartyHosts: string[],
  allowHosts: string[],
  origin?: string,
): HostPolicy {
  const siteHost = new URL(site).hostname.toLowerCase();
  const siteDomain = registrableDomain(siteHost);
  const originHost = origin ? new URL(origin).hostname.toLowerCase() : undefined;
  const firstParty = new Map<string, boolean>();
  const allowed = new Map<string, boolean>();
  return {
    siteHost,
    originHost,
    isFirstParty(host) {
      let known = firstParty.get(host);
      if (known === undefined) {
        // Same registrable domain (eTLD+1) as the site means the same owner: www, origin, cdn subdomains.
        known =
          host === siteHost ||
          host === originHost ||
          firstPartyHosts.some((p) => matchesHostPattern(host, p)) ||
          registrableDomain(host) === siteDomain;
        firstParty.set(host, known);
      }
      return known;
    },
    isAllowed(host) {
      let known = allowed.get(host);
      if (known === undefined) {
        known = allowHosts.some((p) => matchesHostPattern(host, p));
        allowed.set(host, known);
      }
      return known;
    },
  };
}
