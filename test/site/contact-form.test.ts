import { describe, expect, it } from 'vitest';
import { formFields, type FieldName } from '../../origin/form.ts';
import { loadPage } from './support.ts';

const $ = await loadPage('contact/index.html');
const form = $('form');

const visibleFields = [
  { name: 'name', autocomplete: 'name', required: true },
  { name: 'business', autocomplete: 'organization', required: false },
  { name: 'position', autocomplete: 'organization-title', required: false },
  { name: 'email', autocomplete: 'email', required: true },
  { name: 'phone', autocomplete: 'tel', required: false },
  { name: 'message', autocomplete: undefined, required: true },
];

describe('the contact form', () => {
  it('posts straight to the origin server, not the CDN', () => {
    expect(form.length).toBe(1);
    expect(form.attr('method')).toBe('post');
    expect(form.attr('action')).toBe('https://origin.example.ca/contact');
  });

  it('limits each field to the length the origin receiver accepts, so no visitor loses a long message', () => {
    for (const [name, { maxLength }] of Object.entries(formFields)) {
      expect(form.find(`[name="${name as FieldName}"]`).attr('maxlength')).toBe(String(maxLength));
    }
  });

  it('has exactly the fields the privacy policy lists, plus the honeypot', () => {
    const names = form
      .find('input, textarea, select')
      .toArray()
      .map((field) => $(field).attr('name'));
    expect(names).toEqual(['name', 'business', 'position', 'email', 'phone', 'message', 'website']);
  });

  describe.each(visibleFields)('field $name', ({ name, autocomplete, required }) => {
    const field = form.find(`[name="${name}"]`);

    it('has a label that names it', () => {
      const id = field.attr('id');
      expect(id).toBeTruthy();
      expect(form.find(`label[for="${id}"]`).text().trim()).not.toBe('');
    });

    it(`has autocomplete="${autocomplete ?? '(none)'}"`, () => {
      expect(field.attr('autocomplete')).toBe(autocomplete);
    });

    it(required ? 'is required, and its label says so to sight and to screen readers' : 'is optional', () => {
      expect(field.is('[required]')).toBe(required);
      const label = form.find(`label[for="${field.attr('id')}"]`);
      expect(label.find('[aria-hidden="true"]').text()).toContain(required ? '*' : '');
      expect(label.find('.visually-hidden').text().includes('required')).toBe(required);
    });
  });

  it('uses input types that bring up the right keyboard', () => {
    expect(form.find('[name="email"]').attr('type')).toBe('email');
    expect(form.find('[name="phone"]').attr('type')).toBe('tel');
    expect(form.find('[name="message"]').prop('tagName')).toBe('TEXTAREA');
  });

  it('hides the honeypot from people, keyboards, screen readers and autofill', () => {
    const honeypot = form.find('[name="website"]');
    expect(honeypot.attr('tabindex')).toBe('-1');
    expect(honeypot.attr('autocomplete')).toBe('off');
    expect(honeypot.is('[required]')).toBe(false);
    const wrapper = honeypot.closest('[aria-hidden="true"]');
    expect(wrapper.length).toBe(1);
    expect(wrapper.attr('class')).toContain('trap');
  });

  it('links to the forms section of the privacy policy', () => {
    expect(form.find('a[href="/privacy/#forms"]').length).toBe(1);
  });

  it('has a submit button', () => {
    expect(form.find('button[type="submit"]').text().trim()).not.toBe('');
  });
});
