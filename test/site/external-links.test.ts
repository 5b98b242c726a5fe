import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../scanners/config/load.ts';
import { listBuiltFiles, loadPage } from './support.ts';

const { site, hosts } = loadConfig('nospy.config.json');
const pages = await listBuiltFiles('.html');

/** Every link in the build that takes the visitor to another host. */
async function findExternalLinks() {
  const links = [];
  for (const page of pages) {
    const $ = await loadPage(page);
    for (const element of $('a[href], area[href]').toArray()) {
      const url = URL.parse($(element).attr('href') ?? '', site);
      if (url && /^https?:$/.test(url.protocol) && !hosts.isFirstParty(url.hostname)) {
        links.push({ page, href: url.href, link: $(element) });
      }
    }
  }
  return links;
}

describe('links that leave the site', () => {
  it('exist in the starter content, written both with ExternalLink and as MDX links', async () => {
    const hrefs = (await findExternalLinks()).map(({ href }) => href);
    expect(hrefs).toEqual(
      expect.arrayContaining(['https://www.w3.org/WAI/standards-guidelines/wcag/', 'https://bunny.net/privacy/']),
    );
  });

  it('all carry the leaving-site notice: data-leaving, rel noopener noreferrer, a visible ↗ and a spoken "(leaves this site)"', async () => {
    for (const { page, href, link } of await findExternalLinks()) {
      const where = `${href} on ${page}`;
      expect(link.is('[data-leaving]'), where).toBe(true);
      expect(link.attr('rel')?.split(/\s+/), where).toEqual(
        expect.arrayContaining(['noopener', 'noreferrer', 'external']),
      );
      expect(link.find('.leaving-mark[aria-hidden="true"]').text(), where).toBe('↗');
      expect(link.find('.visually-hidden').text(), where).toBe(' (leaves this site)');
    }
  });

  it('leave same-site and mailto links plain', async () => {
    const $ = await loadPage('privacy/index.html');
    expect($('a[href^="mailto:"]').is('[data-leaving]')).toBe(false);
    expect($('main a[href="/contact/"]').is('[data-leaving]')).toBe(false);
  });
});
