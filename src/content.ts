import { getCollection } from 'astro:content';

/** News posts, newest first. */
export async function getPostsNewestFirst() {
  return (await getCollection('posts')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}

/** Services in the order their front matter gives. */
export async function getServicesInOrder() {
  return (await getCollection('services')).sort((a, b) => a.data.order - b.data.order);
}
