import type { Finding, Report } from '../../scanners/report.ts';
import { defineRule } from '../../scanners/rules/define-rule.ts';

function report(root: string, files: number, findings: Finding[]): Report {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    version: 1,
    tool: { name: 'nospy', version: '9.9.9' },
    root,
    summary: { files, errors, warnings: findings.length - errors },
    findings,
  };
}

/** Edge-case reports every reporter must print faithfully. */
export const reports = {
  empty: report('dist', 12, []),
  edgeCases: report('dist', 3, [
    {
      ruleId: 'forms/post-to-cdn',
      category: 'forms',
      severity: 'error',
      file: 'contact/index.html',
      line: 12,
      column: 5,
      message: 'Form posts to the CDN host www.example.ca; send it to https://origin.example.ca',
      url: 'https://www.example.ca/send',
      host: 'www.example.ca',
      evidence: '<form method="post" action="/send">',
      policy: '/privacy/#forms',
    },
    {
      ruleId: 'input/unreadable',
      category: 'input',
      severity: 'error',
      file: 'legacy/broken.html',
      message: 'legacy/broken.html could not be read (cannot decode as UTF-8)',
      policy: '/privacy/',
    },
    {
      ruleId: 'trackers/known-tracker',
      category: 'trackers',
      severity: 'warning',
      file: 'über uns/seite 1.html',
      line: 3,
      column: 17,
      message: 'Loads Google Analytics, 100% a tracker:\nremove it, or "allow" it <explicitly> & say so',
      vendor: 'Google Analytics',
      evidence: '<script src="https://www.google-analytics.com/a.js?x=1&y=2">\n</script>',
      policy: '/privacy/#cookies',
    },
  ]),
} satisfies Record<string, Report>;

/** Two stand-in rules, so SARIF snapshots do not change whenever a rule is added to the registry. */
export const rules = [
  defineRule({
    id: 'forms/post-to-cdn',
    category: 'forms',
    severity: 'error',
    policy: '/privacy/#forms',
    docs: 'A form that posts to the CDN hands what visitors type to a third party. Send it to the origin server.',
    messages: { postToCdn: 'Form posts to {host}' },
    observes: ['form'],
    check: () => undefined,
  }),
  defineRule({
    id: 'trackers/known-tracker',
    category: 'trackers',
    severity: 'error',
    policy: '/privacy/#cookies',
    docs: 'Known trackers follow visitors across sites.',
    messages: { knownTracker: 'Loads {vendor}' },
    observes: ['request'],
    check: () => undefined,
  }),
];
