import { writtenValueStart } from '../html/attribute-position.ts';
import { getAttribute, type StartTag, type TagAttribute } from '../html/tags.ts';
import type { Edit } from '../html/splice.ts';

/** Escapes a value for a double-quoted attribute; the browser decodes it back to `value`. */
export function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/**
 * Inserts ` markup` (one or more `name="value"` attributes) at the end of a start tag: before its `>`,
 * or before a self-closing `/>` unless that `/` ends an unquoted value (`<a href=x/>`).
 */
export function insertAttributes(text: string, tag: StartTag, markup: string): Edit {
  const last = tag.written.at(-1);
  const slash = tag.end - 1;
  const beforeSlash = text[slash] === '/' && (!last || last.end <= slash);
  const at = beforeSlash ? slash : tag.end;
  return { start: at, end: at, text: ` ${markup}` };
}

/** Replaces an attribute's value (quotes included) with `"value"`, keeping its name as written. */
export function replaceAttributeValue(text: string, attribute: TagAttribute, value: string): Edit {
  const start = writtenValueStart(text, attribute);
  const quoted = `"${escapeAttribute(value)}"`;
  if (start === undefined) return { start: attribute.end, end: attribute.end, text: `=${quoted}` };
  return { start, end: attribute.end, text: quoted };
}

/** Appends ` suffix` (plain ASCII tokens) to an attribute's value, keeping the value's bytes as written. */
export function appendToAttributeValue(text: string, attribute: TagAttribute, suffix: string): Edit {
  const start = writtenValueStart(text, attribute);
  const separator = /^[\t\n\f\r ]*$|[\t\n\f\r ]$/.test(attribute.value) ? '' : ' ';
  if (start === undefined) return { start: attribute.end, end: attribute.end, text: `="${suffix}"` };
  if (attribute.quote) {
    // Insert just before the closing quote.
    return { start: attribute.end - 1, end: attribute.end - 1, text: `${separator}${suffix}` };
  }
  // An unquoted value holds no whitespace, so quote it; a stray `"` in it becomes &quot;, which decodes the same.
  const written = text.slice(start, attribute.end).replaceAll('"', '&quot;');
  return { start, end: attribute.end, text: `"${written}${separator}${suffix}"` };
}

/** Sets one attribute of a start tag to `value`, adding it when the tag lacks it. */
export function setAttribute(text: string, tag: StartTag, name: string, value: string): Edit {
  const attribute = getAttribute(tag, name);
  return attribute
    ? replaceAttributeValue(text, attribute, value)
    : insertAttributes(text, tag, `${name}="${escapeAttribute(value)}"`);
}
