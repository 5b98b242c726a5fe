/** A 1-based line and column (in UTF-16 code units, as editors count them). */
export interface Position {
  line: number;
  column: number;
}

/**
 * The offsets where the lines of `text` start. A line ends at LF, CRLF or a lone CR, as browsers
 * and editors break lines; a file without CR takes the fast `indexOf` path.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  const breaks = /\r\n?|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

/** The 0-based index of the line (in `starts`, from `lineStarts`) that holds `offset`. */
export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Returns a function mapping an offset of `text` to its line and column. The table of line starts
 * is built on the first call only, so a file that yields no observation never pays for it.
 */
export function createLocator(text: string): (offset: number) => Position {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= lineStarts(text);
    const line = lineOf(starts, offset);
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
}
