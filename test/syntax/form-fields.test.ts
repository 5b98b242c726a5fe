import { describe, expect, it } from 'vitest';
import { fieldKind, formMethod, isSubmitButton, queryFieldKinds } from '../../scanners/syntax/form-fields.ts';

describe('fieldKind', () => {
  it.each([
    ['input', { name: 'f', type: 'email' }, 'email'],
    ['input', { name: 'f', type: 'EMAIL' }, 'email'],
    // Browsers do not trim the type: " email" is no known type, so a text field, read by its name.
    ['input', { name: 'f', type: ' email ' }, 'text'],
    ['input', { name: 'email', type: ' email' }, 'email'],
    ['input', { name: 'email', type: ' submit' }, 'email'],
    ['input', { name: 'f', type: 'chec\u212Abox' }, 'text'],
    ['input', { name: 'f', type: 'tel' }, 'tel'],
    ['input', { name: 'f', type: 'password' }, 'password'],
    ['input', { type: 'hidden', name: 'email' }, 'hidden'],
    ['input', { name: 'f' }, 'text'],
    ['input', { name: 'f', type: 'text' }, 'text'],
    ['input', { name: 'f', type: 'bogus' }, 'text'],
    ['input', { name: 'email' }, 'email'],
    ['input', { name: 'e-mail' }, 'email'],
    ['input', { name: 'f', id: 'userEmail' }, 'email'],
    ['input', { name: 'phone' }, 'tel'],
    ['input', { name: 'mobile_number' }, 'tel'],
    ['input', { name: 'contact-tel' }, 'tel'],
    ['input', { name: 'hotel' }, 'text'],
    ['input', { name: 'name' }, 'name'],
    ['input', { name: 'first_name' }, 'name'],
    ['input', { name: 'lastname' }, 'name'],
    ['input', { name: 'full-name' }, 'name'],
    ['input', { name: 'company_name' }, 'text'],
    ['input', { name: 'street_address' }, 'address'],
    ['input', { name: 'zip' }, 'address'],
    ['input', { name: 'postal' }, 'address'],
    ['input', { name: 'card-number' }, 'payment'],
    ['input', { name: 'q', autocomplete: 'email' }, 'email'],
    ['input', { name: 'q', autocomplete: 'section-a shipping street-address' }, 'address'],
    ['input', { name: 'q', autocomplete: 'given-name' }, 'name'],
    ['input', { name: 'q', autocomplete: 'family-name' }, 'name'],
    ['input', { name: 'q', autocomplete: 'postal-code' }, 'address'],
    ['input', { name: 'q', autocomplete: 'cc-number' }, 'payment'],
    ['input', { name: 'q', autocomplete: 'tel-national' }, 'tel'],
    ['input', { name: 'email', autocomplete: 'off' }, 'email'],
    ['input', { type: 'checkbox', name: 'email_optin' }, 'other'],
    ['input', { name: 'f', type: 'file' }, 'other'],
    ['textarea', { name: 'message' }, 'text'],
    ['textarea', { name: 'address' }, 'address'],
    ['select', { name: 'topic' }, 'other'],
    ['select', { name: 'f', autocomplete: 'country' }, 'address'],
  ])('classifies <%s %j> as %s', (element, attributes, kind) => {
    expect(fieldKind(element, attributes as Record<string, string>)).toBe(kind);
  });

  describe("reads the type and autocomplete as the author's word", () => {
    it.each([
      // A search box is a query, whatever layout its id names.
      [{ type: 'search', name: 'q', id: 'mobile-search' }, 'text'],
      [{ type: 'search', name: 'phone' }, 'text'],
      [{ type: 'Search', name: 'email-lookup' }, 'text'],
      [{ type: 'search', name: 'q', autocomplete: 'email' }, 'email'],
      [{ type: 'search', name: 'q', autocomplete: 'off' }, 'text'],
      [{ type: 'email', name: 'q', id: 'site-search' }, 'email'],
      [{ type: 'tel', name: 'search' }, 'tel'],
      [{ type: 'password', name: 'q', autocomplete: 'username' }, 'password'],
      // An autofill field name that is not personal settles it too.
      [{ name: 'email', autocomplete: 'url' }, 'other'],
      [{ name: 'contact_phone', autocomplete: 'transaction-amount' }, 'other'],
      [{ name: 'user', autocomplete: 'username' }, 'name'],
      [{ name: 'q', autocomplete: 'mobile tel' }, 'tel'],
      [{ name: 'q', autocomplete: 'shipping tel-extension' }, 'tel'],
    ])('<input %j> is %s', (attributes, kind) => {
      expect(fieldKind('input', attributes)).toBe(kind);
    });
  });

  describe('reads names and ids as words, not substrings', () => {
    it.each([
      // The red-team repro: the mobile layout's search box and a product finder.
      [{ name: 'q', id: 'mobileSearchInput' }, 'text'],
      [{ name: 'q', id: 'mobile-search' }, 'text'],
      [{ name: 'q', id: 'headphone-finder' }, 'text'],
      [{ name: 'telescope' }, 'text'],
      [{ name: 'intel' }, 'text'],
      [{ name: 'microphone_model' }, 'text'],
      [{ name: 'q', id: 'mobileNavFilter' }, 'text'],
      [{ name: 'phone-search' }, 'text'],
      [{ name: 'voicemail' }, 'text'],
      [{ name: 'hostname' }, 'text'],
      [{ name: 'filename' }, 'text'],
      [{ name: 'domainName' }, 'text'],
      [{ name: 'mobile' }, 'tel'],
      [{ name: 'contactMobileNo' }, 'tel'],
      [{ name: 'cellphone' }, 'tel'],
      [{ name: 'telephone' }, 'tel'],
      [{ name: 'PhoneNumber' }, 'tel'],
      [{ name: 'phone_2' }, 'tel'],
      [{ name: 'tel' }, 'tel'],
      [{ name: 'fax' }, 'tel'],
      [{ name: 'mail' }, 'email'],
      [{ name: 'youremail' }, 'email'],
      [{ name: 'EmailAddress' }, 'email'],
      [{ name: 'user[e-mail]' }, 'email'],
      [{ name: 'contact[name]' }, 'name'],
      [{ name: 'Contact.FirstName' }, 'name'],
      [{ name: 'fullName' }, 'name'],
      [{ name: 'surname' }, 'name'],
      // A username identifies a person as well as a name does (often it is one, or an email address).
      [{ name: 'username' }, 'name'],
      [{ name: 'user_name' }, 'name'],
      [{ name: 'billingAddressLine1' }, 'address'],
      [{ name: 'zipcode' }, 'address'],
      [{ name: 'post-code' }, 'address'],
      [{ name: 'ccNum' }, 'payment'],
      [{ name: 'cvv' }, 'payment'],
      // The name speaks first; the id only when the name says nothing.
      [{ name: 'field_7', id: 'contact-phone' }, 'tel'],
      [{ name: 'site_search', id: 'email' }, 'text'],
    ])('<input %j> is %s', (attributes, kind) => {
      expect(fieldKind('input', attributes)).toBe(kind);
    });
  });

  it.each([
    ['input', { type: 'submit', name: 'email' }],
    ['input', { type: 'reset' }],
    ['input', { type: 'button' }],
    ['input', { type: 'image' }],
    ['button', { name: 'email' }],
    ['div', {}],
  ])('does not count <%s %j> as a field', (element, attributes) => {
    expect(fieldKind(element, attributes as Record<string, string>)).toBeUndefined();
  });

  // A control without a name is left out of the form data set: it puts nothing in the URL.
  it.each([
    ['input', { type: 'email' }],
    ['input', { type: 'email', name: '', id: 'email' }],
    ['input', { id: 'phone', autocomplete: 'tel' }],
    ['input', { type: 'password' }],
    ['textarea', { id: 'address' }],
    ['select', { autocomplete: 'country' }],
  ])('does not count <%s %j>, which has no name, as a field', (element, attributes) => {
    expect(fieldKind(element, attributes as Record<string, string>)).toBeUndefined();
  });
});

