import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'input/unparsable-script',
  category: 'input',
  severity: 'warning',
  policy: '/privacy/',
  docs: "A script with a syntax error is thrown away whole by the browser: none of it runs, so it can set no cookie and fetch nothing, and whatever nospy's token scan still finds in its text (a `fetch`, `document.cookie`, a tracker's URL) is reported as a warning, not as an error that fails the build. It is still worth fixing: the page's feature that script was for is broken, and once the error is fixed those findings become what the code really does.",
  fix: 'Fix the syntax error the message names (a stray token left by a template, a truncated minified file, a `{{ … }}` placeholder a generator did not fill), or remove the script; then check again and deal with what it really does.',
  messages: {
    unparsable:
      'Script does not parse ({reason}), so browsers run none of it; what it would do is reported as warnings. Fix the syntax error.',
  },
  observes: ['unparsable'],
  check: (observation) => ({ messageId: 'unparsable', data: { reason: observation.reason } }),
});
