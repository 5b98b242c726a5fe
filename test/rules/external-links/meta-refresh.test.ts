import { describe } from 'vitest';
import rule from '../../../scanners/rules/external-links/meta-refresh.ts';
import { observe, testRule } from '../support.ts';

describe('external-links/meta-refresh', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a refresh to a page of the site',
        observations: [observe.navigation({ via: 'refresh', element: 'meta', url: 'https://www.example.ca/new/' })],
      },
      { name: 'links (another rule)', observations: [observe.navigation({ url: 'https://other.example.org/' })] },
    ],
    invalid: [
      {
        name: 'a refresh to another site',
        observations: [observe.navigation({ via: 'refresh', element: 'meta', url: 'https://other.example.org/' })],
        errors: [{ messageId: 'refresh' }],
      },
      {
        name: 'a Refresh header in _headers',
        observations: [observe.navigation({ via: 'refresh', source: 'headers', url: 'https://other.example.org/' })],
        errors: [{ messageId: 'header' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        { name: "a refresh to the site's new address", html: '<meta http-equiv="refresh" content="0; url=/new/">' },
      ],
      invalid: [
        {
          name: 'a refresh to another site',
          html: '<meta http-equiv="Refresh" content="5; URL=\'https://other.example.org/\'">',
          errors: [{ messageId: 'refresh' }],
        },
      ],
    });
  });
});
