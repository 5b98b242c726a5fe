import type { ResolvedConfig } from '../config/load.ts';
import { gatherHeaders } from '../gather/site-files/headers.ts';
import type { HeaderObservation } from '../observations.ts';
import { bunnyPlayerHosts } from '../syntax/bunny.ts';
import { cspHash, isHashSource, parseCsp } from '../syntax/http/csp.ts';
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

/** Where a meta policy's hash sources go in the header's: script or style elements. */
const META_HASH_DIRECTIVES: Record<string, ('scripts' | 'styles')[]> = {
  'script-src': ['scripts'],
  'script-src-elem': ['scripts'],
  'style-src': ['styles'],
  'style-src-elem': ['styles'],
  'default-src': ['scripts', 'styles'],
};

/**
 * Adds one page's inline scripts, `<style>` blocks and `style=""` values to `hashes`, and the hash sources of its
 * `<meta http-equiv="content-security-policy">` (Astro's `security.csp`): browsers enforce the meta policy and the
 * header both, so the header takes over what the meta allows by hash.
 */
export function addPageHashes(hashes: InlineHashes, page: PageTags): void {
  for (const text of page.inlineScripts) hashes.scripts.add(cspHash(text));
  for (const text of page.inlineStyles) hashes.styles.add(cspHash(text));
  for (const text of page.styleAttributes) hashes.styleAttributes.add(cspHash(text));
  for (const meta of page.cspMetas) {
    for (const [directive, sources] of parseCsp(meta.attributes.content ?? '')) {
      for (const kind of META_HASH_DIRECTIVES[directive] ?? [])
        for (const source of sources) if (isHashSource(source)) hashes[kind].add(source);
    }
  }
}

/** Adds every hash of `from` to `to`. */
export function mergeHashes(to: InlineHashes, from: InlineHashes): InlineHashes {
  for (const kind of ['scripts', 'styles', 'styleAttributes'] as const)
    for (const hash of from[kind]) to[kind].add(hash);
  return to;
}

/** What the site ships beyond its pages that its CSP must let run. */
export interface CspOptions {
  /** WebAssembly (`*.wasm` files, such as Pagefind's search), which needs `'wasm-unsafe-eval'` in script-src. */
  wasm?: boolean;
}

/** Bunny Stream's player paths; frames are limited to the configured libraries (`/embed/{id}/…`). */
const bunnyPlayerPaths = ['embed', 'play'];

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/**
 * The Content-Security-Policy value for pages whose inline code `hashes` holds; `'unsafe-inline'` for the header of a
 * page whose own meta policy holds its hashes (see `metaPolicy`).
 */
