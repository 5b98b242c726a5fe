import type { APIContext } from 'astro';

/** /robots.txt: everything may be indexed; the sitemap's address follows nospy.config.json's site. */
export function GET(context: APIContext) {
  const sitemap = new URL('/sitemap-index.xml', context.site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
