/**
 * What a pure analysis of a text found, remembered by that text for the rest of the run. A theme repeats the same
 * inline scripts and styles on every page; parsing them once per thread instead of once per page is most of the
 * gate's time on such sites. Keys are the texts themselves, so two texts share an entry only when they are equal
 * character for character.
 *
 * Bounded by the characters it keeps, in two generations: new texts go into the current one; when it holds half the
 * budget it becomes the previous one and the one before is dropped whole. A text found in the previous generation
 * moves to the current one, so the texts every page repeats stay, and the ones a single page had go.
 *
 * Dropping a generation whole, instead of deleting entries one by one, matters to the garbage collector: every
 * `delete` and `set` on a full map makes V8 rebuild its table, and each table it drops sits in the old generation,
 * keeping the entries added since alive through young collections. On 50,000 pages whose style attributes differ,
 * that kept 12 MB alive through each young collection and doubled the memory a scan took (bench/RESULTS.md).
 */
export class TextMemo<T> {
  #current = new Map<string, Entry<T>>();
  #previous = new Map<string, Entry<T>>();
  #currentChars = 0;
  readonly #maxChars: number;

  constructor(maxChars: number) {
    this.#maxChars = maxChars;
  }

  /** `analyse(text)`, computed the first time this text is asked for; the result must not be changed by callers. */
  get(text: string, analyse: (text: string) => T): T {
    const known = this.#current.get(text);
    if (known !== undefined) return known.value;
    const earlier = this.#previous.get(text);
    if (earlier !== undefined) {
      // Left in the previous generation too: a delete there would rebuild its table for nothing.
      this.#remember(earlier);
      return earlier.value;
    }
    // A long text (a bundle, a whole stylesheet) is rarely repeated and would push out many that are.
    if (text.length > this.#maxChars / 40) return analyse(text);
    // Analysed as its own copy too: strings in the result are slices of the text analysed.
    const key = ownCopy(text);
    const entry = { key, value: analyse(key) };
    this.#remember(entry);
    return entry.value;
  }

  #remember(entry: Entry<T>): void {
    if (this.#currentChars + entry.key.length > this.#maxChars / 2) {
      this.#previous = this.#current;
      this.#current = new Map();
      this.#currentChars = 0;
    }
    this.#current.set(entry.key, entry);
    this.#currentChars += entry.key.length;
  }
}

interface Entry<T> {
  /** The text as a string of its own (see ownCopy). */
  key: string;
  value: T;
}

/**
 * The text as a string of its own. A script's text is a slice of its page's, and V8 keeps the whole page alive for
 * as long as a slice of it lives: a key kept for the run, or a URL sliced from it, would keep its page (often a
 * hundred times longer) too.
 */
function ownCopy(text: string): string {
  // Joining makes a two-part string; slicing that flattens it into new memory first.
  return ` ${text}`.slice(1);
}
