/** `nospy --help`. */
export const helpText = `Usage:
  nospy check <dir> [--config FILE] [--format FORMAT] [--output FILE] [--baseline FILE] [--show-suppressed]
      Scan a built static site for cookies, storage, trackers, third-party requests,
      private-video, form and external-link problems.
  nospy crawl <dir> [--config FILE] [--format FORMAT] [--output FILE] [--baseline FILE] [--show-suppressed]
              [--progress]
      Serve <dir> on loopback and load every page in real Chromium
      ($NOSPY_CHROMIUM, else a system Chromium or Chrome, else @sparticuz/chromium).
  nospy fix <dir> [--config FILE]
      Apply the safe build transforms in place (idempotent).
  nospy init [dir]
      Detect the generator, output folder and site URL of the project in [dir] (default: .) and write a
      commented nospy.config.json that allows no host by itself; print CI snippets. Never overwrites.
  nospy baseline <dir> [--config FILE] [--output FILE]
      Record today's findings (default file: nospy.baseline.json) so check --baseline fails only on new ones.
  nospy explain <ruleId>
      Why a rule matters to visitors, the policy clause it protects, and how to fix what it reports.
  nospy rules [--format text|json]
      Every rule with its id, category, default severity and summary.

Options:
  --config FILE      config file (default: nospy.config.json in the current directory)
  --format FORMAT    text, json, sarif, junit, github or markdown (default: text)
  --output FILE      write the report (or the baseline) to FILE instead of stdout
  --baseline FILE    accept the findings recorded in FILE; the summary counts entries no longer matched
  --show-suppressed  list suppressed findings with their reasons (text and markdown count them otherwise)
  --progress         crawl: print pages done and pages/s on stderr even off a terminal or in CI
  --help, -h         show this help
  --version, -v      show the version

Suppress one accepted case where it is written, with a reason:
  <!-- nospy-ignore RULE[, RULE] -- reason -->   the next element and everything inside it
  data-nospy-ignore="RULE[, RULE] -- reason"     this element and everything inside it
  // nospy-ignore-next-line RULE -- reason        (JS)   /* nospy-ignore-next-line RULE -- reason */ (CSS)
RULE is a rule id or a category; config "suppress" entries cover what markup cannot carry.

Exit codes: 0 no errors, 1 at least one error finding, 2 usage or config error.`;
