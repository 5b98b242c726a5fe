import { describe } from 'vitest';
import rule from '../../../scanners/rules/cookies/set-cookie.ts';
import { observe, testRule } from '../support.ts';

describe('cookies/set-cookie', () => {
  testRule(rule, {
    valid: [
      {
        name: 'other _headers lines',
        observations: [observe.header({ name: 'x-content-type-options', value: 'nosniff' })],
      },
      { name: 'script storage (other rules)', observations: [observe.storage({ api: 'document.cookie' })] },
    ],
    invalid: [
      {
        name: 'a Set-Cookie line in _headers',
        observations: [observe.header({ name: 'set-cookie', value: 'id=1', line: 3, column: 3 })],
        errors: [{ messageId: 'header', line: 3, column: 3 }],
      },
      {
        name: 'a <meta http-equiv="set-cookie">',
        observations: [observe.storage({ api: 'set-cookie', source: 'html', element: 'meta' })],
        errors: [{ messageId: 'meta' }],
      },
      {
        name: 'a cookie the browser saw set while crawling',
        observations: [observe.storage({ api: 'set-cookie', source: 'browser' })],
        errors: [{ messageId: 'response' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        { name: 'other http-equiv metas', html: '<meta http-equiv="content-type" content="text/html; charset=utf-8">' },
      ],
      invalid: [
        {
          name: 'a set-cookie meta in any case',
          html: '<head>\n<META HTTP-EQUIV="Set-Cookie" CONTENT="id=1">',
          errors: [{ messageId: 'meta', line: 2 }],
        },
      ],
    });
  });

  describe('in _headers', () => {
    testRule(rule, {
      valid: [
        {
          name: "the starter's headers",
          headersFile: '/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n',
        },
      ],
      invalid: [
        {
          name: 'a Set-Cookie line',
          headersFile: '/*\n  X-Content-Type-Options: nosniff\n  Set-Cookie: id=1; Secure\n',
          errors: [{ messageId: 'header', line: 3, column: 3 }],
        },
      ],
    });
  });
});
