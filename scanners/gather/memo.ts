/**
 * What a pure analysis of a text found, remembered by that text for the rest of the run. A theme repeats the same
 * inline scripts and styles on every page; parsing them once per thread instead of once per page is most of the
 * gate's time on such sites. Keys are the texts themselves, so two texts share an entry only when they are equal
 * character for character. Bounded by the characters it keeps, least recently used first out, so memory stays flat
 * on a site whose scripts all differ.
 */
export class TextMemo<T> {
  readonly #entries = new Map<string, T>();
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
      // Most recently used last: Map keeps insertion order.
      entries.delete(text);
      entries.set(text, known);
      return known;
    }
    const value = analyse(text);
    // A long text (a bundle, a whole stylesheet) is rarely repeated and would push out many that are.
    if (text.length > this.#maxChars / 40) return value;
    entries.set(text, value);
    this.#chars += text.length;
    for (const [oldest] of entries) {
      if (this.#chars <= this.#maxChars) break;
      entries.delete(oldest);
      this.#chars -= oldest.length;
    }
    return value;
  }
}
