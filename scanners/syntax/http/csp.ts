import { createHash } from 'node:crypto';

/** A Content-Security-Policy: directive names (lower-case) and their source lists, in the order written. */
export type CspDirectives = Map<string, string[]>;

/** Reads one policy (`script-src 'self'; style-src …`); the first of a repeated directive wins, as in browsers. */
export function parseCsp(value: string): CspDirectives {
  const directives: CspDirectives = new Map();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/[\t\n\f\r ]+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/** Writes a policy back, one `; ` between directives. */
export function formatCsp(directives: CspDirectives): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

const HASH_SOURCE = /^'sha(?:256|384|512)-[A-Za-z0-9+/_-]+={0,2}'$/;

/** Is `source` a hash source (`'sha256-…'`)? */
export function isHashSource(source: string): boolean {
  return HASH_SOURCE.test(source);
}

/** Which directives govern `<style>`/`<script>` elements, most specific first (CSP3's fallback list). */
const ELEMENT_FALLBACKS = {
  script: ['script-src-elem', 'script-src', 'default-src'],
  style: ['style-src-elem', 'style-src', 'default-src'],
} as const;

/** The directive name that decides whether an inline `<script>` or `<style>` runs, or undefined when none does. */
export function elementDirective(directives: CspDirectives, kind: 'script' | 'style'): string | undefined {
  return ELEMENT_FALLBACKS[kind].find((name) => directives.has(name));
}

/**
 * Does this source list already let an inline element with this hash through? `'unsafe-inline'` counts only when
 * the list has no hash or nonce, which would make browsers ignore it.
 */
export function allowsInline(sources: readonly string[], hash: string): boolean {
  const lower = sources.map((source) => source.toLowerCase());
  if (sources.includes(hash)) return true;
  const narrowed = sources.some((source) => isHashSource(source) || /^'nonce-/i.test(source));
  return !narrowed && lower.includes("'unsafe-inline'");
}

/** A CSP hash source (`'sha256-…'`) of `text` as UTF-8, the encoding browsers hash. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
