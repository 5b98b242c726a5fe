import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../config/load.ts';
import { bunnyPlayerHosts } from '../rules/helpers/bunny.ts';
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

/** A CSP hash source (`'sha256-…'`) of `text` as UTF-8, the encoding browsers hash. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Adds one page's inline scripts, `<style>` blocks and `style=""` values to `hashes`. */
export function addPageHashes(hashes: InlineHashes, page: PageTags): void {
  for (const text of page.inlineScripts) hashes.scripts.add(cspHash(text));
  for (const text of page.inlineStyles) hashes.styles.add(cspHash(text));
  for (const text of page.styleAttributes) hashes.styleAttributes.add(cspHash(text));
}

/** Bunny Stream's player paths; frames are limited to the configured libraries (`/embed/{id}/…`). */
const bunnyPlayerPaths = ['embed', 'play'];

/** Browser features a cookie-free, tracker-free site never needs, Chrome's ad APIs included; denied to the page and its frames. */
const deniedFeatures = [
  'accelerometer', 'attribution-reporting', 'browsing-topics', 'camera',
  'compute-pressure', 'display-capture', 'geolocation', 'gyroscope', 'hid', 'identity-credentials-get',
  'idle-detection', 'interest-cohort', 'join-ad-interest-group', 'local-fonts', 'magnetometer', 'microphone',
  'midi', 'otp-credentials', 'payment', 'private-aggregation', 'private-state-token-issuance',
  'private-state-token-redemption', 'publickey-credentials-get', 'run-ad-auction', 'serial', 'shared-storage',
  'shared-storage-select-url', 'storage-access', 'usb', 'window-management', 'xr-spatial-tracking',
];

const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** The Content-Security-Policy value for the whole site. */
export function contentSecurityPolicy(config: ResolvedConfig, hashes: InlineHashes): string {
  // Hosts that are this site beyond the page's own origin, and the third parties the config allows.
  const hosts = [...config.firstPartyHosts, ...config.allowHosts].map((host) => `https://${host}`);
  const styleAttributes = sorted(hashes.styleAttributes);
  const frames = bunnyPlayerHosts.flatMap((host) => (config.bunny?.libraryIds ?? [])
    .flatMap((id) => bunnyPlayerPaths.map((path) => `https://${host}/${path}/${id}/`)));
  const directives: string[][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...hosts, ...sorted(hashes.scripts)],
    ['style-src', "'self'", ...hosts, ...sorted(hashes.styles),
      ...(styleAttributes.length > 0 ? ["'unsafe-hashes'", ...styleAttributes] : [])],
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
  return headers.split('\n').filter((line) => line.length > maxHeaderLine).map((line) => {
    const name = line.trim().split(':', 1)[0];
    return `_headers: the ${name} line is ${line.length} characters, over Cloudflare's limit of ${maxHeaderLine}; move inline scripts and styles into files so fewer hashes are needed`;
  });
}

export const blockStart = '# nospy:start';
export const blockEnd = '# nospy:end';

/** The generated `_headers` block: security headers for every path, and never a Set-Cookie. */
export function headersBlock(config: ResolvedConfig, hashes: InlineHashes): string {
  const headers: [string, string][] = [
    ['Content-Security-Policy', contentSecurityPolicy(config, hashes)],
    // Not no-referrer: that makes browsers send `Origin: null` on the form POST, which the origin receiver rejects.
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', deniedFeatures.map((feature) => `${feature}=()`).join(', ')],
    ['X-Content-Type-Options', 'nosniff'],
    ['Strict-Transport-Security', 'max-age=31536000'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
  return [
    `${blockStart} (written by nospy from nospy.config.json on every build; edit the config, not this block)`,
    '/*',
    ...headers.map(([name, value]) => `  ${name}: ${value}`),
    blockEnd,
    '',
  ].join('\n');
}

/** Puts `block` into an existing `_headers` text: replaces the previous nospy block, or appends after the user's lines. */
export function mergeHeadersFile(existing: string | undefined, block: string): string {
  if (!existing) return block;
  const lines = existing.split('\n');
  const start = lines.findIndex((line) => line.startsWith(blockStart));
  if (start === -1) return `${existing}${existing.endsWith('\n') ? '' : '\n'}\n${block}`;
  const end = lines.findIndex((line, index) => index > start && line.trim() === blockEnd);
  const before = lines.slice(0, start).join('\n');
  const after = end === -1 ? '' : lines.slice(end + 1).join('\n');
  return `${before}${start > 0 ? '\n' : ''}${block}${after}`;
}
