/**
 * The contact form's paths, shared by the site (`src/`) and the receiver (`origin/`) so neither keeps a copy.
 * The site's pages at these paths are `src/pages/contact/{index,thanks,error,notice}.astro`; a test holds them
 * together.
 */
export const contactPaths = {
  /** The site's page that holds the form. */
  formPage: '/contact/',
  /** Where the form posts, on the origin server. */
  receiver: '/contact',
  /** The site's page the receiver sends a visitor to once the message is sent. */
  thanksPage: '/contact/thanks/',
  /** The site's page with other ways to reach the site's owner. */
  errorPage: '/contact/error/',
  /** The site's page the receiver renders its own pages in (origin/template.ts); linked from nowhere. */
  noticePage: '/contact/notice/',
} as const;
