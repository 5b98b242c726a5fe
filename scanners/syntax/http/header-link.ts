/** One link of an HTTP `Link` header. */
export interface HeaderLink {
  /** The URL between `<` and `>`, as written. */
  url: string;
  /** The `rel` parameter, unquoted ('' when absent). */
  rel: string;
  /** The `as` parameter, unquoted, when present. */
  as?: string;
}

/**
 * Splits an HTTP `Link` header value (RFC 8288) into its links: `<url>; rel=preload; as=style, <url2>;
 * rel="preconnect"`.
 * A URL may hold commas and semicolons, so each link runs from one `<` to the next one after its `>`.
 */
export function parseLinkHeader(value: string): HeaderLink[] {
  const links: HeaderLink[] = [];
  for (const match of value.matchAll(/<([^>]*)>([^<]*)/g)) {
    const link: HeaderLink = { url: match[1]!.trim(), rel: '' };
    for (const parameter of match[2]!.split(';')) {
      const equals = parameter.indexOf('=');
      if (equals === -1) continue;
      const name = parameter.slice(0, equals).trim().toLowerCase();
      const raw = parameter
        .slice(equals + 1)
        .replace(/,\s*$/, '')
        .trim();
      const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
      // The first occurrence of a parameter wins (RFC 8288 §3.3).
      if (name === 'rel' && link.rel === '') link.rel = unquoted;
      else if (name === 'as' && link.as === undefined) link.as = unquoted;
    }
    links.push(link);
  }
  return links;
}
