import { describe } from 'vitest';
import rule from '../../../scanners/rules/forms/personal-data-in-url.ts';
import { observe, testRule } from '../support.ts';

const search = 'https://www.example.ca/search';

describe('forms/personal-data-in-url', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a GET search form',
        observations: [observe.form({ method: 'get', url: search, fields: ['text', 'hidden'] })],
      },
      {
        name: 'a POST with personal data',
        observations: [observe.form({ url: 'https://origin.example.ca/c', fields: ['email', 'name'] })],
      },
      {
        name: 'a dialog form with personal data',
        observations: [observe.form({ method: 'dialog', url: search, fields: ['email'] })],
      },
    ],
    invalid: [
      {
        name: 'a GET newsletter form with an email field',
        observations: [observe.form({ method: 'get', url: search, fields: ['email'] })],
        errors: [{ messageId: 'personalData' }],
      },
      {
        name: 'a GET form with a password and card number, once',
        observations: [observe.form({ method: 'get', url: search, fields: ['password', 'payment', 'payment'] })],
        errors: [{ messageId: 'personalData' }],
      },
    ],
  });

  describe('in HTML', () => {
    testRule(rule, {
      valid: [
        { name: 'a search form', html: '<form action="/search"><input type="search" name="q"></form>' },
        {
          name: "the mobile layout's search box",
          html: '<form action="/search/" method="get" role="search"><input type="search" id="mobile-search" name="q"></form>',
        },
        {
          name: 'a text search box with a camelCase mobile id',
          html: '<form action="/search/"><input type="text" name="q" id="mobileSearchInput"></form>',
        },
        {
          name: 'a product finder',
          html: '<form action="/shop/"><input name="q" id="headphone-finder"><input name="telescope"></form>',
        },
        {
          name: 'an email field without a name, which is never submitted',
          html: '<form action="/search/"><input type="email" id="email"><input name="q"></form>',
        },
      ],
      invalid: [
        {
          name: 'a GET newsletter form',
          html: '<form action="/subscribe">\n<input type="email" name="email">\n</form>',
          errors: [{ messageId: 'personalData' }],
        },
        {
          name: 'a form with no method and a phone field',
          html: '<form><label>Phone <input name="phone"></label></form>',
          errors: [{ messageId: 'personalData' }],
        },
        {
          name: 'a search box that autofills an email address',
          html: '<form action="/find"><input type="search" name="q" autocomplete="email"></form>',
          errors: [{ messageId: 'personalData' }],
        },
        {
          name: 'a callback form with a mobile number',
          html: '<form action="/callback"><input name="q" id="contactMobile"></form>',
          errors: [{ messageId: 'personalData' }],
        },
      ],
    });
  });
});
