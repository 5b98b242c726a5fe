/**
 * Where the crawl answers the public site's URLs from: pages are opened at their public address, and each request
 * under the site is answered by the loopback server.
 */
export interface UrlMap {
  /** The loopback URL of a URL under the public site, or undefined for any other URL. */
  toLocal(url: string): string | undefined;
}

export function createUrlMap(serverOrigin: string, site: string): UrlMap {
  const local = `${serverOrigin}/`;
  const publicBase = site.endsWith('/') ? site : `${site}/`;
  return {
    toLocal: (url) => (url.startsWith(publicBase) ? local + url.slice(publicBase.length) : undefined),
  };
}
