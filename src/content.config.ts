import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const link = z.object({ label: z.string(), href: z.string() });

/** Stand-alone pages (about, services, privacy…); the file name is the URL. */
const pages = defineCollection({
  loader: glob({ base: './content/pages', pattern: '**/*.mdx' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    /** The home page's opening: a short label, the headline, a sentence, and the call to action. */
    hero: z.object({ eyebrow: z.string(), heading: z.string(), lead: z.string(), action: link }).optional(),
  }),
});

/** News posts, listed newest first on /news/. */
const posts = defineCollection({
  loader: glob({ base: './content/posts', pattern: '**/*.mdx' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    date: z.coerce.date(),
  }),
});

/** What the business offers: a card each on the home page, a section each on /services/, in `order`. */
const services = defineCollection({
  loader: glob({ base: './content/services', pattern: '**/*.md' }),
  schema: z.object({
    title: z.string(),
    summary: z.string(),
    order: z.number(),
  }),
});

export const collections = { pages, posts, services };
