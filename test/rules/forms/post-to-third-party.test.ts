import { describe } from 'vitest';
import rule from '../../../scanners/rules/forms/post-to-third-party.ts';
import { observe, testConfig, testRule } from '../support.ts';

describe('forms/post-to-third-party', () => {
  testRule(rule, {
    valid: [
      { name: 'a POST to the origin', observations: [observe.form({ url: 'https://origin.example.ca/contact' })] },
      {
        name: 'a GET form to a third party (a search box)',
        observations: [observe.form({ method: 'get', url: 'https://duckduckgo.com/' })],
      },
      { name: 'a dialog form', observations: [observe.form({ method: 'dialog', url: 'https://formspree.io/f/x' })] },
    ],
    invalid: [
      {
        name: 'Formspree by name',
        observations: [observe.form({ url: 'https://formspree.io/f/abc' })],
        errors: [{ messageId: 'vendor', vendor: 'Formspree' }],
      },
      {
        name: 'Mailchimp list-manage',
        observations: [observe.form({ url: 'https://example.us1.list-manage.com/subscribe/post?u=1' })],
        errors: [{ messageId: 'vendor', vendor: 'Mailchimp' }],
      },
      {
        name: 'Google Forms',
        observations: [observe.form({ url: 'https://docs.google.com/forms/d/e/x/formResponse' })],
        errors: [{ messageId: 'vendor', vendor: 'Google Forms' }],
      },
      {
        name: 'a formaction to HubSpot',
        observations: [observe.form({ via: 'formaction', url: 'https://forms.hsforms.com/submissions/v3' })],
        errors: [{ messageId: 'vendor', vendor: 'HubSpot' }],
      },
      {
        name: 'a vendor known only to third-party-web',
        observations: [observe.form({ url: 'https://www.facebook.com/tr' })],
        errors: [{ messageId: 'vendor', vendor: 'Facebook' }],
      },
      {
        name: 'an unknown host',
        observations: [observe.form({ url: 'https://forms.unknown.test/x' })],
        errors: [{ messageId: 'thirdParty' }],
      },
      {
        name: 'a POST to an allowed host too',
        config: testConfig({ allowHosts: ['formspree.io'] }),
        observations: [observe.form({ url: 'https://formspree.io/f/abc' })],
        errors: [{ messageId: 'vendor' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        {
          name: 'a GET search form to a search engine',
          html: '<form action="https://duckduckgo.com/"><input name="q"></form>',
        },
      ],
      invalid: [
        {
          name: 'a Formspree form',
          html: '<form method="post" action="https://formspree.io/f/abc"><input type="email" name="email"></form>',
          errors: [{ messageId: 'vendor', vendor: 'Formspree' }],
        },
        {
          name: 'a relative action under a third-party <base href>',
          html: '<base href="https://forms.other.test/">\n<form method="post" action="submit"></form>',
          errors: [{ messageId: 'thirdParty', line: 2 }],
        },
      ],
    });
  });
});
