import { loadConfig, type ResolvedConfig } from '../scanners/config/load.ts';

/** nospy.config.json, read once per build: pages and components take hosts and ids from it, never hard-code them. */
export const siteConfig: ResolvedConfig = loadConfig('nospy.config.json');

/** The site's display name, shown in the header, titles and footer. */
export const siteName = 'Example Studio';
