/**
 * What a pure analysis of a text found, remembered by that text for the rest of the run. A theme repeats the same
 * inline scripts and styles on every page; parsing them once per thread instead of once per page is most of the
 * gate's time on such sites. Keys are the texts themselves, so two texts share an entry only when they are equal
 * character for character. Bounded by the characters it keeps, so memory stays flat on a site whose scripts all
 * differ: when full, the oldest entry not used since it last came up goes first (second chance), and an entry used
 * since is moved to the back instead.
 *
 * A hit changes nothing but a flag. Moving the entry on every hit (`delete` then `set`) made V8 rebuild the map's
 * table over and over; the tables it dropped sat in the old generation until a full collection, and through their
 * keys kept each page's text alive through young collections: 45 MB of page text promoted on 600 pages, and 60 ms
 * of collection (bench/RESULTS.md).
 */
export class TextMemo<T> {
  readonly #entries = new Map<string, { value: T; used: boolean }>();
  readonly #maxChars: number;
  #chars = 0;

  constructor(maxChars: number) {
    this.#maxChars = maxChars;
  }

  /** `analyse(text)`, computed the first time this text is asked for; the result must not be changed by callers. */
  get(text: string, analyse: (text: string) => T): T {
    const entries = this.#entries;
    const known = entries.get(text);
    if (known !== undefined) {
      known.used = true;
      return known.value;
    }
    const value = analyse(text);
    // A long text (a bundle, a whole stylesheet) is rarely repeated and would push out many that are.
    if (text.length > this.#maxChars / 40) return value;
    entries.set(ownCopy(text), { value, used: false });
    this.#chars += text.length;
    for (const [oldest, entry] of entries) {
      if (this.#chars <= this.#maxChars) break;
      entries.delete(oldest);
      if (entry.used) {
        entry.used = false;
        entries.set(oldest, entry);
      } else {
        this.#chars -= oldest.length;
      }
    }
    return value;
  }
}

/**
 * The text as a string of its own. A script's text is a slice of its page's, and V8 keeps the whole page alive for
 * as long as the slice lives: a key kept for the run would keep its page (often a hundred times longer) too.
 */
function ownCopy(text: string): string {
  // Joining makes a two-part string; slicing that flattens it into new memory first.
  return ` ${text}`.slice(1);
}
