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

/** The same for its tokenizer: the parser it reports to, where it is, and the states overridden below. */
interface TokenizerInternals {
  cbs: BrowserParser;
  /** The chunk being read; `offset` is where it starts in the document and `index` the character being read. */
  buffer: string;
  offset: number;
  index: number;
  decodeEntities: boolean;
  stateBeforeDeclaration(c: number): void;
  stateText(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  fastForwardTo(c: number): boolean;
  ampersandBuffer: string;
  ampersandFrom: number;
  ampersandAt: number;
}

const OPENING_BRACKET = 0x5b;
const LETTER_X = 0x78;
const AMPERSAND = 0x26;
const LESS_THAN = 0x3c;

/**
 * htmlparser2's tokenizer, except that `<![CDATA[` is CDATA only in SVG/MathML, as in browsers, and that it skips
 * the characters its states ignore with `indexOf` instead of reading them one at a time: text up to the next `<` or
 * `&`, an attribute value up to its closing quote or the next `&`, and a script or comment up to the character that
 * may end it. The tokens, their offsets and their decoded text are the same (test/html/parser.test.ts); it reads real
 * pages in a quarter less time than htmlparser2's own loop (bench/RESULTS.md).
 */
export class BrowserTokenizer extends Tokenizer {
  /** Where the next `&` stands in `ampersandBuffer` from `ampersandFrom` on (-1: none), so each is searched once. */
  ampersandBuffer = '';
  ampersandFrom = 0;
  ampersandAt = -1;
}

/** Where the next `&` at or after `from` stands in the chunk being read, -1 if none. */
function nextAmpersand(tokenizer: TokenizerInternals, from: number): number {
  if (
    tokenizer.buffer !== tokenizer.ampersandBuffer ||
    from < tokenizer.ampersandFrom ||
    (tokenizer.ampersandAt !== -1 && tokenizer.ampersandAt < from)
  ) {
    tokenizer.ampersandBuffer = tokenizer.buffer;
    tokenizer.ampersandFrom = from;
    tokenizer.ampersandAt = tokenizer.buffer.indexOf('&', from);
  }
  return tokenizer.ampersandAt;
}

/**
 * Moves to just before the first `stop` or `&` after the current character (or the chunk's end): the parse loop
 * steps onto it next.
 */
function skipToStopOrAmpersand(tokenizer: TokenizerInternals, stop: string): void {
  const from = tokenizer.index - tokenizer.offset + 1;
  const stopAt = tokenizer.buffer.indexOf(stop, from);
  const ampersandAt = nextAmpersand(tokenizer, from);
  const next = stopAt === -1 ? ampersandAt : ampersandAt === -1 ? stopAt : Math.min(stopAt, ampersandAt);
  tokenizer.index = (next === -1 ? tokenizer.buffer.length : next) + tokenizer.offset - 1;
}

const tokenizerPrototype = BrowserTokenizer.prototype as unknown as TokenizerInternals;
const readDeclarationStart = tokenizerPrototype.stateBeforeDeclaration;
tokenizerPrototype.stateBeforeDeclaration = function (this: TokenizerInternals, c: number): void {
  // In HTML content `<![` starts a bogus comment that ends at the first `>`, as any other `<!x` does.
  readDeclarationStart.call(this, c === OPENING_BRACKET && !this.cbs.isCurrentNodeForeign() ? LETTER_X : c);
};

// In text and attribute values only `<`, `&` and the closing quote do anything (with entities decoded; without, the
// states fast-forward already).
const readText = tokenizerPrototype.stateText;
tokenizerPrototype.stateText = function (this: TokenizerInternals, c: number): void {
  if (c === LESS_THAN || c === AMPERSAND || !this.decodeEntities) readText.call(this, c);
  else skipToStopOrAmpersand(this, '<');
};
const readAttributeValue = tokenizerPrototype.handleInAttributeValue;
tokenizerPrototype.handleInAttributeValue = function (this: TokenizerInternals, c: number, quote: number): void {
  if (c === quote || c === AMPERSAND || !this.decodeEntities) readAttributeValue.call(this, c, quote);
  else skipToStopOrAmpersand(this, String.fromCharCode(quote));
};
// htmlparser2's fast-forward, with the search done by `indexOf`.
tokenizerPrototype.fastForwardTo = function (this: TokenizerInternals, c: number): boolean {
  const at = this.buffer.indexOf(String.fromCharCode(c), this.index - this.offset + 1);
  this.index = (at === -1 ? this.buffer.length - 1 : at) + this.offset;
  return at !== -1;
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
    super(handler, { Tokenizer: BrowserTokenizer, ...options });
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
