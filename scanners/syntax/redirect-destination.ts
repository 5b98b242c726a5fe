import type { ResolvedUrl } from './url.ts';

/** The host part of an absolute or scheme-relative destination, user info and port left out. */
const destinationHost = /^(?:https?:)?\/\/(?:[^/?#@]*@)?([^/?#]*?)(?::\d*)?(?=[/?#]|$)/i;
/** A placeholder (`:name`, `:splat`) or a `*`: the host fills it in from the request's path, so it may be any label. */
const placeholder = /:[a-z]\w*|\*/gi;

/**
 * A host name standing for every host a destination with placeholders in its host (`:host`, `:sub.example.com`)
 * can reach: each placeholder becomes one label, so the part after the last one (the registrable domain, when it
 * is fixed) stays as written. Rules judge this host; the observation shows the host as written.
 */
export function sampleHost(host: string): string {
  return host.replace(placeholder, 'placeholder');
}

/**
 * A destination whose host holds placeholders, which no URL parser accepts: the destination as written (given
 * the site's scheme when scheme-relative), and its host as written (`:host`). Undefined for any other destination.
 */
export function placeholderDestination(raw: string, site: string): ResolvedUrl | undefined {
  const host = destinationHost.exec(raw)?.[1];
  if (host === undefined || host.search(placeholder) === -1) return undefined;
  return { url: raw.startsWith('//') ? `${new URL(site).protocol}${raw}` : raw, host: host.toLowerCase() };
}
