import { describe, expect, it } from 'vitest';
import { runRules } from '../../../scanners/engine.ts';
import rule from '../../../scanners/rules/input/unparsable-script.ts';
import { gatherPage, testConfig, testRule } from '../support.ts';

describe('input/unparsable-script', () => {
  testRule(rule, {
    valid: [
      { name: 'a script that parses', html: '<script>fetch("/api")</script>' },
      { name: 'a broken script that would do nothing nospy watches', html: '<script>var a = ;</script>' },
      {
        name: 'a script nested too deep for the parser, which a browser may run',
        html: `<script>var a = ${'['.repeat(20_000)}${']'.repeat(20_000)}; document.cookie = "a=1"</script>`,
      },
    ],
    invalid: [
      {
        name: 'a template placeholder a generator left in a script, at the error',
        html: '<script>\nvar cfg = {{ config }};\nfetch("https://api.other.test/")\n</script>',
        errors: [{ messageId: 'unparsable', line: 2, column: 12 }],
      },
      {
        name: 'string code that does not parse, at the call that runs it',
        html: '<script>\neval("document.cookie = " + "\'a=1\' +");\n</script>',
        errors: [{ messageId: 'unparsable', line: 2, column: 1 }],
      },
    ],
  });

  it('turns the errors of what a broken script would do into warnings, and leaves working scripts alone', () => {
    const html = [
      '<script>',
      'var cfg = {{ config }};',
      'fetch("https://api.other.test/broken"); document.cookie = "a=1";',
      '</script>',
      '<script>fetch("https://api.other.test/works")</script>',
    ].join('\n');
    const findings = runRules(gatherPage(html), testConfig()).map((f) => `${f.line} ${f.severity} ${f.ruleId}`);
    expect(findings.sort()).toEqual([
      '2 warning input/unparsable-script',
      '3 warning cookies/script-cookie',
      '3 warning third-party/request',
      '5 error third-party/request',
    ]);
  });
});
