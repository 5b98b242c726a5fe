/** Translates between the loopback server's URLs and the public site's, so rules classify hosts as in production. */
export interface UrlMap {
  /** Is `url` served by the loopback server? */
  isLocal(url: string): boolean;
  /** The public URL of a loopback URL; other URLs unchanged. */
  toPublic(url: string): string;
  /** The loopback URL of a URL under the public site, or undefined for any other URL. */
  toLocal(url: string): string | undefined;
}

export function createUrlMap(serverOrigin: string, site: string): UrlMap {
  const local = `${serverOrigin}/`;
  const publicBase = site.endsWith('/') ? site : `${site}/`;
  const isLocal = (url: string) => url.startsWith(local) || url === serverOrigin;
  return {
    isLocal,
    toPublic: (url) => (isLocal(url) ? new URL(url.slice(local.length), publicBase).href : url),
    toLocal: (url) => (url.startsWith(publicBase) ? local + url.slice(publicBase.length) : undefined),
  };
}
