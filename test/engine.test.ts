import { describe, expect, it } from 'vitest';
import { compareFindings, inputFindings, oneFindingPerCodePath, runRules } from '../scanners/engine.ts';
import { defineRule } from '../scanners/rules/define-rule.ts';
import type { Finding } from '../scanners/report.ts';
import { observe, testConfig } from './rules/support.ts';

const config = testConfig();

describe('runRules', () => {
  it("stamps a finding with the rule, severity, policy, location, message and the observation's url and host", () => {
    const form = observe.form({
      url: 'https://www.example.ca/contact/',
      line: 12,
      column: 5,
      evidence: '<form method="post">',
    });
    expect(runRules([form], config)).toEqual([
      {
        ruleId: 'forms/post-to-cdn',
        category: 'forms',
        severity: 'error',
        file: 'index.html',
        line: 12,
        column: 5,
        message:
          'Form posts to www.example.ca, the CDN; send it to the origin server https://origin.example.ca (nospy fix does this).',
        url: 'https://www.example.ca/contact/',
        host: 'www.example.ca',
        evidence: '<form method="post">',
        policy: '/privacy/#forms',
      },
    ]);
  });

  it("links the policy clause on the site's own policyPage", () => {
    const form = observe.form({ url: 'https://www.example.ca/contact/' });
    const legal = testConfig({ policyPage: '/legal/data-protection/' });
    expect(runRules([form], legal)[0]!.policy).toBe('/legal/data-protection/#forms');
    expect(inputFindings('a.html', 'EACCES', legal)[0]!.policy).toBe('/legal/data-protection/');
    const elsewhere = testConfig({ policyPage: 'https://client.example/privacy' });
    expect(runRules([form], elsewhere)[0]!.policy).toBe('https://client.example/privacy#forms');
  });

  it('names the vendor a rule found', () => {
    const [finding] = runRules([observe.request({ url: 'https://www.googletagmanager.com/gtm.js' })], config);
    expect(finding).toMatchObject({
      ruleId: 'trackers/known-tracker',
      category: 'trackers',
      vendor: 'Google Tag Manager',
    });
  });

  it('applies severity overrides and skips rules turned off', () => {
    const storage = observe.storage({ api: 'localStorage' });
    const link = observe.navigation({ url: 'https://other.example.org/' });
    const overridden = testConfig({ rules: { 'cookies/storage': 'warning', 'external-links/unmarked': 'off' } });
    expect(runRules([storage, link], overridden).map(({ ruleId, severity }) => ({ ruleId, severity }))).toEqual([
      { ruleId: 'cookies/storage', severity: 'warning' },
    ]);
    expect(runRules([storage, link], config).map(({ severity }) => severity)).toEqual(['error', 'error']);
  });

  it('leaves out url, host, vendor and evidence that nothing provides', () => {
    const [finding] = runRules([observe.storage({ api: 'document.cookie' })], config);
    expect(Object.keys(finding)).toEqual([
      'ruleId',
      'category',
      'severity',
      'file',
      'line',
      'column',
      'message',
      'policy',
    ]);
  });

  it("uses a hit's own location, url and data over the observation's", () => {
    const rule = defineRule({
      id: 'test/custom',
      category: 'headers',
      severity: 'warning',
      policy: '/privacy/#headers',
      docs: 'Test.',
      fix: 'Test.',
      messages: { found: 'Found {what} and {missing}.' },
      observes: ['header'],
      check: () => [
        {
          messageId: 'found',
          data: { what: 'it' },
          at: { file: '_headers', line: 4, column: 3 },
          url: 'https://r.test/',
          host: 'r.test',
        },
      ],
    });
    const header = observe.header({ name: 'report-to', value: 'x', line: 1, column: 1 });
    expect(runRules([header, observe.storage({ api: 'localStorage' })], config, [rule])).toEqual([
      {
        ruleId: 'test/custom',
        category: 'headers',
        severity: 'warning',
        file: '_headers',
        line: 4,
        column: 3,
        message: 'Found it and {missing}.',
        url: 'https://r.test/',
        host: 'r.test',
        policy: '/privacy/#headers',
      },
    ]);
  });

  it('accepts any iterable of observations', () => {
    function* observations() {
      yield observe.storage({ api: 'sessionStorage' });
    }
    expect(runRules(observations(), config)).toHaveLength(1);
  });
});

