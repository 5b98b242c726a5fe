import { describe } from 'vitest';
import rule from '../../../scanners/rules/forms/post-to-cdn.ts';
import { observe, testConfig, testRule } from '../support.ts';

describe('forms/post-to-cdn', () => {
  testRule(rule, {
    valid: [
      { name: 'a POST to the origin', observations: [observe.form({ url: 'https://origin.example.ca/contact' })] },
      {
        name: 'a GET search form on the site',
        observations: [observe.form({ method: 'get', url: 'https://www.example.ca/search' })],
      },
      { name: 'a dialog form', observations: [observe.form({ method: 'dialog', url: 'https://www.example.ca/' })] },
      {
        name: 'a POST to a third party (another rule)',
        observations: [observe.form({ url: 'https://formspree.io/f/x' })],
      },
      { name: 'a javascript: action', observations: [observe.form({ url: 'javascript:void(0)' })] },
    ],
    invalid: [
      {
        name: 'a POST to the page itself (relative or missing action)',
        observations: [observe.form({ raw: '', url: 'https://www.example.ca/contact/', line: 12, column: 5 })],
        errors: [{ messageId: 'postToCdn', line: 12, column: 5 }],
      },
      {
        name: 'a button formaction that posts to the CDN host',
        observations: [observe.form({ via: 'formaction', element: 'button', url: 'https://www.example.ca/send' })],
        errors: [{ messageId: 'postToCdn' }],
      },
      {
        name: 'a POST to the bare first-party domain',
        observations: [observe.form({ url: 'https://example.ca/send' })],
        errors: [{ messageId: 'postToCdn' }],
      },
      {
        name: 'every POST to the site when no origin is configured',
        config: testConfig({ origin: undefined }),
        observations: [observe.form({ url: 'https://www.example.ca/contact/' })],
        errors: [{ messageId: 'noOrigin' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        {
          name: 'the ContactForm',
          html: '<form method="post" action="https://origin.example.ca/contact"><input type="email" name="email"></form>',
        },
        { name: 'a form with no method (GET)', html: '<form action="/search"><input name="q"></form>' },
        { name: 'a dialog form', html: '<dialog><form method="dialog"><button>OK</button></form></dialog>' },
      ],
      invalid: [
        {
          name: 'a POST with no action',
          html: '<p>Contact</p>\n<form method="POST"><input name="name"></form>',
          errors: [{ messageId: 'postToCdn', line: 2, column: 1 }],
        },
        {
          name: 'a relative action',
          html: '<form method="post" action="/contact"></form>',
          errors: [{ messageId: 'postToCdn' }],
        },
        {
          name: 'a submit button whose formaction overrides the origin',
          html: '<form method="post" action="https://origin.example.ca/contact">\n  <button formaction="/contact">Send</button>\n</form>',
          errors: [{ messageId: 'postToCdn', line: 2, column: 3 }],
        },
        {
          name: 'a GET form whose button posts with formmethod',
          html: '<form action="/s"><button formmethod="post">Go</button></form>',
          errors: [{ messageId: 'postToCdn', column: 19 }],
        },
      ],
    });
  });
});
