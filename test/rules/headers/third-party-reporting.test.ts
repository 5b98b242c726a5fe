import { describe } from 'vitest';
import rule from '../../../scanners/rules/headers/third-party-reporting.ts';
import { observe, testRule } from '../support.ts';

describe('headers/third-party-reporting', () => {
  testRule(rule, {
    valid: [
      { name: 'a CSP that reports to the site', observations: [observe.header({ name: 'content-security-policy', value: "default-src 'self'; report-uri /csp-report" })] },
      { name: 'third-party hosts in CSP source lists', observations: [observe.header({ name: 'content-security-policy', value: "img-src https://cdn.other.test; frame-src https://player.mediadelivery.net" })] },
      { name: 'Reporting-Endpoints on the origin', observations: [observe.header({ name: 'reporting-endpoints', value: 'default="https://origin.example.ca/reports"' })] },
    ],
    invalid: [
      {
        name: 'a CSP report-uri on a reporting service',
        observations: [observe.header({ name: 'content-security-policy', value: "default-src 'self'; report-uri https://x.report-uri.com/r/d/csp/enforce" })],
        errors: [{ messageId: 'reporting' }],
      },
      {
        name: 'each third-party endpoint of Report-To',
        observations: [observe.header({ name: 'report-to', value: '{"group":"a","endpoints":[{"url":"https://a.reports.test/r"},{"url":"https://b.reports.test/r"}]}' })],
        errors: [{ messageId: 'reporting' }, { messageId: 'reporting' }],
      },
    ],
  });

  describe('in _headers', () => {
    testRule(rule, {
      valid: [{ name: 'a report-uri on the site', headersFile: "/*\n  Content-Security-Policy: default-src 'self'; report-uri https://www.example.ca/csp\n" }],
      invalid: [{ name: 'Reporting-Endpoints on a service', headersFile: '/*\n  Reporting-Endpoints: csp="https://reports.other.test/csp"\n', errors: [{ messageId: 'reporting', line: 2, column: 3 }] }],
    });
  });
});
