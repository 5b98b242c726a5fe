import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxBodyBytes } from '../../origin/form.ts';
import { failurePages, pagePolicy, renderPage } from '../../origin/pages.ts';
import { loadPageTemplate, type PageTemplate, parsePageTemplate } from '../../origin/template.ts';
import { closeAfterTest, formValues, postForm, site, startReceiver, visitor } from './receiver-harness.ts';
import { startSmtpSink } from './smtp-sink.ts';

const siteBase = new URL('https://www.example.ca/');
// Shaped like the built src/pages/contact/notice.astro, with what a template may carry that a receiver's page must not.
const notice = readFileSync(new URL('template/notice.html', import.meta.url), 'utf8');

function template(html = notice): PageTemplate {
  const parsed = parsePageTemplate(html, siteBase);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

function siteDirWith(html?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'origin-template-'));
  if (html !== undefined) {
    mkdirSync(join(dir, 'contact/notice'), { recursive: true });
    writeFileSync(join(dir, 'contact/notice/index.html'), html);
  }
  return dir;
}

const hostile = {
  ...visitor,
  name: '"><script>alert(1)</script>',
  message: 'Bye </textarea><img src=x onerror=alert(1)> & </div></main>',
};

describe("the receiver's pages in the site's layout", () => {
  const html = renderPage(failurePages.rateLimited(hostile, 300), {
    siteBase,
    canResubmit: true,
    template: template(),
  });

  it("have the site's header, logo, navigation and footer around the page, titled with the site's name", () => {
    expect(html).toContain('<title>Too many messages for now | Harbour &#38; Pine</title>');
    expect(html).toContain('<img src="https://www.example.ca/logo.svg"');
    expect(html).toContain('<nav aria-label="Main">');
    expect(html).toContain('<footer class="site-footer">');
    const main = html.slice(html.indexOf('data-receiver-slot>'), html.indexOf('<div class="after-slot">'));
    expect(main).toContain('<h1>Too many messages for now</h1>');
    expect(main).not.toContain('Shown only on the site itself');
    expect(html.indexOf('<header')).toBeLessThan(html.indexOf('<h1>'));
    expect(html.indexOf('</form>')).toBeLessThan(html.indexOf('<footer'));
  });

  it('point every link, stylesheet and image at the site, and keep the skip link on the page', () => {
    expect(html).toContain('<link rel="stylesheet" href="https://www.example.ca/_astro/BaseLayout.Ab12Cd34.css">');
    expect(html).toContain('href="https://www.example.ca/_astro/notice.Ef56Gh78.css"');
    expect(html).toContain('srcset="https://www.example.ca/logo.svg 1x, https://www.example.ca/logo@2x.png 2x"');
    expect(html).toContain('<a href="https://www.example.ca/privacy/">Privacy</a>');
    expect(html).toContain('href="#main"');
    // The form still posts back to the receiver: no <base> is left to send it to the site.
    expect(html).toContain('<form method="post" action="/contact">');
    expect(html).not.toMatch(/<base\b/);
    // Nor the site's own meta policies, which would block the site's stylesheets and refer visitors to the site.
    expect(html).not.toMatch(/http-equiv|name="referrer"/);
  });

  it("run nothing: the template's scripts and event handlers are gone", () => {
    const layout = template().parts.join('');
    expect(layout).not.toMatch(/<script|onload|track\(\)|console/);
    expect(layout).toContain('<body >');
    expect(html).not.toMatch(/<script|<img src=x/);
  });

  it("give the visitor's text back exactly, however hostile, without it becoming markup", () => {
    expect(formValues(html)).toMatchObject({ name: hostile.name, message: hostile.message });
    expect(html).toContain('value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
  });

  it("are allowed the site's stylesheets, images and inline style, and nothing else", () => {
    const inline = createHash('sha256').update('.brand{letter-spacing:.01em}').digest('base64');
    expect(pagePolicy(siteBase.origin, template())).toBe(
      `default-src 'none'; style-src https://www.example.ca 'sha256-${inline}'; img-src https://www.example.ca; form-action 'self' https://www.example.ca; base-uri 'none'; frame-ancestors 'none'`,
    );
  });

  it('hash an inline style as the browser reads it, from a site built with CRLF line endings', () => {
    const lf = createHash('sha256').update('.brand{\n  color: red\n}').digest('base64');
    const crlf = notice.replace('.brand{letter-spacing:.01em}', '.brand{\r\n  color: red\r\n}');
    expect(template(crlf).styleHashes).toEqual([`'sha256-${lf}'`]);
  });

  it('read a srcset as browsers do: a comma inside an image URL does not split it', () => {
    const cdn = notice.replace(/srcset="[^"]*"/, 'srcset="/img/w_100,h_100/logo.png 1x, /img/w_200,h_200/logo.png 2x"');
    expect(
      renderPage(failurePages.rateLimited(visitor, 300), { siteBase, canResubmit: true, template: template(cdn) }),
    ).toContain(
      'srcset="https://www.example.ca/img/w_100,h_100/logo.png 1x, https://www.example.ca/img/w_200,h_200/logo.png 2x"',
    );
  });
});

describe('loadPageTemplate', () => {
  it('loads contact/notice/index.html from the built site', () => {
    const loaded = loadPageTemplate(siteDirWith(notice), siteBase);
    expect('template' in loaded && loaded.template.siteName).toBe('Harbour & Pine');
  });

  it('warns, naming the file and SITE_DIR, when the site is not built, and the pages keep a look of their own', () => {
    const dir = siteDirWith();
    const loaded = loadPageTemplate(dir, siteBase);
    expect(loaded).toEqual({ warning: expect.stringContaining(join(dir, 'contact/notice/index.html')) });
    expect('warning' in loaded && loaded.warning).toMatch(/npm run build, or set SITE_DIR/);
    const page = renderPage(failurePages.tooLarge(), { siteBase, canResubmit: true });
    expect(page).toMatch(/<style>[^<]+<\/style>/);
    expect(pagePolicy(siteBase.origin)).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; form-action/);
  });

  it('warns when the page has no slot to fill, or no title', () => {
    const noSlot = loadPageTemplate(siteDirWith(notice.replace(' data-receiver-slot', '')), siteBase);
    expect('warning' in noSlot && noSlot.warning).toMatch(/no element marked data-receiver-slot/);
    const noTitle = loadPageTemplate(siteDirWith(notice.replace(/<title>.*<\/title>/, '')), siteBase);
    expect('warning' in noTitle && noTitle.warning).toMatch(/no <title>/);
  });
});

