/** Replace `text[start, end)` with `text`; an insertion has `start === end`. Offsets index the original text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits in one pass over the original offsets; bytes outside the edits stay identical. Edits may not overlap,
 * unless `dropNested`: then an edit that starts inside an earlier one goes with the text that one replaces (a removed
 * element takes its attributes' edits along), and of two at one offset the longer comes first.
 */
export function applyEdits(text: string, edits: readonly Edit[], { dropNested = false } = {}): string {
  if (edits.length === 0) return text;
  // Stable: insertions at one offset keep the order given.
  const ordered = edits.toSorted((a, b) => a.start - b.start || (dropNested ? b.end - a.end : a.end - b.end));
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of ordered) {
    if (edit.start < cursor) {
      if (dropNested) continue;
      throw new Error(`overlapping edits at offset ${edit.start}`);
    }
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
