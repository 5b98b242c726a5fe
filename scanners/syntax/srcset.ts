/** One image candidate of a `srcset` attribute. */
export interface SrcsetCandidate {
  url: string;
  /** Offset of the URL's first character in the attribute value. */
  start: number;
  /** Width/density descriptors as written (`100w`, `2x`), usually one. */
  descriptors: string[];
}

const COMMA = 0x2c;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * Splits a `srcset` (or `imagesrcset`) value into candidates with the HTML spec's algorithm
 * ("parse a srcset attribute"): URLs may contain commas, a comma right after a URL ends the
 * candidate, and commas inside parenthesised descriptors do not.
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  const length = value.length;
  let position = 0;
  while (position < length) {
    while (position < length && (isSpace(value.charCodeAt(position)) || value.charCodeAt(position) === COMMA))
      position++;
    if (position >= length) break;
    const urlStart = position;
    while (position < length && !isSpace(value.charCodeAt(position))) position++;
    let url = value.slice(urlStart, position);
    const descriptors: string[] = [];
    if (url.charCodeAt(url.length - 1) === COMMA) {
      let end = url.length;
      while (end > 0 && url.charCodeAt(end - 1) === COMMA) end--;
      url = url.slice(0, end);
    } else {
      position = readDescriptors(value, position, descriptors);
    }
    if (url !== '') candidates.push({ url, start: urlStart, descriptors });
  }
  return candidates;
}

/** Reads descriptors up to the comma that ends the candidate; returns the position after it. */
function readDescriptors(value: string, start: number, descriptors: string[]): number {
  const length = value.length;
  let position = start;
  while (position < length && isSpace(value.charCodeAt(position))) position++;
  let current = '';
  let inParens = false;
  for (; position < length; position++) {
    const c = value.charCodeAt(position);
    if (inParens) {
      current += value[position];
      if (c === CLOSE_PAREN) inParens = false;
    } else if (isSpace(c)) {
      if (current !== '') descriptors.push(current);
      current = '';
    } else if (c === COMMA) {
      position++;
      break;
    } else {
      current += value[position];
      if (c === OPEN_PAREN) inParens = true;
    }
  }
  if (current !== '') descriptors.push(current);
  return position;
}
