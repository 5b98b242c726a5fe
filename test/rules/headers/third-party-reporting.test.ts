import { describe, expect, it } from 'vitest';
import { gatherHeaders } from '../../../scanners/gather/site-files/headers.ts';
import rule from '../../../scanners/rules/headers/third-party-reporting.ts';
import { observe, testConfig, testRule } from '../support.ts';

describe('headers/third-party-reporting', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a CSP that reports to the site',
        observations: [
          observe.header({ name: 'content-security-policy', value: "default-src 'self'; report-uri /csp-report" }),
        ],
      },
      {
        name: 'third-party hosts in CSP source lists',
        observations: [
          observe.header({
            name: 'content-security-policy',
            value: 'img-src https://cdn.other.test; frame-src https://player.mediadelivery.net',
          }),
        ],
      },
      {
        name: 'Reporting-Endpoints on the origin',
        observations: [
          observe.header({ name: 'reporting-endpoints', value: 'default="https://origin.example.ca/reports"' }),
        ],
      },
      {
        name: "relative endpoints, which browsers resolve against the site's page",
        observations: [
          observe.header({ name: 'reporting-endpoints', value: 'csp="/reports/csp", nel="reports/nel"' }),
          observe.header({ name: 'report-to', value: '{"group":"csp","endpoints":[{"url":"/reports"}]}' }),
          observe.header({
            name: 'content-security-policy-report-only',
            value: "default-src 'self'; report-uri /csp ../csp-2",
          }),
        ],
      },
      {
        name: 'a report-to directive, which names a group and no URL',
        observations: [
          observe.header({ name: 'content-security-policy', value: "default-src 'self'; report-to https-group" }),
        ],
      },
      {
        name: 'a host that only appears as a Reporting-Endpoints parameter',
        observations: [observe.header({ name: 'reporting-endpoints', value: 'default="/r";note="https://x.test/"' })],
      },
    ],
    invalid: [
      {
        name: 'a CSP report-uri on a reporting service',
        observations: [
          observe.header({
            name: 'content-security-policy',
            value: "default-src 'self'; report-uri https://x.report-uri.com/r/d/csp/enforce",
          }),
        ],
        errors: [{ messageId: 'reporting' }],
      },
      {
        name: 'a scheme-relative report-uri, which the browser sends to that host',
        observations: [
          observe.header({
            name: 'content-security-policy',
            value: "default-src 'self'; report-uri //h12.evil.test/csp",
          }),
        ],
        errors: [{ messageId: 'reporting' }],
      },
      {
        name: 'every URL of every report-uri, in each policy of a comma-joined header',
        observations: [
          observe.header({
            name: 'content-security-policy',
            value: "report-uri /csp https://a.reports.test/r, img-src 'self'; REPORT-URI https://b.reports.test/r",
          }),
        ],
        errors: [{ messageId: 'reporting' }, { messageId: 'reporting' }],
      },
      {
        name: 'scheme-relative and escaped endpoints of Reporting-Endpoints and Report-To',
        observations: [
          observe.header({ name: 'reporting-endpoints', value: 'csp="//a.reports.test/r", default="/r"' }),
          observe.header({
            name: 'report-to',
            value: '{"group":"g","endpoints":[{"url":"https:\\/\\/b.reports.test\\/r"},{"url":"//c.reports.test/r"}]}',
          }),
        ],
        errors: [{ messageId: 'reporting' }, { messageId: 'reporting' }, { messageId: 'reporting' }],
      },
      {
        name: 'each third-party endpoint of Report-To',
        observations: [
          observe.header({
            name: 'report-to',
            value: '{"group":"a","endpoints":[{"url":"https://a.reports.test/r"},{"url":"https://b.reports.test/r"}]}',
          }),
        ],
        errors: [{ messageId: 'reporting' }, { messageId: 'reporting' }],
      },
    ],
  });

  it('names the host and URL a scheme-relative or escaped endpoint reaches', () => {
    const hosts = (name: string, value: string) =>
      gatherHeaders(`/*\n  ${name}: ${value}\n`, '_headers', testConfig().site)
        .filter((observation) => observation.kind === 'header')
        .flatMap((header) => [rule.check(header, testConfig()) ?? []].flat())
        .map((hit) => `${hit.host} ${hit.url}`);
    expect(hosts('content-security-policy', "default-src 'self'; report-uri //h12.evil.test/csp")).toEqual([
      'h12.evil.test https://h12.evil.test/csp',
    ]);
    expect(
      hosts(
        'report-to',
        '{"endpoints":[{"url":"https:\\/\\/b.reports.test\\/r"}]}, {"endpoints":[{"url":"//c.reports.test/r"}]}',
      ),
    ).toEqual(['b.reports.test https://b.reports.test/r', 'c.reports.test https://c.reports.test/r']);
    expect(hosts('reporting-endpoints', 'csp="//a.reports.test/r\\"x", default="/r"')).toEqual([
      'a.reports.test https://a.reports.test/r%22x',
    ]);
  });

  describe('in _headers', () => {
    testRule(rule, {
      valid: [
        {
          name: 'a report-uri on the site',
          headersFile: "/*\n  Content-Security-Policy: default-src 'self'; report-uri https://www.example.ca/csp\n",
        },
      ],
      invalid: [
        {
          name: 'a scheme-relative report-uri on an unindented line',
          headersFile: "/*\nContent-Security-Policy: default-src 'self'; report-uri //h12.evil.test/csp\n",
          errors: [{ messageId: 'reporting', line: 2, column: 1 }],
        },
        {
          name: 'Reporting-Endpoints on a service',
          headersFile: '/*\n  Reporting-Endpoints: csp="https://reports.other.test/csp"\n',
          errors: [{ messageId: 'reporting', line: 2, column: 3 }],
        },
      ],
    });
  });
});
