import { Parser } from 'htmlparser2';

/** The parts of htmlparser2's parser state its types keep private (htmlparser2 is pinned in package.json). */
interface ParserInternals {
  stack: string[];
}

/** Elements whose content is not live for a visitor with scripting on: template content is inert, noscript is raw text. */
const INERT_CONTAINERS = ['template', 'noscript'];

/**
 * htmlparser2 with the browser behaviour the gatherer needs on top: every end tag token is passed on,
 * and it tells whether the current element is live HTML.
 */
export class BrowserParser extends Parser {
  onEndTagToken: (start: number, end: number) => void = () => {};

  /**
   * htmlparser2 reports only end tags that close an open element, but a browser clears its form
   * pointer on any `</form>` token — even after the form was closed implicitly — so end tag tokens
   * are passed on as they come.
   */
  override onclosetag(start: number, endIndex: number): void {
    this.onEndTagToken(start, endIndex);
    super.onclosetag(start, endIndex);
  }

  /** Whether an element opened now is an HTML element of the live document: not SVG/MathML, not in a template or noscript. */
  isLiveHtml(): boolean {
    if (this.isInForeignContext()) return false;
    const { stack } = this as unknown as ParserInternals;
    return !INERT_CONTAINERS.some((name) => stack.includes(name));
  }
}
