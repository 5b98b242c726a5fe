/** The contact form's fields, as the starter's ContactForm names them. */
export const formFields = {
  name: { required: true, maxLength: 200, multiline: false },
  business: { required: false, maxLength: 200, multiline: false },
  position: { required: false, maxLength: 200, multiline: false },
  email: { required: true, maxLength: 254, multiline: false },
  phone: { required: false, maxLength: 40, multiline: false },
  message: { required: true, maxLength: 10_000, multiline: true },
} as const;

export type FieldName = keyof typeof formFields;
export type Submission = Record<FieldName, string>;

/** The hidden field only bots fill in. */
export const honeypotField = 'website';

/** What a posted form turned out to be; `invalid` names the field (or `form`) the visitor should fix. */
export type FormVerdict =
  | { kind: 'valid'; submission: Submission }
  | { kind: 'spam' }
  | { kind: 'invalid'; reason: FieldName | 'form' };

// Deliberately loose: one @, a dot in the domain, nothing that could break an address header.
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/u;
const phonePattern = /^\+?[\d\s().\-/]+(\s*(ext\.?|x)\s*\d{1,6})?$/iu;
const singleLineJunk = /[\p{Cc}\u2028\u2029]+/gu;
const multiLineJunk = /(?![\n\t])[\p{Cc}\u2028\u2029]/gu;

/** Checks a posted form and returns the cleaned submission, or why it cannot be sent. */
export function readSubmission(form: FormData): FormVerdict {
  const honeypot = form.get(honeypotField);
  if (typeof honeypot === 'string' && honeypot.trim() !== '') return { kind: 'spam' };
  const submission = {} as Submission;
  for (const [field, rule] of Object.entries(formFields) as [FieldName, (typeof formFields)[FieldName]][]) {
    const raw = form.get(field) ?? '';
    // The form has no file input; an uploaded file is not something a visitor did.
    if (typeof raw !== 'string') return { kind: 'invalid', reason: 'form' };
    const value = rule.multiline ? cleanMultiLine(raw) : cleanSingleLine(raw);
    if (value.length > rule.maxLength) return { kind: 'invalid', reason: field };
    if (rule.required && value === '') return { kind: 'invalid', reason: field };
    submission[field] = value;
  }
  if (!isEmail(submission.email)) return { kind: 'invalid', reason: 'email' };
  if (submission.phone !== '' && !isPhone(submission.phone)) return { kind: 'invalid', reason: 'phone' };
  return { kind: 'valid', submission };
}

/** A syntax check only: whether the mailbox exists is for the reply to find out. */
export function isEmail(value: string): boolean {
  return value.length <= formFields.email.maxLength && emailPattern.test(value);
}

/** Digits with the usual separators, an optional leading + and extension. */
export function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 20 && phonePattern.test(value);
}

// Header fields (subject, Reply-To name) come from single-line values: no CR/LF may survive.
function cleanSingleLine(value: string): string {
  return value.replace(singleLineJunk, ' ').replace(/\s+/g, ' ').trim();
}

function cleanMultiLine(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(multiLineJunk, '').trim();
}
