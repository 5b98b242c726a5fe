import type { FieldKind, FormObservation } from '../observations.ts';
import { splitTokens } from './link-rel.ts';

type Attributes = Record<string, string>;

const INPUT_TYPE_KINDS = new Map<string, FieldKind>([
  ['email', 'email'],
  ['tel', 'tel'],
  ['password', 'password'],
  ['hidden', 'hidden'],
]);

/** Input types that carry no data the visitor typed (their name=value is fixed markup). */
const NON_FIELD_INPUT_TYPES = new Set(['submit', 'reset', 'button', 'image']);

const KNOWN_INPUT_TYPES = new Set([
  'text',
  'search',
  'url',
  'number',
  'email',
  'tel',
  'password',
  'hidden',
  'submit',
  'reset',
  'button',
  'image',
  'checkbox',
  'radio',
  'file',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
  'color',
  'range',
]);

/** Input types whose name says what the visitor types into them. */
const TEXT_INPUT_TYPES = new Set(['text', 'url', 'number']);

/** Lower-cases A–Z only: enumerated attributes match ASCII case-insensitively (the Kelvin sign is no `k`). */
export function asciiLowerCase(value: string): string {
  return value.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/**
 * An `<input>`'s type as the browser reads it: ASCII case-insensitive and not trimmed, so `type=" submit"`
 * is no known type and, like a missing one, makes a text field.
 */
export function inputType(attributes: Attributes): string {
  const type = asciiLowerCase(attributes.type ?? '');
  return KNOWN_INPUT_TYPES.has(type) ? type : 'text';
}

/** Autofill field names (HTML spec) and the data they ask for; a named field settles what a control holds. */
const AUTOCOMPLETE_KINDS = new Map<string, FieldKind>([
  // A username is an account identifier, often the person's email or real name: as identifying as a name.
  ['name', 'name'],
  ['honorific-prefix', 'name'],
  ['given-name', 'name'],
  ['additional-name', 'name'],
  ['family-name', 'name'],
  ['honorific-suffix', 'name'],
  ['nickname', 'name'],
  ['username', 'name'],
  ['email', 'email'],
  ['tel', 'tel'],
  ['street-address', 'address'],
  ['address-line1', 'address'],
  ['address-line2', 'address'],
  ['address-line3', 'address'],
  ['address-level1', 'address'],
  ['address-level2', 'address'],
  ['address-level3', 'address'],
  ['address-level4', 'address'],
  ['postal-code', 'address'],
  ['country', 'address'],
  ['country-name', 'address'],
  ['current-password', 'password'],
  ['new-password', 'password'],
  ['one-time-code', 'password'],
  ['bday', 'other'],
  ['bday-day', 'other'],
  ['bday-month', 'other'],
  ['bday-year', 'other'],
  ['sex', 'other'],
  ['organization', 'other'],
  ['organization-title', 'other'],
  ['url', 'other'],
  ['photo', 'other'],
  ['language', 'other'],
  ['transaction-currency', 'other'],
  ['transaction-amount', 'other'],
]);

/** Whole words of a hint (see `hintWords`); ` ?` inside a pattern also matches the words written as one. */
function wordPattern(pattern: string): RegExp {
  return new RegExp(`(?:^| )(?:${pattern})(?= |$)`);
}

const NUMBER = '(?: ?(?:number|num|no|nr))?';

/**
 * Name/id hints, checked in order; the first match wins. Words, not substrings: `headphone`,
 * `telescope` and `hotel` hold no phone number. "mobile" and "cell" name a number only at the end
 * (`mobile`, `contact-mobile-no`): `mobile-search`, `mobileNav` are the mobile layout's widgets.
 */
const WORD_HINTS: Array<[RegExp, FieldKind]> = [
  [wordPattern('(?:your|user|contact|work|home)?(?:e ?)?mail(?: ?address)?'), 'email'],
  [
    wordPattern(
      `(?:your|user|contact|work|home|mobile|cell)?(?:tele?phone|phone|tel|fax)${NUMBER}|(?:mobile|cell)${NUMBER}$`,
    ),
    'tel',
  ],
  [wordPattern('card ?(?:num|number|no)|cc ?(?:num|number|exp|csc|cvc)|cvc|cvv|csc|credit ?card'), 'payment'],
  [wordPattern('(?:street ?)?address(?: ?line)?|street|zip(?: ?code)?|postal(?: ?code)?|post ?code'), 'address'],
];

/**
 * A person's name: the whole field is a name, maybe of a given part (`lastName`, `full-name`,
 * `user[name]`), not a thing's name (`company_name`, `hostname`, `filename`). `username` counts:
 * see AUTOCOMPLETE_KINDS.
 */
const PERSON_NAME = /^(?:your ?)?(?:(?:first|last|full|given|family|middle|sur|nick|user|f|l) ?)?name$/;

/** Words that make a control a search box, whatever else its name says (`phone-search` looks for phones). */
const SEARCH_WORDS = wordPattern('search|query|keywords?');

/**
 * The lower-case words of a name or id: split at case changes and at anything but letters (`mobileSearchInput`,
 * `user[e-mail]`, `phone_2`).
 */
function hintWords(hint: string): string {
  return hint
    .replace(/(\p{Ll})(\p{Lu})|(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1$3 $2$4')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '')
    .join(' ');
}

/** The kind an autofill field name in `autocomplete` asks for; undefined when it names none (`on`, `off`). */
function kindFromAutocomplete(value: string | undefined): FieldKind | undefined {
  if (value === undefined) return undefined;
  for (const token of splitTokens(value)) {
    if (token.startsWith('cc-')) return 'payment';
    if (token.startsWith('tel-')) return 'tel';
    const kind = AUTOCOMPLETE_KINDS.get(token);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

/** The kind a name or id hints at; null for a search box, which holds no personal data whatever else it says. */
function kindFromHint(hint: string): FieldKind | null | undefined {
  const words = hintWords(hint);
  if (SEARCH_WORDS.test(words)) return null;
  for (const [pattern, kind] of WORD_HINTS) if (pattern.test(words)) return kind;
  // `contact[name]`, `Contact.Name`: the field is the last part of a nested name.
  const field = hintWords(hint.slice(Math.max(hint.lastIndexOf('['), hint.lastIndexOf('.')) + 1));
  return PERSON_NAME.test(field) ? 'name' : undefined;
}

/** What the name, or failing that the id, says the visitor types (null: a search box). */
function kindFromName(attributes: Attributes): FieldKind | null | undefined {
  for (const hint of [attributes.name, attributes.id]) {
    if (hint === undefined || hint.trim() === '') continue;
    const kind = kindFromHint(hint);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

/**
 * The kind of personal data a form control submits; undefined for controls that submit nothing the
 * visitor typed (buttons) or nothing at all (no `name`: the browser leaves it out of the form data).
 * The input `type` and an autofill field name in `autocomplete` are the author's word and decide
 * when they say something (`type=search` is a query unless `autocomplete` says otherwise); the
 * name and id are only hints, read as words.
 */
export function fieldKind(element: string, attributes: Attributes): FieldKind | undefined {
  if (attributes.name === undefined || attributes.name === '') return undefined;
  let textLike = element === 'textarea';
  if (element === 'input') {
    const type = inputType(attributes);
    if (NON_FIELD_INPUT_TYPES.has(type)) return undefined;
    const byType = INPUT_TYPE_KINDS.get(type);
    if (byType !== undefined) return byType;
    if (type === 'search') return kindFromAutocomplete(attributes.autocomplete) ?? 'text';
    textLike = TEXT_INPUT_TYPES.has(type);
  } else if (element !== 'textarea' && element !== 'select') {
    return undefined;
  }
  const named =
    kindFromAutocomplete(attributes.autocomplete) ??
    (textLike || element === 'select' ? kindFromName(attributes) : undefined);
  return named ?? (textLike ? 'text' : 'other');
}

/**
 * Does this element submit its form (`<button>` of type submit, `<input type=submit|image>`)? A button's type
 * is read as an input's is; any value but `reset` or `button` (`" reset"` included) makes it a submit button.
 */
export function isSubmitButton(element: string, attributes: Attributes): boolean {
  if (element === 'button') {
    const type = asciiLowerCase(attributes.type ?? '');
    return type !== 'reset' && type !== 'button';
  }
  if (element !== 'input') return false;
  const type = inputType(attributes);
  return type === 'submit' || type === 'image';
}

/** A form's `method` (or a button's `formmethod`) as the browser reads it: unknown values mean GET. */
export function formMethod(value: string | undefined): FormObservation['method'] {
  const method = (value ?? '').trim().toLowerCase();
  return method === 'post' || method === 'dialog' ? method : 'get';
}

/**
 * The kinds of data a URL's query carries in parameters whose value is only known at run time (`hole` marks such a
 * value in `shape`, the URL as far as it is known): `?email=␣&src=site` carries an email. A parameter's name is read
 * as a form field's name is.
 */
export function queryFieldKinds(shape: string, hole: string): FieldKind[] {
  const start = shape.indexOf('?');
  if (start === -1) return [];
  const end = shape.indexOf('#', start);
  const kinds = new Set<FieldKind>();
  for (const parameter of shape.slice(start + 1, end === -1 ? undefined : end).split('&')) {
    const equals = parameter.indexOf('=');
    if (equals <= 0 || !parameter.includes(hole, equals)) continue;
    const name = parameter.slice(0, equals);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replaceAll('+', ' '));
    } catch {
      // A malformed escape: read the name as written.
    }
    const kind = name.includes(hole) ? undefined : kindFromHint(decoded);
    if (kind) kinds.add(kind);
  }
  return [...kinds];
}
