import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../scanners/reporters/github.ts';
import { reporters } from '../../scanners/reporters/index.ts';
import { formatJson } from '../../scanners/reporters/json.ts';
import { formatJunit } from '../../scanners/reporters/junit.ts';
import { formatMarkdown } from '../../scanners/reporters/markdown.ts';
import { formatSarif } from '../../scanners/reporters/sarif.ts';
import { formatText } from '../../scanners/reporters/text.ts';
import { allRules } from '../../scanners/rules/index.ts';
import { reports, rules } from './fixtures.ts';

describe('text reporter', () => {
  it('prints a clean summary for an empty report', () => {
    expect(formatText(reports.empty)).toMatchInlineSnapshot(`"✔ No privacy problems in 12 files"`);
  });

  it('lists what a crawl opened and, grouped by reason, what it did not, before the summary', () => {
    const crawl = {
      pages: ['index.html', 'old/index.html'],
      notVisited: [
        { file: '_headers', reason: 'response headers: sent with every page and file' },
        { file: 'a.css', reason: 'stylesheet: loaded by the pages that use it' },
        { file: 'b.css', reason: 'stylesheet: loaded by the pages that use it' },
      ],
    };
    expect(formatText({ ...reports.empty, crawl })).toMatchInlineSnapshot(`
      "Opened 2 pages in Chromium.
      Not opened as pages (3):
        1 × response headers: sent with every page and file
        2 × stylesheet: loaded by the pages that use it

      ✔ No privacy problems in 12 files"
    `);
  });

  it('groups findings by file with location, severity, rule, evidence and policy', () => {
    expect(formatText(reports.edgeCases)).toMatchInlineSnapshot(`
      "dist/contact/index.html
        dist/contact/index.html:12:5  error    Form posts to the CDN host www.example.ca; send it to https://origin.example.ca  forms/post-to-cdn
            │ <form method="post" action="/send">
            policy: /privacy/#forms

      dist/legacy/broken.html
        dist/legacy/broken.html  error    legacy/broken.html could not be read (cannot decode as UTF-8)  input/unreadable
            policy: /privacy/

      dist/über uns/seite 1.html
        dist/über uns/seite 1.html:3:17  warning  Loads Google Analytics, 100% a tracker:  trackers/known-tracker
            remove it, or "allow" it <explicitly> & say so
            │ <script src="https://www.google-analytics.com/a.js?x=1&y=2">
            │ </script>
            policy: /privacy/#cookies

      ✖ 2 errors, 1 warning in 3 files"
    `);
  });

  it('colours only when asked', () => {
    expect(formatText(reports.edgeCases)).not.toContain('\u001b[');
    expect(formatText(reports.edgeCases, { color: true })).toContain('\u001b[31m');
  });
});

describe('json reporter', () => {
  it('prints exactly the report document', () => {
    expect(JSON.parse(formatJson(reports.edgeCases))).toEqual(reports.edgeCases);
    expect(formatJson(reports.empty)).toMatchInlineSnapshot(`
      "{
        "version": 1,
        "tool": {
          "name": "nospy",
          "version": "9.9.9"
        },
        "root": "dist",
        "summary": {
          "files": 12,
          "errors": 0,
          "warnings": 0
        },
        "findings": []
      }"
    `);
  });
});

