import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'headers/csp-violation',
  category: 'headers',
  severity: 'error',
  policy: '/privacy/#headers',
  docs: "A Content-Security-Policy that blocks part of the site's own page breaks it for every visitor, and one written too loosely lets in what the policy promises to keep out; either way the header and the page disagree. `nospy crawl` serves the build with its `_headers` and reports every `securitypolicyviolation` Chromium raises (report-only policies block nothing and are not reported), so the mismatch is found before deploy. Allow what the page needs in the config (`allowHosts`, or the site's own files), or take what the CSP rightly blocks out of the page.",
  fix: "Read which directive blocked what: a self-hosted file blocked by `script-src`/`style-src` means an inline script or style the policy's hashes do not cover (build with `nospy fix`, which hashes them, and do not edit pages after); a third party that should load goes in `allowHosts` (and the privacy policy); one that should not comes out of the page, e.g. replace a YouTube iframe with `BunnyVideo`.",
  messages: {
    blocked: 'The Content-Security-Policy directive {directive} blocked {blocked} on this page; allow it or remove it.',
  },
  observes: ['refusal'],
  check(observation) {
    if (observation.cause !== 'csp') return undefined;
    const blocked = observation.blocked || 'a resource';
    return { messageId: 'blocked', data: { directive: observation.detail, blocked }, evidence: blocked };
  },
});
