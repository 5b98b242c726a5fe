import type { TagAttribute } from './tags.ts';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * The offset in `text` of the first character of attribute `name`'s value (lower-case name) in the
 * start tag spanning `tagStart`..`tagEnd`, following the tokenizer's rules so the first of duplicate
 * attributes wins. Falls back to `tagStart` when the attribute has no value. Only called when an
 * observation needs the exact spot, so the hot path never pays for it.
 */
export function attributeValueOffset(text: string, tagStart: number, tagEnd: number, name: string): number {
  let i = tagStart + 1;
  while (i < tagEnd && !isSpace(text.charCodeAt(i)) && text[i] !== '/' && text[i] !== '>') i++;
  while (i < tagEnd) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || text[i] === '/') {
      i++;
      continue;
    }
    const nameStart = i;
    i++;
    while (i < tagEnd && text[i] !== '=' && text[i] !== '/' && text[i] !== '>' && !isSpace(text.charCodeAt(i))) i++;
    const matches = text.slice(nameStart, i).toLowerCase() === name;
    while (i < tagEnd && isSpace(text.charCodeAt(i))) i++;
    if (text[i] !== '=') {
      if (matches) return tagStart;
      continue;
    }
    i++;
    while (i < tagEnd && isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    const quoted = quote === '"' || quote === "'";
    const valueStart = quoted ? i + 1 : i;
    if (matches) return valueStart;
    if (quoted) {
      const end = text.indexOf(quote, valueStart);
      i = end === -1 ? tagEnd : end + 1;
    } else {
      while (i < tagEnd && !isSpace(text.charCodeAt(i)) && text[i] !== '>') i++;
    }
  }
  return tagStart;
}

/**
 * Where a written attribute's value starts (its opening quote, or its first character when unquoted): after its
 * name, `=` and any whitespace; undefined when it has no value.
 */
export function writtenValueStart(text: string, attribute: TagAttribute): number | undefined {
  if (attribute.quote === undefined) return undefined;
  // A name is one character of anything, then anything but whitespace, `/`, `>` or `=` (HTML tokenizer).
  const match = /^[^][^\t\n\f\r />=]*[\t\n\f\r ]*=[\t\n\f\r ]*/.exec(text.slice(attribute.start, attribute.end));
  return match ? attribute.start + match[0].length : undefined;
}
