import { defineRule } from '../define-rule.ts';

/** Policies that send the page's full URL (or its origin over plain http) to other sites. */
const leaky = new Set(['unsafe-url', 'no-referrer-when-downgrade', 'origin-when-cross-origin']);
const known = new Set([
  ...leaky, 'no-referrer', 'origin', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin',
]);

export default defineRule({
  id: 'headers/leaky-referrer-policy',
  category: 'headers',
  severity: 'warning',
  policy: '/privacy/#headers',
  docs: 'The Referer header tells the next site which page a visitor came from. `unsafe-url` and `no-referrer-when-downgrade` send the full URL, path and query included, to every third party the page loads or links to, and `origin-when-cross-origin` sends the origin even over plain http. Use `strict-origin-when-cross-origin`, `same-origin` or `no-referrer`.',
  messages: {
    leaky: 'Referrer-Policy {value} for {pattern} tells other sites which page a visitor read; use strict-origin-when-cross-origin or no-referrer.',
  },
  observes: ['header'],
  check(observation) {
    if (observation.name !== 'referrer-policy') return undefined;
    // Browsers apply the last token they recognise.
    const tokens = observation.value.toLowerCase().split(',').map((token) => token.trim());
    const value = tokens.findLast((token) => known.has(token));
    if (!value || !leaky.has(value)) return undefined;
    return { messageId: 'leaky', data: { value, pattern: observation.pattern } };
  },
});
