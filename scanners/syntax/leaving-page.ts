import { createHash } from 'node:crypto';

/** The folder the leaving pages live in, from config `externalLinks.leavingPage` (`/leaving/`, `/leaving.html`). */
function leavingFolder(leavingPage: string): string {
  return leavingPage.replace(/(?:\/index)?\.html?$/, '').replace(/\/+$/, '');
}

/**
 * The path of the page that tells visitors they are leaving for `url` in interstitial mode:
 * `<leavingPage>/<host>/<hash>/`, the host for people and the first 8 hex digits of the SHA-256 of the
 * normalised URL (WHATWG serialisation, fragment included) to tell its addresses apart. Components and
 * `nospy fix` both call this, so a link and its page always agree.
 */
export function leavingPagePath(url: string, leavingPage: string): string {
  const parsed = new URL(url);
  // A URL-safe folder name that no file system trims: IPv6 brackets and colons become `-`, a trailing dot goes.
  const host = parsed.hostname.replace(/[^a-z0-9.-]/g, '-').replace(/\.+$/, '') || 'host';
  const hash = createHash('sha256').update(parsed.href).digest('hex').slice(0, 8);
  return `${leavingFolder(leavingPage)}/${host}/${hash}/`;
}

/** The built file of `url`'s leaving page, relative to the output directory (`leaving/example.com/1a2b3c4d/index.html`). */
export function leavingPageFile(url: string, leavingPage: string): string {
  return `${leavingPagePath(url, leavingPage).slice(1)}index.html`;
}

/**
 * The built files that may hold the site's own leaving page, the template the per-destination pages are made from:
 * `/leaving/` is `leaving/index.html`, `/leaving` either that or `leaving.html`.
 */
export function leavingTemplateFiles(leavingPage: string): string[] {
  const path = leavingPage.slice(1);
  if (path === '' || path.endsWith('/')) return [`${path}index.html`];
  if (/\.html?$/.test(path)) return [path];
  return [`${path}/index.html`, `${path}.html`];
}
