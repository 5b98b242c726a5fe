import { defineRule } from '../define-rule.ts';

/** Emitted by the inline-suppression pass (scanners/suppress/inline.ts), never by `check`. */
export default defineRule({
  id: 'suppressions/unused',
  category: 'suppressions',
  severity: 'warning',
  policy: '/privacy/',
  docs: 'A suppression that covers no finding is left over from code that changed, or names the wrong rule or element; left in place it would silently hide the next real problem at that spot. Remove it, or fix the rule id or its position.',
  fix: 'Delete the comment or attribute. If it should apply, check that it names the reported rule id or its category (`nospy rules` lists them), that an HTML comment sits right before the element that causes the finding, and that `nospy-ignore-next-line` sits on the line right above it.',
  messages: {
    unused: 'Suppression of {rules} matches no finding; remove it, or name the rule and place it where the finding is.',
  },
  observes: [],
  check: () => undefined,
});
