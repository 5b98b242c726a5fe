import { defineRule } from '../define-rule.ts';

/**
 * Emitted by the runner through `inputFindings`, never by `check`: a file the gate could not read cannot be vouched
 * for.
 */
export default defineRule({
  id: 'input/unreadable',
  category: 'input',
  severity: 'error',
  policy: '/privacy/',
  docs: 'A file that cannot be read or decoded cannot be checked, so nothing can be promised about what it does to visitors. The other files are still scanned, but the build fails until every file can be read (or is listed in `ignore`).',
  messages: {
    unreadable:
      '{file} could not be read ({reason}); make it readable UTF-8 or list it in "ignore" in nospy.config.json.',
  },
  observes: [],
  check: () => undefined,
});