export function contentSecurityPolicy(
  config: ResolvedConfig,
  hashes: InlineHashes | "'unsafe-inline'",
  options: CspOptions = {},
): string {
  // Hosts that are this site beyond the page's own origin, and the third parties the config allows.
  const hosts = [...config.firstPartyHosts, ...config.allowHosts].map((host) => `https://${host}`);
  const inline = typeof hashes === 'string';
  const styleAttributes = inline ? [] : sorted(hashes.styleAttributes);
  const frames = bunnyPlayerHosts.flatMap((host) =>
    (config.bunny?.libraryIds ?? []).flatMap((id) => bunnyPlayerPaths.map((path) => `https://${host}/${path}/${id}/`)),
  );
  const directives: string[][] = [
    ['default-src', "'self'"],
    [
      'script-src',
      "'self'",
      ...(options.wasm ? ["'wasm-unsafe-eval'"] : []),
      ...hosts,
      ...(inline ? [hashes] : sorted(hashes.scripts)),
    ],
    [
      'style-src',
      "'self'",
      ...hosts,
      ...(inline ? [hashes] : sorted(hashes.styles)),
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

/**
 * Cloudflare's limits on `_headers` (developers.cloudflare.com/pages/configuration/headers/, and wrangler's
 * parser for Workers static assets): it skips a line of more than 2,000 characters and every rule past the 100th.
 */
export const maxHeaderLine = 2000;
export const maxHeaderRules = 100;

/** Lines of `_headers` text longer than Cloudflare accepts (the user's own: nospy keeps to the limit), as warnings. */
export function overlongLines(headers: string): string[] {
  return headers
    .split('\n')
    .filter((line) => line.trim().length > maxHeaderLine)
    .map((line) => {
      const name = line.trim().split(':', 1)[0];
      return `_headers: the ${name} line is ${line.trim().length} characters, over Cloudflare's limit of ${maxHeaderLine} a line, so Cloudflare skips it; shorten it`;
    });
}

/** A site's `_headers` file, and the lines of it the user wrote (all but nospy's block), read once for every use. */
export interface UserHeaders {
  /** The file as it is; undefined when there is none. */
  existing: string | undefined;
  /** Each header the user's rules set, with its URL pattern and lower-case name. */
  headers: HeaderObservation[];
  /** The headers (lower-case names) the user's `/*` rule sets, which nospy leaves to it. */
  siteHeaders: Set<string>;
  /** How many rules (URL patterns) the user's lines hold. */
  ruleCount: number;
}

/** Parses the user's lines of `existing` (the `_headers` file, if any) for every step of a fix that needs them. */
export function readUserHeaders(existing: string | undefined): UserHeaders {
  const headers = existing ? gatherHeaders(userHeadersText(existing), '_headers') : [];
  const siteHeaders = new Set(headers.filter((header) => header.pattern === '/*').map((header) => header.name));
  return { existing, headers, siteHeaders, ruleCount: new Set(headers.map((header) => header.pattern)).size };
}

/** A CSP the user's own `/*` rule sets is theirs: nospy writes none, for every path, for some pages or in a meta. */
export function userOwnsCsp(user: UserHeaders): boolean {
  return user.siteHeaders.has('content-security-policy');
}

export const blockStart = '# nospy:start';
export const blockEnd = '# nospy:end';

/** A response header: name as sent, value. */
export type Header = [name: string, value: string];

/** A rule that gives the pages under `pattern` a policy of their own, in place of the one for every path. */
export interface CspRoute {
  pattern: string;
  policy: string;
  /** The page's inline code is allowed by its own meta policy, which the header's `'unsafe-inline'` leaves in charge. */
  meta?: boolean;
}

/** The security headers nospy sets for every path, and never a Set-Cookie; `policy` is the CSP for every path. */
export function securityHeaders(
  config: ResolvedConfig,
  hashes: InlineHashes | string,
  options: CspOptions = {},
): Header[] {
  const policy = typeof hashes === 'string' ? hashes : contentSecurityPolicy(config, hashes, options);
  return [
    ['Content-Security-Policy', policy],
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
 * (`userSet`, lower-case names), which it names in a comment instead; a year's caching for the files under
 * `immutablePaths` (`/_astro/*`); and the pages whose inline code does not fit one policy line (`routes`), each rule
 * detaching the policy for every path (`! Content-Security-Policy`) before it sets its own, since Cloudflare joins
 * two values of one header and browsers would enforce both.
 */
export function headersBlock(
  headers: Header[],
  userSet: ReadonlySet<string> = new Set(),
  immutablePaths: readonly string[] = [],
  routes: readonly CspRoute[] = [],
): string {
  const written = headers.filter(([name]) => !userSet.has(name.toLowerCase()));
  const left = headers.filter(([name]) => userSet.has(name.toLowerCase())).map(([name]) => name);
  const route = ({ pattern, policy }: CspRoute) => [
    pattern,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${policy}`,
  ];
  const metaRoutes = routes.filter((r) => r.meta);
  return [
    `${blockStart} (written by nospy from nospy.config.json on every build; edit the config, not this block)`,
    ...(left.length > 0 ? [`# ${left.join(', ')}: set by this file's own /* rule, which nospy leaves as written`] : []),
    ...(written.length > 0 ? ['/*', ...written.map(([name, value]) => `  ${name}: ${value}`)] : []),
    ...immutablePaths.flatMap((path) => [path, `  Cache-Control: ${immutableCaching}`]),
    ...(routes.some((r) => !r.meta)
      ? ['# Pages whose inline scripts and styles need more hashes than one policy line holds']
      : []),
    ...routes.filter((r) => !r.meta).flatMap(route),
    // Last, so that their detach also removes a folder rule's policy (Cloudflare applies the rules in order).
    ...(metaRoutes.length > 0
      ? ['# Pages whose hashes no line holds: their own <meta> CSP has them, and both policies are enforced']
      : []),
    ...metaRoutes.flatMap(route),
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
 * (`/_astro/*`) are cached for a year unless the user's lines set their Cache-Control. `routes` are none when the CSP
 * is the user's (`userOwnsCsp`).
 */
export function writeHeadersFile(
  user: UserHeaders,
  headers: Header[],
  immutablePaths: readonly string[] = [],
  routes: readonly CspRoute[] = [],
): { text: string; warnings: string[] } {
  const userSet = user.siteHeaders;
  // Caching the site already chose for a folder stays the site's choice.
  const userCached = new Set(user.headers.filter((header) => header.name === 'cache-control').map((h) => h.pattern));
  const cached = immutablePaths.filter((path) => !userCached.has(path));
  const written = new Map(headers.map(([name]) => [name.toLowerCase(), name]));
  for (const name of userSet) written.delete(name);
  const warnings = user.headers.flatMap((header) => {
    const name = written.get(header.name);
    if (name === undefined || header.pattern === '/*') return [];
    return [
      `_headers: ${header.pattern} sets ${name}, and so does nospy's /* block, so Cloudflare sends both values joined by a comma there; set ${name} for /* yourself to keep only yours`,
    ];
  });
  return { text: mergeHeadersFile(user.existing, headersBlock(headers, userSet, cached, routes)), warnings };
}
