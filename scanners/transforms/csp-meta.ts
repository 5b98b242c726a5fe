import { formatCsp, parseCsp } from '../syntax/http/csp.ts';
import { escapeAttribute } from './attribute-edits.ts';
import { nospyCspAttribute, type PageTags } from './page-tags.ts';
import type { Edit } from '../html/splice.ts';

/**
 * Directives browsers ignore in a `<meta>` policy (CSP 3 and its sandbox and reporting rules): they stay in the
 * page's header, which is the only place they work.
 */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

/**
 * A page's policy as a `<meta http-equiv="content-security-policy">`, for a page whose inline scripts and styles
 * need more hashes than a `_headers` line holds (Cloudflare skips a line over 2,000 characters; a meta has no such
 * limit). Browsers enforce the header and the meta both, so a request or an inline element runs only when both allow
 * it: the page's header rule allows inline code (`'unsafe-inline'`) and leaves the hashes to the meta, whose
 * sources are otherwise the header's, and keeps the directives a meta cannot carry.
 */
export function metaPolicy(policy: string): string {
  const directives = parseCsp(policy);
  for (const name of HEADER_ONLY_DIRECTIVES) directives.delete(name);
  return formatCsp(directives);
}

/**
 * The edits that leave the page with `policy` in nospy's meta (placed before any of the page's scripts and styles,
 * which a meta governs only from where it stands), or with no nospy meta when `policy` is undefined. A meta an
 * earlier run wrote is replaced in place, so a second run changes nothing.
 */
export function cspMetaEdits(page: Pick<PageTags, 'cspMetaSlot' | 'nospyCspMeta'>, policy: string | undefined): Edit[] {
  const markup =
    policy === undefined
      ? ''
      : `<meta http-equiv="content-security-policy" content="${escapeAttribute(metaPolicy(policy))}" ${nospyCspAttribute}>`;
  const own = page.nospyCspMeta;
  if (own) return [{ start: own.start, end: own.end + 1, text: markup }];
  return markup === '' ? [] : [{ start: page.cspMetaSlot, end: page.cspMetaSlot, text: markup }];
}
