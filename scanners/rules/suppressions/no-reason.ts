import { defineRule } from '../define-rule.ts';

/** Emitted by the inline-suppression pass (scanners/suppress/inline.ts), never by `check`. */
export default defineRule({
  id: 'suppressions/no-reason',
  category: 'suppressions',
  severity: 'warning',
  policy: '/privacy/',
  docs: "A suppression without a reason hides a broken promise from the gate without telling the next person why it is acceptable, so nobody can tell a client's mandated embed from a forgotten shortcut. The suppression still applies; write the reason after ` -- `.",
  fix: 'Add the reason after two dashes, e.g. `<!-- nospy-ignore embeds/third-party-player -- the client\'s booking widget, named in the policy -->`, `data-nospy-ignore="third-party -- partner logo, contract 2026-04"` or `// nospy-ignore-next-line cookies/storage -- theme choice, stored only after the visitor clicks`.',
  messages: {
    noReason: 'Suppression of {rules} gives no reason; add one after " -- " so reviewers know why it is acceptable.',
  },
  observes: [],
  check: () => undefined,
});
