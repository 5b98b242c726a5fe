import type { BaselineSummary, Finding, Report } from '../../scanners/report.ts';
import { createReport } from '../../scanners/reporters/index.ts';
import { defineRule } from '../../scanners/rules/define-rule.ts';

function report(root: string, files: number, findings: Finding[], baseline?: BaselineSummary): Report {
  return createReport(root, '9.9.9', files, findings, baseline);
}

const tracker: Finding = {
  ruleId: 'trackers/known-tracker',
  category: 'trackers',
  severity: 'error',
  file: 'index.html',
  line: 4,
  column: 3,
  message: 'Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.',
  url: 'https://www.googletagmanager.com/gtm.js',
  host: 'www.googletagmanager.com',
  vendor: 'Google Tag Manager',
  policy: '/privacy/#tracking',
};

/** Edge-case reports every reporter must print faithfully. */
export const reports = {
  empty: report('dist', 12, []),
  /** One layout's tracker on every page, and a second one on the first page. */
  repeated: report(
    'dist',
    5,
    ['a.html', 'a.html', 'b.html', 'c.html', 'd.html', 'e.html'].map((file, index) => ({
      ...tracker,
      file,
      line: index === 1 ? 8 : 4,
    })),
  ),
  /** One finding of each suppression kind, one without a reason, one left; a baseline with a stale entry. */
  suppressed: report(
    'dist',
    2,
    [
      { ...tracker, suppressed: { kind: 'inline', reason: 'client mandate | see ticket 12' } },
      { ...tracker, line: 9, suppressed: { kind: 'config', reason: 'partner tag until 2027' } },
      {
        ...tracker,
        file: 'about/index.html',
        suppressed: { kind: 'baseline', reason: 'recorded in nospy.baseline.json' },
      },
      { ...tracker, file: 'about/index.html', line: 7, suppressed: { kind: 'inline', reason: '' } },
      { ...tracker, file: 'about/index.html', line: 20 },
    ],
    { file: 'nospy.baseline.json', matched: 1, unmatched: 2 },
  ),
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
    fix: 'Run `nospy fix`.',
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
    fix: 'Remove the tag.',
    messages: { knownTracker: 'Loads {vendor}' },
    observes: ['request'],
    check: () => undefined,
  }),
];