describe('inputFindings', () => {
  it('reports an unreadable file as an input error at 1:1', () => {
    expect(inputFindings('broken.html', 'invalid UTF-8', config)).toEqual([
      {
        ruleId: 'input/unreadable',
        category: 'input',
        severity: 'error',
        file: 'broken.html',
        line: 1,
        column: 1,
        message: expect.stringContaining('invalid UTF-8'),
        policy: '/privacy/',
      },
    ]);
  });

  it('follows the config: a warning when lowered, nothing when off', () => {
    const lowered = testConfig({ rules: { 'input/unreadable': 'warning' } });
    expect(inputFindings('broken.html', 'invalid UTF-8', lowered)[0].severity).toBe('warning');
    expect(inputFindings('broken.html', 'invalid UTF-8', testConfig({ rules: { 'input/unreadable': 'off' } }))).toEqual(
      [],
    );
  });
});

describe('compareFindings', () => {
  const finding = (file: string, line?: number, column?: number, ruleId = 'a/b', message = 'm'): Finding => ({
    ruleId,
    category: 'forms',
    severity: 'error',
    file,
    line,
    column,
    message,
    policy: '/privacy/#forms',
  });

  it('orders by file, line, column, rule id, then message, by code unit', () => {
    const sorted = [
      finding('b.html', 1, 1),
      finding('a.html', 2, 1),
      finding('a.html', 1, 9, 'z/z'),
      finding('a.html', 1, 9, 'a/a', 'y'),
      finding('a.html', 1, 9, 'a/a', 'x'),
      finding('a.html'),
      finding('B.html', 1, 1),
    ].sort(compareFindings);
    expect(sorted.map((f) => `${f.file}:${f.line ?? '-'}:${f.column ?? '-'} ${f.ruleId} ${f.message}`)).toEqual([
      'B.html:1:1 a/b m',
      'a.html:-:- a/b m',
      'a.html:1:9 a/a x',
      'a.html:1:9 a/a y',
      'a.html:1:9 z/z m',
      'a.html:2:1 a/b m',
      'b.html:1:1 a/b m',
    ]);
  });
});

describe('oneFindingPerCodePath', () => {
  const finding = (fields: Partial<Finding>): Finding => ({
    ruleId: 'trackers/tracking-snippet',
    category: 'trackers',
    severity: 'error',
    file: 'index.html',
    line: 3,
    column: 1,
    message: 'Script calls gtag.',
    policy: '/privacy/#tracking',
    ...fields,
  });

  it("counts a rule's repeats on one line with the same message once, the first kept", () => {
    const findings = [
      finding({ column: 9 }),
      finding({ column: 30 }),
      finding({ line: 4 }),
      finding({ column: 40, message: 'Script calls fbq.' }),
    ];
    expect(oneFindingPerCodePath(findings)).toEqual([findings[0], findings[2], findings[3]]);
  });

  it('leaves out the tracker finding of a player embed that embeds/third-party-player reports', () => {
    const url = 'https://www.youtube.com/embed/x';
    const player = finding({
      ruleId: 'embeds/third-party-player',
      category: 'embeds',
      url,
      message: 'Page embeds a YouTube player.',
    });
    const tracker = finding({ ruleId: 'trackers/known-tracker', url, message: 'Page requests www.youtube.com.' });
    const thumbnail = finding({
      ruleId: 'trackers/known-tracker',
      url: 'https://i.ytimg.com/t.jpg',
      message: 'Page requests i.ytimg.com.',
    });
    expect(oneFindingPerCodePath([player, tracker, thumbnail])).toEqual([player, thumbnail]);
    expect(oneFindingPerCodePath([tracker])).toEqual([tracker]);
  });
});
