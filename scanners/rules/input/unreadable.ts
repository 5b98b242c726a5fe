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
  fix: 'Make the file readable by the user running the check, save it as UTF-8 (or declare its encoding with a BOM or `<meta charset>`), keep it under 64 MiB, or list it in the config\'s `ignore` (`"ignore": ["downloads/**"]`) if visitors never load it as a page, style or script.',
  messages: {
    unreadable:
      '{file} could not be read ({reason}); make it readable UTF-8 or list it in "ignore" in nospy.config.json.',
  },
  observes: [],
  check: () => undefined,
});
