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

/** Each field's name for people: in the mail and on the receiver's pages. */
export const fieldLabels: Record<FieldName, string> = {
  name: 'Name',
  business: 'Business',
  position: 'Position',
  email: 'Email',
  phone: 'Phone',
  message: 'Message',
};
export type Submission = Record<FieldName, string>;

/** The hidden field only bots fill in. */
export const honeypotField = 'website';

/**
 * The largest body the form can send: every field at its maximum in the worst case of either encoding, a 4-byte
 * UTF-8 character percent-encoded (12 bytes), plus room for names, separators, the honeypot and multipart headers.
 */
export const maxBodyBytes =
  Object.entries(formFields).reduce((sum, [name, { maxLength }]) => sum + name.length + 2 + maxLength * 12, 0) + 4096;

/** Why a field cannot be sent as it is. */
export type Problem = 'missing' | 'too-long' | 'malformed';

/**
 * What a posted form turned out to be. `invalid` names the field (or `form`) the visitor should fix and keeps what
 * they typed, to give it back.
 */
export type FormVerdict =
  | { kind: 'valid'; submission: Submission }
  | { kind: 'spam' }
  | { kind: 'invalid'; reason: FieldName | 'form'; problem: Problem; submission: Submission };

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
  let invalid: { reason: FieldName | 'form'; problem: Problem } | undefined;
  for (const [field, rule] of Object.entries(formFields) as [FieldName, (typeof formFields)[FieldName]][]) {
    const raw = form.get(field) ?? '';
    // The form has no file input; an uploaded file is not something a visitor did.
    if (typeof raw !== 'string') {
      invalid ??= { reason: 'form', problem: 'malformed' };
      submission[field] = '';
      continue;
    }
    const value = rule.multiline ? cleanMultiLine(raw) : cleanSingleLine(raw);
    submission[field] = value;
    // maxlength counts characters, whatever their script; a string's length would count an emoji twice.
    if (characterCount(value) > rule.maxLength) invalid ??= { reason: field, problem: 'too-long' };
    else if (rule.required && value === '') invalid ??= { reason: field, problem: 'missing' };
  }
  if (!invalid && !isEmail(submission.email)) invalid = { reason: 'email', problem: 'malformed' };
  if (!invalid && submission.phone !== '' && !isPhone(submission.phone))
    invalid = { reason: 'phone', problem: 'malformed' };
  return invalid ? { kind: 'invalid', ...invalid, submission } : { kind: 'valid', submission };
}

/** Characters as a visitor counts them: code points, so a 4-byte character is one. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _char of value) count += 1;
  return count;
}

/** A syntax check only: whether the mailbox exists is for the reply to find out. */
export function isEmail(value: string): boolean {
  return characterCount(value) <= formFields.email.maxLength && emailPattern.test(value);
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
