import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../scanners/reporters/github.ts';
import { reporters } from '../../scanners/reporters/index.ts';
import { formatJson } from '../../scanners/reporters/json.ts';
import { formatJunit } from '../../scanners/reporters/junit.ts';
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
                      "text": "A form that posts to the CDN hands what visitors type to a third party. Send it to the origin server.\\n\\nPolicy clause: /privacy/#forms",
                      "markdown": "A form that posts to the CDN hands what visitors type to a third party. Send it to the origin server.\\n\\nPolicy clause: \`/privacy/#forms\`"
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
                      "text": "Known trackers follow visitors across sites.\\n\\nPolicy clause: /privacy/#cookies",
                      "markdown": "Known trackers follow visitors across sites.\\n\\nPolicy clause: \`/privacy/#cookies\`"
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
      <testsuites name="nospy" tests="8" failures="0" errors="0">
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
      </testsuites>"
    `);
  });

  it('fails errors, passes warnings with their text, and escapes XML', () => {
    expect(formatJunit(reports.edgeCases)).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="nospy" tests="8" failures="2" errors="0">
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
  expect(Object.keys(reporters).sort()).toEqual(['github', 'json', 'junit', 'sarif', 'text']);
});
