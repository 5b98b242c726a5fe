/** A 1-based line and column (in UTF-16 code units, as editors count them). */
export interface Position {
  line: number;
  column: number;
}

/**
 * Returns a function mapping an offset of `text` to its line and column. The table of line starts
 * is built on the first call only, so a file that yields no observation never pays for it.
 */
export function createLocator(text: string): (offset: number) => Position {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (lineStarts === undefined) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}
