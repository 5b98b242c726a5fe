import { describe } from 'vitest';
import rule from '../../../scanners/rules/cookies/script-cookie.ts';
import { observe, testRule } from '../support.ts';

describe('cookies/script-cookie', () => {
  testRule(rule, {
    valid: [{ name: 'localStorage (another rule)', observations: [observe.storage({ api: 'localStorage' })] }],
    invalid: [
      {
        name: 'document.cookie',
        observations: [observe.storage({ api: 'document.cookie' })],
        errors: [{ messageId: 'scriptCookie' }],
      },
      {
        name: 'the Cookie Store API',
        observations: [observe.storage({ api: 'cookieStore' })],
        errors: [{ messageId: 'scriptCookie' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        { name: 'document.cookie in an escaped code sample', html: '<pre><code>document.cookie = "a=b"</code></pre>' },
        {
          name: 'document.cookie in JSON-LD',
          html: '<script type="application/ld+json">{"text": "document.cookie"}</script>',
        },
      ],
      invalid: [
        {
          name: 'a cookie written by an inline script',
          html: '<script>\n  document.cookie = "seen=1";\n</script>',
          errors: [{ messageId: 'scriptCookie', line: 2, column: 3 }],
        },
        {
          name: 'a cookie read in an onclick handler',
          html: '<button onclick="alert(document.cookie)">x</button>',
          errors: [{ messageId: 'scriptCookie', column: 24 }],
        },
      ],
    });
  });
});
