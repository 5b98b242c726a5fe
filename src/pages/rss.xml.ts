import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getPostsNewestFirst } from '../content.ts';
import { siteName } from '../site-config.ts';

/** The news feed, /rss.xml: every post, newest first. */
export async function GET(context: APIContext) {
  const posts = await getPostsNewestFirst();
  return rss({
    title: `${siteName} news`,
    description: `Notes from ${siteName} on building fast, private, accessible websites.`,
    site: context.site ?? '',
    items: posts.map((post) => ({
      title: post.data.title,
      description: post.data.description,
      pubDate: post.data.date,
      link: `/news/${post.id}/`,
    })),
    customData: '<language>en</language>',
  });
}
