import { describe } from 'vitest';
import rule from '../../../scanners/rules/forms/insecure-action.ts';
import { observe, testRule } from '../support.ts';

describe('forms/insecure-action', () => {
  testRule(rule, {
    valid: [
      { name: 'an https POST', observations: [observe.form({ url: 'https://origin.example.ca/contact' })] },
      {
        name: 'an http GET (no typed data posted)',
        observations: [observe.form({ method: 'get', url: 'http://search.example.org/' })],
      },
    ],
    invalid: [
      {
        name: 'a POST to the origin over http',
        observations: [observe.form({ url: 'http://origin.example.ca/contact' })],
        errors: [{ messageId: 'insecure' }],
      },
      {
        name: 'a POST to a third party over http',
        observations: [observe.form({ url: 'http://forms.example.org/x' })],
        errors: [{ messageId: 'insecure' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        { name: 'the ContactForm', html: '<form method="post" action="https://origin.example.ca/contact"></form>' },
      ],
      invalid: [
        {
          name: 'an http action',
          html: '<form method="post" action="http://origin.example.ca/contact"></form>',
          errors: [{ messageId: 'insecure' }],
        },
      ],
    });
  });
});
