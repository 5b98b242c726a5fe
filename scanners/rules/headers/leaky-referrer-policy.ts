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
  docs: 'A `Referrer-Policy` of `unsafe-url` or `no-referrer-when-downgrade` sends the full URL of the page a visitor was reading, path and query included, to every third party the page loads or links to; `origin-when-cross-origin` sends the site\'s origin even over plain http. Use `strict-origin-when-cross-origin`: the stricter `same-origin` and `no-referrer` also blank the `Origin` header of the contact form\'s cross-origin POST, which the origin receiver checks.',
  messages: {
    leaky: 'Referrer-Policy {value} for {pattern} tells other sites which page a visitor read; use strict-origin-when-cross-origin.',
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
