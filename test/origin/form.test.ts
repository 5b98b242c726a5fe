import { describe, expect, it } from 'vitest';
import { isEmail, isPhone, readSubmission } from '../../origin/form.ts';

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

const complete = { name: 'Ada', email: 'ada@engines.example', message: 'Hello' };

describe('readSubmission', () => {
  it('returns every field, optional ones empty when absent', () => {
    expect(readSubmission(formOf(complete))).toEqual({
      kind: 'valid',
      submission: {
        name: 'Ada',
        business: '',
        position: '',
        email: 'ada@engines.example',
        phone: '',
        message: 'Hello',
      },
    });
  });

  it('flattens control characters and line breaks in single-line fields to one space', () => {
    const verdict = readSubmission(formOf({ ...complete, name: ' Ada\r\n\tLovelace\u2028\u0000 ', business: 'A\nB' }));
    expect(verdict).toMatchObject({ kind: 'valid', submission: { name: 'Ada Lovelace', business: 'A B' } });
  });

  it('keeps line breaks and tabs in the message, as LF, and drops other control characters', () => {
    const verdict = readSubmission(formOf({ ...complete, message: 'one\r\ntwo\rthree\n\tfour\u0007' }));
    expect(verdict).toMatchObject({ submission: { message: 'one\ntwo\nthree\n\tfour' } });
  });

  it('calls any non-empty honeypot spam, before looking at anything else', () => {
    expect(readSubmission(formOf({ website: 'x' }))).toEqual({ kind: 'spam' });
    expect(readSubmission(formOf({ ...complete, website: '  ' })).kind).toBe('valid');
  });

  it('names the field to fix', () => {
    expect(readSubmission(formOf({ ...complete, name: '' }))).toMatchObject({
      kind: 'invalid',
      reason: 'name',
      problem: 'missing',
    });
    expect(readSubmission(formOf({ ...complete, position: 'p'.repeat(201) }))).toMatchObject({
      kind: 'invalid',
      reason: 'position',
      problem: 'too-long',
    });
    expect(readSubmission(formOf({ ...complete, phone: '12' }))).toMatchObject({
      kind: 'invalid',
      reason: 'phone',
      problem: 'malformed',
    });
  });

  it('keeps what the visitor typed in an invalid form, to give it back', () => {
    const verdict = readSubmission(formOf({ ...complete, email: 'ada at engines' }));
    expect(verdict).toMatchObject({ kind: 'invalid', submission: { name: 'Ada', message: 'Hello' } });
  });

  it('counts characters as code points: 200 emoji fit a 200-character field', () => {
    expect(readSubmission(formOf({ ...complete, name: '😀'.repeat(200) })).kind).toBe('valid');
    expect(readSubmission(formOf({ ...complete, name: '😀'.repeat(201) }))).toMatchObject({ problem: 'too-long' });
  });

  it('refuses an uploaded file, which the form cannot send', () => {
    const form = formOf(complete);
    form.set('message', new Blob(['Hello']), 'message.txt');
    expect(readSubmission(form)).toMatchObject({ kind: 'invalid', reason: 'form' });
  });
});

describe('isEmail', () => {
  it.each(['ada@engines.example', 'a.b+tag@sub.example.co.uk', 'élodie@exemple.québec'])('accepts %s', (value) => {
    expect(isEmail(value)).toBe(true);
  });
  it.each([
    'ada',
    'ada@',
    '@example.ca',
    'ada@localhost',
    'ada @example.ca',
    'a@b@example.ca',
    'ada@example.',
    '<a@b.ca>',
  ])('rejects %s', (value) => expect(isEmail(value)).toBe(false));
});

describe('isPhone', () => {
  it.each(['+1 (604) 555-0199', '604.555.0199', '0044 20 7946 0958', '604-555-0199 ext. 12', '6045550199x3'])(
    'accepts %s',
    (value) => expect(isPhone(value)).toBe(true),
  );
  it.each(['12345', 'call me', '+1 604 555 0199 or 0198?', '1'.repeat(21)])('rejects %s', (value) => {
    expect(isPhone(value)).toBe(false);
  });
});