describe('sarif reporter', () => {
  it('lists rules and results with locations relative to the working directory', () => {
    expect(formatSarif(reports.edgeCases, rules)).toMatchInlineSnapshot(`
      "{
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
          {
            "tool": {
              "driver": {
                "name": "nospy",
                "version": "9.9.9",
                "semanticVersion": "9.9.9",
                "rules": [
                  {
                    "id": "forms/post-to-cdn",
                    "name": "FormsPostToCdn",
                    "shortDescription": {
                      "text": "A form that posts to the CDN hands what visitors type to a third party."
                    },
                    "fullDescription": {
                      "text": "A form that posts to the CDN hands what visitors type to a third party. Send it to the origin server."
                    },
                    "help": {
                      "text": "A form that posts to the CDN hands what visitors type to a third party. Send it to the origin server.\\n\\nHow to fix: Run \`nospy fix\`.\\n\\nPolicy clause: /privacy/#forms",
                      "markdown": "A form that posts to the CDN hands what visitors type to a third party. Send it to the origin server.\\n\\n**How to fix:** Run \`nospy fix\`.\\n\\nPolicy clause: \`/privacy/#forms\`"
                    },
                    "defaultConfiguration": {
                      "level": "error"
                    },
                    "properties": {
                      "category": "forms",
                      "tags": [
                        "privacy",
                        "forms"
                      ]
                    }
                  },
                  {
                    "id": "trackers/known-tracker",
                    "name": "TrackersKnownTracker",
                    "shortDescription": {
                      "text": "Known trackers follow visitors across sites."
                    },
                    "fullDescription": {
                      "text": "Known trackers follow visitors across sites."
                    },
                    "help": {
                      "text": "Known trackers follow visitors across sites.\\n\\nHow to fix: Remove the tag.\\n\\nPolicy clause: /privacy/#cookies",
                      "markdown": "Known trackers follow visitors across sites.\\n\\n**How to fix:** Remove the tag.\\n\\nPolicy clause: \`/privacy/#cookies\`"
                    },
                    "defaultConfiguration": {
                      "level": "error"
                    },
                    "properties": {
                      "category": "trackers",
                      "tags": [
                        "privacy",
                        "trackers"
                      ]
                    }
                  }
                ]
              }
            },
            "results": [
              {
                "ruleId": "forms/post-to-cdn",
                "ruleIndex": 0,
                "level": "error",
                "message": {
                  "text": "Form posts to the CDN host www.example.ca; send it to https://origin.example.ca"
                },
                "locations": [
                  {
                    "physicalLocation": {
                      "artifactLocation": {
                        "uri": "dist/contact/index.html"
                      },
                      "region": {
                        "startLine": 12,
                        "startColumn": 5
                      }
                    }
                  }
                ],
                "properties": {
                  "category": "forms",
                  "policy": "/privacy/#forms",
                  "url": "https://www.example.ca/send",
                  "host": "www.example.ca",
                  "evidence": "<form method=\\"post\\" action=\\"/send\\">"
                }
              },
              {
                "ruleId": "input/unreadable",
                "level": "error",
                "message": {
                  "text": "legacy/broken.html could not be read (cannot decode as UTF-8)"
                },
                "locations": [
                  {
                    "physicalLocation": {
                      "artifactLocation": {
                        "uri": "dist/legacy/broken.html"
                      }
                    }
                  }
                ],
                "properties": {
                  "category": "input",
                  "policy": "/privacy/"
                }
              },
              {
                "ruleId": "trackers/known-tracker",
                "ruleIndex": 1,
                "level": "warning",
                "message": {
                  "text": "Loads Google Analytics, 100% a tracker:\\nremove it, or \\"allow\\" it <explicitly> & say so"
                },
                "locations": [
                  {
                    "physicalLocation": {
                      "artifactLocation": {
                        "uri": "dist/%C3%BCber%20uns/seite%201.html"
                      },
                      "region": {
                        "startLine": 3,
                        "startColumn": 17
                      }
                    }
                  }
                ],
                "properties": {
                  "category": "trackers",
                  "policy": "/privacy/#cookies",
                  "vendor": "Google Analytics",
                  "evidence": "<script src=\\"https://www.google-analytics.com/a.js?x=1&y=2\\">\\n</script>"
                }
              }
            ]
          }
        ]
      }"
    `);
  });

  it('describes every registered rule, even in an empty report', () => {
    const sarif = JSON.parse(formatSarif(reports.empty));
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(
      allRules.map((rule) => rule.id),
    );
    expect(sarif.runs[0].results).toEqual([]);
  });
});

