import { defineRule } from '../define-rule.ts';

/** Policies that send the page's full URL (or its origin over plain http) to other sites. */
const leaky = new Set(['unsafe-url', 'no-referrer-when-downgrade', 'origin-when-cross-origin']);
const known = new Set([
  ...leaky,
  'no-referrer',
  'origin',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
]);

/** Legacy values a `<meta name="referrer">` still accepts. */
const legacyMetaValues: Record<string, string> = {
  never: 'no-referrer',
  default: 'strict-origin-when-cross-origin',
  always: 'unsafe-url',
  'origin-when-crossorigin': 'origin-when-cross-origin',
};

/** The policy a browser applies: the header's last token it recognises, or the meta tag's whole value. */
function appliedPolicy(value: string, fromMeta: boolean): string | undefined {
  if (fromMeta) return legacyMetaValues[value] ?? (known.has(value) ? value : undefined);
  return value
    .split(',')
    .map((token) => token.trim())
    .findLast((token) => known.has(token));
}

export default defineRule({
  id: 'headers/leaky-referrer-policy',
  category: 'headers',
  severity: 'warning',
  policy: '/privacy/#headers',
  docs: 'A `Referrer-Policy` (header or `<meta name="referrer">`) of `unsafe-url` or `no-referrer-when-downgrade` sends the full URL of the page a visitor was reading, path and query included, to every third party the page loads or links to; `origin-when-cross-origin` sends the site\'s origin even over plain http. Use `strict-origin-when-cross-origin`: the stricter `same-origin` and `no-referrer` also blank the `Origin` header of the contact form\'s cross-origin POST, which the origin receiver checks.',
  fix: 'Set `Referrer-Policy: strict-origin-when-cross-origin` in `_headers` (the starter writes it) and remove `unsafe-url`, `no-referrer-when-downgrade` or `origin-when-cross-origin` from `_headers` and from any `<meta name="referrer">`.',
  messages: {
    leaky:
      'Referrer-Policy {value} for {pattern} tells other sites which page a visitor read; use strict-origin-when-cross-origin.',
  },
  observes: ['header'],
  check(observation) {
    if (observation.name !== 'referrer-policy') return undefined;
    const value = appliedPolicy(observation.value.toLowerCase(), observation.source === 'html');
    if (!value || !leaky.has(value)) return undefined;
    return { messageId: 'leaky', data: { value, pattern: observation.pattern } };
  },
});
