import type { NavigationObservation } from '../../observations.ts';
import { placeholderDestination } from '../../syntax/redirect-destination.ts';
import { resolveUrl } from '../../syntax/url.ts';

/** A rule's destination: a path, or an absolute or scheme-relative URL (the only forms either host accepts). */
const destination = /^(?:\/|https?:\/\/)/i;
/** A status token, `!` (Netlify's force marker) allowed: `301`, `200!`. */
const statusToken = /^(\d+)!?$/;
/** Cloudflare and Netlify both end a rule at a `#` that starts a word. */
const trailingComment = /(?:^|\s)#.*$/;

/**
 * Where the redirect rules of a `_redirects` file (Cloudflare Pages / Workers static assets / Netlify) send
 * visitors: one navigation per rule, at its destination, resolved against the site. A rule is
 * `source [query params] destination [status] [conditions]`; `#` starts a comment. Only 3xx statuses (and no
 * status, which means 301 or 302) answer with a redirect: 200 rewrites and proxies, and 404 or other statuses
 * serve the destination's content from the server, so the visitor's browser never goes there. A destination with
 * placeholders in its host (`https://:host/:splat`) keeps its URL and host as written. Lines it does not
 * understand are skipped. Never throws.
 */
export function gatherRedirects(text: string, file: string, site: string): NavigationObservation[] {
  const observations: NavigationObservation[] = [];
  text.split(/\r\n?|\n/).forEach((line, index) => {
    const tokens = [...line.replace(trailingComment, '').matchAll(/\S+/g)];
    // The first token is the source; Netlify puts query params (`id=:id`) between it and the destination.
    const target = tokens.findIndex((token, position) => position > 0 && destination.test(token[0]));
    if (target === -1) return;
    const status = statusToken.exec(tokens[target + 1]?.[0] ?? '')?.[1];
    if (status !== undefined && (Number(status) < 300 || Number(status) > 399)) return;
    const token = tokens[target]!;
    const raw = token[0];
    const resolved = placeholderDestination(raw, site) ?? resolveUrl(raw, site);
    if (resolved === undefined) return;
    observations.push({
      kind: 'navigation',
      via: 'redirect',
      source: 'redirects',
      file,
      line: index + 1,
      column: token.index + 1,
      raw,
      ...resolved,
      marked: false,
      // The whole rule, so the report (and the rule naming the source path) shows what sent the visitor away.
      evidence: line.trim(),
    });
  });
  return observations;
}