describe('junit reporter', () => {
  it('prints one passing case per promise for an empty report', () => {
    expect(formatJunit(reports.empty)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="nospy" tests="9" failures="0" errors="0">
        <testsuite name="nospy.cookies" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.cookies"/>
        </testsuite>
        <testsuite name="nospy.trackers" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.trackers"/>
        </testsuite>
        <testsuite name="nospy.third-party" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.third-party"/>
        </testsuite>
        <testsuite name="nospy.forms" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.forms"/>
        </testsuite>
        <testsuite name="nospy.embeds" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.embeds"/>
        </testsuite>
        <testsuite name="nospy.external-links" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.external-links"/>
        </testsuite>
        <testsuite name="nospy.headers" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.headers"/>
        </testsuite>
        <testsuite name="nospy.input" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.input"/>
        </testsuite>
        <testsuite name="nospy.suppressions" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.suppressions"/>
        </testsuite>
      </testsuites>"
    `);
  });

  it('fails errors, passes warnings with their text, and escapes XML', () => {
    expect(formatJunit(reports.edgeCases)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="nospy" tests="9" failures="2" errors="0">
        <testsuite name="nospy.cookies" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.cookies"/>
        </testsuite>
        <testsuite name="nospy.trackers" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="trackers/known-tracker dist/über uns/seite 1.html:3:17" classname="nospy.trackers" file="dist/über uns/seite 1.html" line="3">
            <system-out>warning: Loads Google Analytics, 100% a tracker:
      remove it, or "allow" it &lt;explicitly&gt; &amp; say so
      dist/über uns/seite 1.html:3:17
      &lt;script src="https://www.google-analytics.com/a.js?x=1&amp;y=2"&gt;
      &lt;/script&gt;
      Policy: /privacy/#cookies</system-out>
          </testcase>
        </testsuite>
        <testsuite name="nospy.third-party" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.third-party"/>
        </testsuite>
        <testsuite name="nospy.forms" tests="1" failures="1" errors="0" skipped="0">
          <testcase name="forms/post-to-cdn dist/contact/index.html:12:5" classname="nospy.forms" file="dist/contact/index.html" line="12">
            <failure type="forms/post-to-cdn" message="Form posts to the CDN host www.example.ca; send it to https://origin.example.ca">dist/contact/index.html:12:5
      &lt;form method="post" action="/send"&gt;
      Policy: /privacy/#forms</failure>
          </testcase>
        </testsuite>
        <testsuite name="nospy.embeds" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.embeds"/>
        </testsuite>
        <testsuite name="nospy.external-links" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.external-links"/>
        </testsuite>
        <testsuite name="nospy.headers" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.headers"/>
        </testsuite>
        <testsuite name="nospy.input" tests="1" failures="1" errors="0" skipped="0">
          <testcase name="input/unreadable dist/legacy/broken.html" classname="nospy.input" file="dist/legacy/broken.html">
            <failure type="input/unreadable" message="legacy/broken.html could not be read (cannot decode as UTF-8)">dist/legacy/broken.html
      Policy: /privacy/</failure>
          </testcase>
        </testsuite>
        <testsuite name="nospy.suppressions" tests="1" failures="0" errors="0" skipped="0">
          <testcase name="no findings" classname="nospy.suppressions"/>
        </testsuite>
      </testsuites>"
    `);
  });
});

describe('github reporter', () => {
  it('prints only the summary for an empty report', () => {
    expect(formatGithub(reports.empty)).toMatchInlineSnapshot(`"✔ No privacy problems in 12 files"`);
  });

  it('annotates each finding, escaping workflow-command data and properties', () => {
    expect(formatGithub(reports.edgeCases)).toMatchInlineSnapshot(`
      "::error file=dist/contact/index.html,line=12,col=5,title=forms/post-to-cdn::Form posts to the CDN host www.example.ca; send it to https://origin.example.ca%0APolicy: /privacy/#forms
      ::error file=dist/legacy/broken.html,title=input/unreadable::legacy/broken.html could not be read (cannot decode as UTF-8)%0APolicy: /privacy/
      ::warning file=dist/über uns/seite 1.html,line=3,col=17,title=trackers/known-tracker::Loads Google Analytics, 100%25 a tracker:%0Aremove it, or "allow" it <explicitly> & say so%0APolicy: /privacy/#cookies
      ✖ 2 errors, 1 warning in 3 files"
    `);
  });
});

it('has a reporter for every format', () => {
  expect(Object.keys(reporters).sort()).toEqual(['github', 'json', 'junit', 'markdown', 'sarif', 'text']);
});

describe('repeated findings', () => {
  it('text folds the same finding in later files into one line under the first; JSON keeps every location', () => {
    expect(formatText(reports.repeated)).toMatchInlineSnapshot(`
      "dist/a.html
        dist/a.html:4:3  error    Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.  trackers/known-tracker
            policy: /privacy/#tracking
            and 4 more files: dist/b.html:4:3, dist/c.html:4:3, dist/d.html:4:3, …

        dist/a.html:8:3  error    Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.  trackers/known-tracker
            policy: /privacy/#tracking

      ✖ 6 errors, 0 warnings in 5 files"
    `);
    expect(JSON.parse(formatJson(reports.repeated)).findings).toHaveLength(6);
  });
});

