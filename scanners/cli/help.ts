/** `nospy --help`. */
export const helpText = `Usage:
  nospy check <dir> [--config FILE] [--format FORMAT] [--output FILE]
      Scan a built static site for cookies, storage, trackers, third-party requests,
      private-video, form and external-link problems.
  nospy crawl <dir> [--config FILE] [--format FORMAT] [--output FILE] [--progress]
      Serve <dir> on loopback and load every page in real Chromium
      ($NOSPY_CHROMIUM, else a system Chromium or Chrome, else @sparticuz/chromium).
  nospy fix <dir> [--config FILE]
      Apply the safe build transforms in place (idempotent).

Options:
  --config FILE    config file (default: nospy.config.json in the current directory)
  --format FORMAT  text, json, sarif, junit or github (default: text)
  --output FILE    write the report to FILE instead of stdout
  --progress       crawl: print pages done and pages/s on stderr even off a terminal or in CI
  --help, -h       show this help
  --version, -v    show the version

Exit codes: 0 no errors, 1 at least one error finding, 2 usage or config error.`;
