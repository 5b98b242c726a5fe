import type { ResolvedConfig } from '../config/load.ts';
import { gatherHeaders } from '../gather/site-files/headers.ts';
import { bunnyPlayerHosts } from '../syntax/bunny.ts';
import { cspHash } from '../syntax/csp.ts';
import { deniedFeatures } from '../syntax/http/permissions-policy.ts';
import type { PageTags } from './page-tags.ts';

/** CSP hash sources of the inline code the site's pages hold, deduplicated across pages. */
export interface InlineHashes {
  scripts: Set<string>;
  styles: Set<string>;
  styleAttributes: Set<string>;
}

export function createInlineHashes(): InlineHashes {
  return { scripts: new Set(), styles: new Set(), styleAttributes: new Set() };
}

export { cspHash };

/** Adds one page's inline scripts, `<style>` blocks and `style=""` values to `hashes`. */
export function addPageHashes(hashes: InlineHashes, page: PageTags): void {
  for (const text of page.inlineScripts) hashes.scripts.add(cspHash(text));
  for (const text of page.inlineStyles) hashes.styles.add(cspHash(text));
  for (const text of page.styleAttributes) hashes.styleAttributes.add(cspHash(text));
}

/** Bunny Stream's player paths; frames are limited to the configured libraries (`/embed/{id}/…`). */
const bunnyPlayerPaths = ['embed', 'play'];

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** The Content-Security-Policy value for the whole site. */
export function contentSecurityPolicy(config: ResolvedConfig, hashes: InlineHashes): string {
  // Hosts that are this site beyond the page's own origin, and the third parties the config allows.
  const hosts = [...config.firstPartyHosts, ...config.allowHosts].map((host) => `https://${host}`);
  const styleAttributes = sorted(hashes.styleAttributes);
  const frames = bunnyPlayerHosts.flatMap((host) =>
    (config.bunny?.libraryIds ?? []).flatMap((id) => bunnyPlayerPaths.map((path) => `https://${host}/${path}/${id}/`)),
  );
  const directives: string[][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...hosts, ...sorted(hashes.scripts)],
    [
      'style-src',
      "'self'",
      ...hosts,
      ...sorted(hashes.styles),
      ...(styleAttributes.length > 0 ? ["'unsafe-hashes'", ...styleAttributes] : []),
    ],
    ['img-src', "'self'", 'data:', ...hosts],
    ['font-src', "'self'", ...hosts],
    ['connect-src', "'self'", ...hosts],
    ['media-src', "'self'", ...hosts],
    ['frame-src', ...(frames.length > 0 ? frames : ["'none'"])],
    ['form-action', "'self'", ...(config.origin ? [new URL(config.origin).origin] : [])],
    ['base-uri', "'self'"],
    ['object-src', "'none'"],
    ['frame-ancestors', "'self'"],
    ['upgrade-insecure-requests'],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Cloudflare reads at most this many characters of a `_headers` line. */
export const maxHeaderLine = 2000;

/** Lines of `_headers` text longer than Cloudflare accepts, as warnings to show the user. */
export function overlongLines(headers: string): string[] {
  return headers
    .split('\n')
    .filter((line) => line.length > maxHeaderLine)
    .map((line) => {
      const name = line.trim().split(':', 1)[0];
      return `_headers: the ${name} line is ${line.length} characters, over Cloudflare's limit of ${maxHeaderLine}; move inline scripts and styles into files so fewer hashes are needed`;
    });
}

export const blockStart = '# nospy:start';
export const blockEnd = '# nospy:end';

/** A response header: name as sent, value. */
export type Header = [name: string, value: string];

/** The security headers nospy sets for every path, and never a Set-Cookie. */
export function securityHeaders(config: ResolvedConfig, hashes: InlineHashes): Header[] {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(config, hashes)],
    // Not no-referrer: that makes browsers send `Origin: null` on the form POST, which the origin receiver rejects.
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', deniedFeatures.map((feature) => `${feature}=()`).join(', ')],
    ['X-Content-Type-Options', 'nosniff'],
    ['Strict-Transport-Security', 'max-age=31536000'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
}

/** How long browsers may keep a file whose name changes with its content: a year, without asking again. */
export const immutableCaching = 'public, max-age=31536000, immutable';

/** Folders of content-hashed files that build tools write (Astro's `_astro/`). */
export const hashedAssetFolders: readonly string[] = ['_astro'];

/**
 * The generated `_headers` block: `headers` for every path, except those the site's own `/*` rule sets
 * (`userSet`, lower-case names), which it names in a comment instead; and a year's caching for the files under
 * `immutablePaths` (`/_astro/*`).
 */
export function headersBlock(
  headers: Header[],
  userSet: ReadonlySet<string> = new Set(),
  immutablePaths: readonly string[] = [],
): string {
  const written = headers.filter(([name]) => !userSet.has(name.toLowerCase()));
  const left = headers.filter(([name]) => userSet.has(name.toLowerCase())).map(([name]) => name);
  return [
    `${blockStart} (written by nospy from nospy.config.json on every build; edit the config, not this block)`,
    ...(left.length > 0 ? [`# ${left.join(', ')}: set by this file's own /* rule, which nospy leaves as written`] : []),
    ...(written.length > 0 ? ['/*', ...written.map(([name, value]) => `  ${name}: ${value}`)] : []),
    ...immutablePaths.flatMap((path) => [path, `  Cache-Control: ${immutableCaching}`]),
    blockEnd,
    '',
  ].join('\n');
}

/** Where nospy's block sits among a `_headers` file's lines: its first line and the line after it (start -1: none). */
function blockLines(lines: string[]): { start: number; after: number } {
  const start = lines.findIndex((line) => line.startsWith(blockStart));
  if (start === -1) return { start, after: -1 };
  const end = lines.findIndex((line, index) => index > start && line.trim() === blockEnd);
  // An unterminated block runs to the end of the file.
  return { start, after: end === -1 ? lines.length : end + 1 };
}

/** The part of an existing `_headers` that the user wrote: every line but nospy's block. */
function userHeadersText(existing: string): string {
  const lines = existing.split('\n');
  const { start, after } = blockLines(lines);
  return start === -1 ? existing : [...lines.slice(0, start), ...lines.slice(after)].join('\n');
}

/**
 * Puts `block` into an existing `_headers` text: replaces the previous nospy block, or appends after the user's lines.
 */
export function mergeHeadersFile(existing: string | undefined, block: string): string {
  if (!existing) return block;
  const lines = existing.split('\n');
  const { start, after } = blockLines(lines);
  if (start === -1) return `${existing}${existing.endsWith('\n') ? '' : '\n'}\n${block}`;
  const before = lines.slice(0, start).join('\n');
  return `${before}${start > 0 ? '\n' : ''}${block}${lines.slice(after).join('\n')}`;
}

/**
 * The `_headers` file after `nospy fix`: the user's lines as written, and nospy's block with the security
 * headers their `/*` rule does not set. Cloudflare sends the headers of every rule a path matches and
 * joins a header set twice with a comma — two CSPs both enforced, an HSTS no browser parses — so the
 * user's choice wins, whole: nospy does not merge its CSP into theirs. Another of the user's rules that
 * sets a header nospy writes for `/*` gets a warning, since paths matching both get the two joined. `immutablePaths`
 * (`/_astro/*`) are cached for a year unless the user's lines set their Cache-Control.
 */
export function writeHeadersFile(
  existing: string | undefined,
  headers: Header[],
  immutablePaths: readonly string[] = [],
): { text: string; warnings: string[] } {
  const userHeaders = existing ? gatherHeaders(userHeadersText(existing), '_headers') : [];
  const userSet = new Set(userHeaders.filter((header) => header.pattern === '/*').map((header) => header.name));
  // Caching the site already chose for a folder stays the site's choice.
  const userCached = new Set(userHeaders.filter((header) => header.name === 'cache-control').map((h) => h.pattern));
  const cached = immutablePaths.filter((path) => !userCached.has(path));
  const written = new Map(headers.map(([name]) => [name.toLowerCase(), name]));
  for (const name of userSet) written.delete(name);
  const warnings = userHeaders.flatMap((header) => {
    const name = written.get(header.name);
    if (name === undefined || header.pattern === '/*') return [];
    return [
      `_headers: ${header.pattern} sets ${name}, and so does nospy's /* block, so Cloudflare sends both values joined by a comma there; set ${name} for /* yourself to keep only yours`,
    ];
  });
  return { text: mergeHeadersFile(existing, headersBlock(headers, userSet, cached)), warnings };
}