describe('the receiver, given the template', () => {
  async function start() {
    const sink = closeAfterTest(await startSmtpSink({}));
    return { ...(await startReceiver(sink.port, { rateLimit: 1, pageTemplate: template() })), sink };
  }

  it("answers its refusals (429, 413, 403) with pages in the site's layout, under a policy that lets its style load", async () => {
    const { url, sink, logs } = await start();
    expect((await postForm(url, visitor)).status).toBe(303);
    const limited = await postForm(url, hostile);
    const tooLarge = await postForm(url, { ...visitor, message: 'x'.repeat(maxBodyBytes) });
    const forbidden = await postForm(url, visitor, { origin: 'https://evil.example' });
    expect([limited.status, tooLarge.status, forbidden.status]).toEqual([429, 413, 403]);
    for (const answer of [limited, tooLarge, forbidden]) {
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['content-security-policy']).toBe(pagePolicy(site, template()));
      expect(answer.body).toContain('<header class="site-header">');
      expect(answer.body).toContain('<footer class="site-footer">');
    }
    expect(formValues(limited.body)).toMatchObject({ name: hostile.name, message: hostile.message });
    expect(forbidden.body).toContain('<h1>Your message was not sent</h1>');
    expect(sink.messages).toHaveLength(1);
    expect(logs.map((entry) => entry.status)).toEqual([303, 429, 413, 403]);
  });
});
