import type { EmbeddedContext } from './context.ts';
import { lineOf, lineStarts, type Position } from '../syntax/line-index.ts';

const EXCERPT_LENGTH = 80;

/**
 * Maps positions inside embedded CSS or JavaScript to positions in the file that holds it, and cuts
 * short excerpts for evidence. Shared by the CSS and JavaScript gatherers.
 */
export class TextLocator {
  readonly #text: string;
  readonly #context: Pick<EmbeddedContext, 'line' | 'column'>;
  #lineStarts: number[] | undefined;

  constructor(text: string, context: Pick<EmbeddedContext, 'line' | 'column'>) {
    this.#text = text;
    this.#context = context;
  }

  /** The file position of a character offset inside the text. */
  at(offset: number): Position {
    const starts = (this.#lineStarts ??= lineStarts(this.#text));
    const line = lineOf(starts, offset);
    const column = offset - starts[line]!;
    return {
      line: this.#context.line + line,
      // Only the first line shares its row with whatever precedes the text in the file.
      column: line === 0 ? this.#context.column + column : column + 1,
    };
  }

  /** The text between two offsets, whitespace collapsed and cut to a readable length. */
  excerpt(start: number, end: number): string {
    const slice = this.#text
      .slice(start, Math.min(end, start + EXCERPT_LENGTH * 2))
      .replace(/\s+/g, ' ')
      .trim();
    return slice.length > EXCERPT_LENGTH ? `${slice.slice(0, EXCERPT_LENGTH - 1)}…` : slice;
  }
}
