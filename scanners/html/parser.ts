import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Handler, ParserOptions } from 'htmlparser2';

/**
 * htmlparser2's parser and tokenizer, loaded from their own files beside its entry point (htmlparser2 is pinned in
 * package.json): the entry point also loads its DOM builder and DOM utilities, 23 modules the gate never uses and
 * about 10 ms of every start.
 */
const htmlparser2 = dirname(createRequire(import.meta.url).resolve('htmlparser2'));
const load = (file: string) => import(pathToFileURL(join(htmlparser2, file)).href);
const { Parser } = (await load('Parser.js')) as typeof import('htmlparser2');
const { default: Tokenizer } = (await load('Tokenizer.js')) as { default: typeof import('htmlparser2').Tokenizer };

/** The parts of htmlparser2's parser state its types keep private (htmlparser2 is pinned in package.json). */
interface ParserInternals {
  stack: string[];
  /** One entry per open svg, math or integration point, over a bottom entry for the document. */
  foreignContext: unknown[];
  popElement(implied: boolean): void;
}

/** The same for its tokenizer: the parser it reports to, and the state that reads the character after `<!`. */
interface TokenizerInternals {
  cbs: BrowserParser;
  stateBeforeDeclaration(c: number): void;
}

const OPENING_BRACKET = 0x5b;
const LETTER_X = 0x78;

/** htmlparser2's tokenizer, except that `<![CDATA[` is CDATA only in SVG/MathML, as in browsers. */
class BrowserTokenizer extends Tokenizer {}
const tokenizerPrototype = BrowserTokenizer.prototype as unknown as TokenizerInternals;
const readDeclarationStart = tokenizerPrototype.stateBeforeDeclaration;
tokenizerPrototype.stateBeforeDeclaration = function (this: TokenizerInternals, c: number): void {
  // In HTML content `<![` starts a bogus comment that ends at the first `>`, as any other `<!x` does.
  readDeclarationStart.call(this, c === OPENING_BRACKET && !this.cbs.isCurrentNodeForeign() ? LETTER_X : c);
};

/** SVG and MathML elements whose children are HTML (as htmlparser2 spells them). */
const INTEGRATION_POINTS = new Set([
  'foreignObject',
  'desc',
  'title',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
]);

/**
 * Start tags that end SVG/MathML content and are HTML again (the HTML spec's rules for foreign content; `font` aside).
 */
const BREAKOUT_TAGS = new Set([
  'b',
  'big',
  'blockquote',
  'body',
  'br',
  'center',
  'code',
  'dd',
  'div',
  'dl',
  'dt',
  'em',
  'embed',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'hr',
  'i',
  'img',
  'li',
  'listing',
  'menu',
  'meta',
  'nobr',
  'ol',
  'p',
  'pre',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'strike',
  'sub',
  'sup',
  'table',
  'tt',
  'u',
  'ul',
  'var',
]);

/** htmlparser2's handler, and every end tag token (see BrowserParser.onclosetag). */
export interface BrowserHandler extends Handler {
  onEndTagToken(start: number, end: number): void;
}

/**
 * htmlparser2 with the browser behaviour the gatherer needs on top: every end tag token is passed on,
 * `<![CDATA[` in HTML content is a bogus comment that ends at the first `>`, a breakout tag such as
 * `<p>` ends SVG/MathML content, and it tells whether the current node is SVG/MathML.
 */
export class BrowserParser extends Parser {
  /** All text written so far: the parser's offsets index into it. */
  markup = '';
  /**
   * Given at construction. Assigned to the parser afterwards, each page's closure (and through it the page's text)
   * outlived its page until a full collection: 45 MB of text promoted on 600 pages (bench/RESULTS.md).
   */
  readonly #onEndTagToken: ((start: number, end: number) => void) | undefined;

  constructor(handler: Partial<BrowserHandler>, options: ParserOptions = {}) {
    super(handler, { ...options, Tokenizer: BrowserTokenizer });
    this.#onEndTagToken = handler.onEndTagToken;
  }

  override write(chunk: string): void {
    this.markup += chunk;
    super.write(chunk);
  }

  override onopentagname(start: number, endIndex: number): void {
    if (this.isInForeignContext() && BREAKOUT_TAGS.has(this.markup.slice(start, endIndex).toLowerCase()))
      this.leaveForeignContent();
    super.onopentagname(start, endIndex);
  }

  /**
   * htmlparser2 reports only end tags that close an open element, but a browser clears its form
   * pointer on any `</form>` token — even after the form was closed implicitly — so end tag tokens
   * are passed on as they come.
   */
  override onclosetag(start: number, endIndex: number): void {
    this.#onEndTagToken?.(start, endIndex);
    // `</p>` and `</br>` end foreign content too.
    if (this.isInForeignContext() && /^(?:p|br)$/i.test(this.markup.slice(start, endIndex))) this.leaveForeignContent();
    super.onclosetag(start, endIndex);
    // htmlparser2 starts the next token after the name; in `</p >` or `</p/>` it starts after the '>' its tokenizer
    // skips to.
    const close = this.markup.indexOf('>', endIndex);
    this.startIndex = close === -1 ? this.markup.length : close + 1;
  }

  /** Whether the parse has reached the end of the document, where htmlparser2 closes what is still open. */
  atEnd = false;

  override onend(): void {
    this.atEnd = true;
    super.onend();
  }

  /**
   * Whether the current node is an SVG/MathML element (foreignObject and other integration points included), where
   * `<![CDATA[` opens CDATA.
   */
  isCurrentNodeForeign(): boolean {
    if (this.isInForeignContext()) return true;
    const { stack, foreignContext } = this as unknown as ParserInternals;
    return foreignContext.length > 1 && INTEGRATION_POINTS.has(stack[0]!);
  }

  /** Closes SVG/MathML elements up to the nearest HTML element or integration point, as a breakout tag does. */
  private leaveForeignContent(): void {
    const internals = this as unknown as ParserInternals;
    while (this.isInForeignContext() && internals.stack.length > 0) internals.popElement(true);
  }
}
