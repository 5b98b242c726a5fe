import { describe, expect, it } from 'vitest';
import { cspMetaEdits } from '../../scanners/transforms/csp-meta.ts';
import { readPageTags } from '../../scanners/transforms/page-tags.ts';
import { applyEdits } from '../../scanners/html/splice.ts';

const policy = "default-src 'self'; script-src 'self' 'sha256-a='; frame-ancestors 'self'; upgrade-insecure-requests";
const meta = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-a='; upgrade-insecure-requests" data-nospy-csp>`;
const withMeta = (html: string, value: string = policy) => applyEdits(html, cspMetaEdits(readPageTags(html), value));

describe('cspMetaEdits', () => {
  it.each([
    [
      'after the charset',
      '<!doctype html><html><head><meta charset="utf-8"><title>T</title><script>a</script>',
      '<meta charset="utf-8">',
    ],
    [
      'after a charset that follows the title',
      '<head><title>T</title><meta charset=utf-8><style>s</style>',
      '<meta charset=utf-8>',
    ],
    [
      'just inside <head> when a script comes before the charset',
      '<head lang=en><script>a</script><meta charset=utf-8>',
      '<head lang=en>',
    ],
    [
      'before the first element when there is no <head>',
      '<!doctype html><title>T</title><script>a</script>',
      '<!doctype html>',
    ],
    ['before the body when the page has no head content', '<!doctype html><body><script>a</script>', '<!doctype html>'],
  ])('puts the meta %s', (_, html, before) => {
    const fixed = withMeta(html);
    expect(fixed).toBe(html.replace(before, `${before}${meta}`));
  });

  it('leaves out frame-ancestors, which a meta cannot carry, and replaces or removes the meta of an earlier run', () => {
    const html = '<head><meta charset="utf-8"><script>a</script></head>';
    const once = withMeta(html);
    expect(once).not.toContain('frame-ancestors');
    expect(withMeta(once)).toBe(once);
    expect(withMeta(once, "script-src 'sha256-b='")).toContain('content="script-src \'sha256-b=\'" data-nospy-csp>');
    expect(applyEdits(once, cspMetaEdits(readPageTags(once), undefined))).toBe(html);
  });

  it("never takes a meta in a template or a noscript, or the site's own meta policy, for its place or for nospy's", () => {
    const astro = `<meta http-equiv="content-security-policy" content="script-src 'self'">`;
    const html = `<head><template><meta charset=x><script>t</script></template>${astro}<script>a</script>`;
    expect(withMeta(html)).toBe(html.replace('<head>', `<head>${meta}`));
    expect(readPageTags(withMeta(html)).cspMetas).toHaveLength(1);
  });
});
