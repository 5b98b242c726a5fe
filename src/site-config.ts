/// <reference path="../scanners/astro/virtual-config.d.ts" />
/**
 * nospy.config.json as the nospy integration read it for this build: pages and components take hosts and ids from
 * it, never hard-code them.
 */
export { default as siteConfig } from 'virtual:nospy/config';

/** The site's display name, shown in the header, titles and footer. */
export const siteName = 'Example Studio';