describe('suppressed findings', () => {
  it('count in summary.suppressed, not in errors or warnings, and keep their place in JSON', () => {
    const { summary, findings } = JSON.parse(formatJson(reports.suppressed));
    expect(summary).toEqual({
      files: 2,
      errors: 1,
      warnings: 0,
      suppressed: 4,
      baseline: { file: 'nospy.baseline.json', matched: 1, unmatched: 2 },
    });
    expect(findings.map((finding: { suppressed?: { kind: string } }) => finding.suppressed?.kind)).toEqual([
      'inline',
      'config',
      'baseline',
      'inline',
      undefined,
    ]);
  });

  it('text: counted in the summary, listed with their reason only with showSuppressed', () => {
    expect(formatText(reports.suppressed)).toMatchInlineSnapshot(`
      "dist/about/index.html
        dist/about/index.html:20:3  error    Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.  trackers/known-tracker
            policy: /privacy/#tracking

      4 suppressed not listed; --show-suppressed lists them with their reasons
      ✖ 1 error, 0 warnings in 2 files (4 suppressed; 1 in the baseline nospy.baseline.json; 2 baseline entries no longer match, prune them with nospy baseline)"
    `);
    expect(formatText(reports.suppressed, { showSuppressed: true })).toMatchInlineSnapshot(`
      "dist/index.html
        dist/index.html:4:3  error    Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.  trackers/known-tracker
            policy: /privacy/#tracking
            suppressed (inline): client mandate | see ticket 12

        dist/index.html:9:3  error    Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.  trackers/known-tracker
            policy: /privacy/#tracking
            suppressed (config): partner tag until 2027

      dist/about/index.html
        dist/about/index.html:4:3  error    Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.  trackers/known-tracker
            policy: /privacy/#tracking
            suppressed (baseline): recorded in nospy.baseline.json

        dist/about/index.html:7:3  error    Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.  trackers/known-tracker
            policy: /privacy/#tracking
            suppressed (inline): no reason given

        dist/about/index.html:20:3  error    Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.  trackers/known-tracker
            policy: /privacy/#tracking

      ✖ 1 error, 0 warnings in 2 files (4 suppressed; 1 in the baseline nospy.baseline.json; 2 baseline entries no longer match, prune them with nospy baseline)"
    `);
  });

  it('sarif: inSource for inline, external for config and baseline, with the justification', () => {
    const sarif = JSON.parse(formatSarif(reports.suppressed, rules));
    expect(sarif.runs[0].results.map((result: { suppressions?: unknown }) => result.suppressions)).toEqual([
      [
        {
          kind: 'inSource',
          status: 'accepted',
          justification: 'client mandate | see ticket 12',
          properties: { nospyKind: 'inline' },
        },
      ],
      [
        {
          kind: 'external',
          status: 'accepted',
          justification: 'partner tag until 2027',
          properties: { nospyKind: 'config' },
        },
      ],
      [
        {
          kind: 'external',
          status: 'accepted',
          justification: 'recorded in nospy.baseline.json',
          properties: { nospyKind: 'baseline' },
        },
      ],
      [{ kind: 'inSource', status: 'accepted', justification: 'no reason given', properties: { nospyKind: 'inline' } }],
      undefined,
    ]);
  });

  it('junit: skipped with the reason, never failures', () => {
    const junit = formatJunit(reports.suppressed);
    expect(junit).toContain('<testsuites name="nospy" tests="13" failures="1" errors="0">');
    expect(junit).toContain('<testsuite name="nospy.trackers" tests="5" failures="1" errors="0" skipped="4">');
    expect(junit).toContain('<skipped message="suppressed (config): partner tag until 2027"/>');
  });

  it('github: no annotation, counted in the summary', () => {
    expect(formatGithub(reports.suppressed)).toMatchInlineSnapshot(`
      "::error file=dist/about/index.html,line=20,col=3,title=trackers/known-tracker::Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager.%0APolicy: /privacy/#tracking
      ✖ 1 error, 0 warnings in 2 files (4 suppressed; 1 in the baseline nospy.baseline.json; 2 baseline entries no longer match, prune them with nospy baseline)"
    `);
  });

  it('markdown: a table of what fails, the suppressed folded away with their reasons', () => {
    expect(formatMarkdown(reports.suppressed)).toMatchInlineSnapshot(`
      "## nospy: ✖ 1 error, 0 warnings in 2 files (4 suppressed; 1 in the baseline nospy.baseline.json; 2 baseline entries no longer match, prune them with nospy baseline)

      |  | rule | where | what | policy |
      |---|---|---|---|---|
      | ❌ error | \`trackers/known-tracker\` | dist/about/index.html:20:3 | Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager. | /privacy/#tracking |

      <details><summary>4 suppressed</summary>

      |  | rule | where | what | policy | suppressed |
      |---|---|---|---|---|---|
      | ❌ error | \`trackers/known-tracker\` | dist/index.html:4:3 | Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager. | /privacy/#tracking | inline: client mandate \\| see ticket 12 |
      | ❌ error | \`trackers/known-tracker\` | dist/index.html:9:3 | Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager. | /privacy/#tracking | config: partner tag until 2027 |
      | ❌ error | \`trackers/known-tracker\` | dist/about/index.html:4:3 | Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager. | /privacy/#tracking | baseline: recorded in nospy.baseline.json |
      | ❌ error | \`trackers/known-tracker\` | dist/about/index.html:7:3 | Page requests www.googletagmanager.com (script), run by the tracker Google Tag Manager. | /privacy/#tracking | inline: no reason given |

      </details>"
    `);
    expect(formatMarkdown(reports.empty)).toBe('## nospy: ✔ No privacy problems in 12 files');
  });
});
