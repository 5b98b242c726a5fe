import type { FieldKind } from '../../observations.ts';

/** Field kinds that identify or describe a person. */
export const PERSONAL_FIELD_KINDS: ReadonlySet<FieldKind> = new Set([
  'email',
  'tel',
  'name',
  'password',
  'address',
  'payment',
]);

/** The personal kinds among `kinds`, each once, in order. */
export function personalFields(kinds: readonly FieldKind[]): FieldKind[] {
  return [...new Set(kinds.filter((kind) => PERSONAL_FIELD_KINDS.has(kind)))];
}
