import { describe, expect, it } from 'vitest';
import { fieldKind, formMethod, isSubmitButton } from '../../scanners/gather/form-fields.ts';

describe('fieldKind', () => {
  it.each([
    ['input', { type: 'email' }, 'email'],
    ['input', { type: ' EMAIL ' }, 'email'],
    ['input', { type: 'tel' }, 'tel'],
    ['input', { type: 'password' }, 'password'],
    ['input', { type: 'hidden', name: 'email' }, 'hidden'],
    ['input', {}, 'text'],
    ['input', { type: 'text' }, 'text'],
    ['input', { type: 'bogus' }, 'text'],
    ['input', { name: 'email' }, 'email'],
    ['input', { name: 'e-mail' }, 'email'],
    ['input', { id: 'userEmail' }, 'email'],
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
    ['input', { type: 'file' }, 'other'],
    ['textarea', { name: 'message' }, 'text'],
    ['textarea', { name: 'address' }, 'address'],
    ['select', { name: 'topic' }, 'other'],
    ['select', { autocomplete: 'country' }, 'address'],
  ])('classifies <%s %j> as %s', (element, attributes, kind) => {
    expect(fieldKind(element, attributes as Record<string, string>)).toBe(kind);
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
