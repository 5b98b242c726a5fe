/// <reference path="../scanners/astro/virtual-config.d.ts" />
/**
 * nospy.config.json as the nospy integration read it for this build: pages and components take hosts and ids from
 * it, never hard-code them.
 */
export { default as siteConfig } from 'virtual:nospy/config';

/** The site's display name, shown in the header, titles and footer. */
export const siteName = 'Example Studio';

/** The image link previews show for every page, 1200 × 630, in public/. */
export const defaultShareImage = { path: '/og/default.png', alt: 'Example Studio: fast, private websites' };