describe('isSubmitButton', () => {
  it.each([
    ['button', {}, true],
    ['button', { type: 'submit' }, true],
    ['button', { type: 'whatever' }, true],
    ['button', { type: 'button' }, false],
    ['button', { type: 'RESET' }, false],
    ['input', { type: 'submit' }, true],
    ['input', { type: 'image' }, true],
    ['input', { type: 'text' }, false],
    ['input', {}, false],
    ['input', { type: 'IMAGE' }, true],
    // Not trimmed, as in browsers: an invalid input type is a text field, an invalid button type a submit button.
    ['input', { type: ' submit' }, false],
    ['input', { type: 'image ' }, false],
    ['button', { type: ' reset' }, true],
    ['button', { type: 'button\n' }, true],
    ['select', {}, false],
  ])('<%s %j> submits: %s', (element, attributes, submits) => {
    expect(isSubmitButton(element, attributes as Record<string, string>)).toBe(submits);
  });
});

describe('formMethod', () => {
  it.each([
    [undefined, 'get'],
    ['', 'get'],
    ['POST ', 'post'],
    ['Post', 'post'],
    ['dialog', 'dialog'],
    ['put', 'get'],
    ['delete', 'get'],
  ])('reads method=%j as %s', (value, method) => {
    expect(formMethod(value)).toBe(method);
  });
});

describe('queryFieldKinds', () => {
  const hole = '\uFFFC';
  it.each([
    ['https://api.test/send?email=\uFFFC&phone=\uFFFC', ['email', 'tel']],
    ['/thanks?site=abc&customer_email=\uFFFC', ['email']],
    ['/c?first%20name=\uFFFC&contact[mobile]=\uFFFC', ['name', 'tel']],
    ['/c?street+address=\uFFFC#email=\uFFFC', ['address']],
    ['/c?email=support%40example.ca', []],
    ['/search?q=\uFFFC&mobile-search=\uFFFC', []],
    ['/c?\uFFFC=\uFFFC', []],
    ['/c#email=\uFFFC', []],
    ['/c?email', []],
  ])('reads %s as carrying %j', (shape, kinds) => {
    expect(queryFieldKinds(shape, hole)).toEqual(kinds);
  });
});
