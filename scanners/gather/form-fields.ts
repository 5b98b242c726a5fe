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
  'text', 'search', 'url', 'number', 'email', 'tel', 'password', 'hidden', 'submit', 'reset', 'button', 'image',
  'checkbox', 'radio', 'file', 'date', 'datetime-local', 'month', 'week', 'time', 'color', 'range',
]);

/** Input types whose name says what the visitor types into them. */
const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'url', 'number']);

const AUTOCOMPLETE_KINDS = new Map<string, FieldKind>([
  ['name', 'name'], ['honorific-prefix', 'name'], ['given-name', 'name'], ['additional-name', 'name'],
  ['family-name', 'name'], ['honorific-suffix', 'name'], ['nickname', 'name'], ['username', 'name'],
  ['email', 'email'], ['tel', 'tel'], ['tel-national', 'tel'], ['tel-local', 'tel'],
  ['street-address', 'address'], ['address-line1', 'address'], ['address-line2', 'address'],
  ['address-line3', 'address'], ['address-level1', 'address'], ['address-level2', 'address'],
  ['address-level3', 'address'], ['address-level4', 'address'], ['postal-code', 'address'],
  ['country', 'address'], ['country-name', 'address'],
  ['current-password', 'password'], ['new-password', 'password'], ['one-time-code', 'password'],
  ['bday', 'other'], ['sex', 'other'], ['organization', 'other'], ['organization-title', 'other'],
]);

/** Name/id hints, checked in order; the first match wins. */
const NAME_HINTS: Array<[RegExp, FieldKind]> = [
  [/e-?mail/i, 'email'],
  [/phone|mobile|(?:^|[^a-z])tel(?![a-z])/i, 'tel'],
  [/card-?num|cc-?(?:num|number|exp|csc)|cvc|cvv/i, 'payment'],
  [/^(?:your|first|last|full|given|family|sur|f|l)?[_-]?name$/i, 'name'],
  [/address|street|zip|postal|postcode/i, 'address'],
];

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

function kindFromName(attributes: Attributes): FieldKind | undefined {
  for (const hint of [attributes.name, attributes.id]) {
    if (hint === undefined || hint === '') continue;
    for (const [pattern, kind] of NAME_HINTS) if (pattern.test(hint)) return kind;
  }
  return undefined;
}

/**
 * The kind of personal data a form control carries, from its type, `autocomplete` tokens and
 * name/id hints; undefined for controls that submit nothing the visitor typed (buttons).
 */
export function fieldKind(element: string, attributes: Attributes): FieldKind | undefined {
  let textLike = element === 'textarea';
  if (element === 'input') {
    const type = (attributes.type ?? '').trim().toLowerCase();
    if (NON_FIELD_INPUT_TYPES.has(type)) return undefined;
    const byType = INPUT_TYPE_KINDS.get(type);
    if (byType !== undefined) return byType;
    // An unknown type is a text field to the browser.
    textLike = TEXT_INPUT_TYPES.has(type) || !KNOWN_INPUT_TYPES.has(type);
  } else if (element !== 'textarea' && element !== 'select') {
    return undefined;
  }
  const named = kindFromAutocomplete(attributes.autocomplete) ?? ((textLike || element === 'select') ? kindFromName(attributes) : undefined);
  return named ?? (textLike ? 'text' : 'other');
}

/** Does this element submit its form (`<button>` of type submit, `<input type=submit|image>`)? */
export function isSubmitButton(element: string, attributes: Attributes): boolean {
  const type = (attributes.type ?? '').trim().toLowerCase();
  if (element === 'button') return type !== 'reset' && type !== 'button';
  return element === 'input' && (type === 'submit' || type === 'image');
}

/** A form's `method` (or a button's `formmethod`) as the browser reads it: unknown values mean GET. */
export function formMethod(value: string | undefined): FormObservation['method'] {
  const method = (value ?? '').trim().toLowerCase();
  return method === 'post' || method === 'dialog' ? method : 'get';
}
