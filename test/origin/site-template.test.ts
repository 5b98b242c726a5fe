import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { contactPaths } from '../../origin/contact-paths.ts';
import { failurePages, pagePolicy, renderPage } from '../../origin/pages.ts';
import { loadPageTemplate } from '../../origin/template.ts';
import { listBuiltFiles, readBuiltFile, siteDir } from '../site/support.ts';
import { visitor } from './receiver-harness.ts';

// Run by the site project (vitest.config.ts), on the starter as `npm run build` builds it.
const siteBase = new URL('https://www.example.ca/');

describe("the receiver's template in the built starter site", () => {
  const loaded = loadPageTemplate(siteDir, siteBase);

  it('is there, with a slot the receiver fills', () => {
    expect(loaded).toHaveProperty('template');
  });

  it("puts a refusal in the site's header, logo, navigation and footer, with stylesheets the site serves", () => {
    if (!('template' in loaded)) throw new Error(loaded.warning);
    const $ = load(
      renderPage(failurePages.rateLimited(visitor, 600), { siteBase, canResubmit: true, template: loaded.template }),
    );
    expect($('title').text()).toBe('Too many messages for now | Example Studio');
    expect($('header .brand img').attr('src')).toBe('https://www.example.ca/logo.svg');
    expect($('header nav a').length).toBeGreaterThan(1);
    expect($('footer').text()).toContain('Example Studio');
    expect($('main h1').text()).toBe('Too many messages for now');
    expect($('main').text()).not.toContain('About your message');
    expect($('main textarea[name="message"]').text()).toBe(visitor.message);
    expect($('script')).toHaveLength(0);
    const stylesheets = $('link[rel="stylesheet"]')
      .toArray()
      .map((link) => new URL(link.attribs.href!));
    expect(stylesheets.length).toBeGreaterThan(0);
    for (const { origin, pathname } of stylesheets) {
      expect(origin).toBe(siteBase.origin);
      expect(existsSync(join(siteDir, pathname))).toBe(true);
    }
    expect(pagePolicy(siteBase.origin, loaded.template)).toMatch(/style-src https:\/\/www\.example\.ca[ ;]/);
  });

  it('is not offered to search engines or visitors: not in the sitemap, linked from no page', async () => {
    expect(await readBuiltFile('sitemap-0.xml')).not.toContain(contactPaths.noticePage);
    for (const page of await listBuiltFiles('.html')) {
      expect(await readBuiltFile(page), page).not.toContain(`href="${contactPaths.noticePage}"`);
    }
  });
});
