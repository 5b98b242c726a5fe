import { tokenize, tokenTypes } from 'css-tree/tokenizer';
import { ident, string as cssString, url as cssUrl } from 'css-tree/utils';

/** What a URL in CSS makes the browser fetch. */
export type CssUrlRole = 'import' | 'font' | 'image';

/** One URL a stylesheet or declaration list references, as found by {@link findCssUrls}. */
export interface CssUrlReference {
  /** As written between `url(` and `)` or between the quotes. */
  raw: string;
  /** With CSS escapes decoded. */
  value: string;
  role: CssUrlRole;
  /** Offsets of the construct (`url(…)`, the string, or `@import …`) in the text. */
  start: number;
  end: number;
  /** The declaration's property (`background-image`), when the URL sits in one. */
  property?: string;
}

// Functions whose string arguments are URLs: url("x"), src("x"), image-set("x" 1x).
const URL_STRING_FUNCTIONS = new Set(['url', 'src', 'image-set', '-webkit-image-set']);

/**
 * Finds every URL a browser would fetch for CSS: url() tokens anywhere, strings in url()/src()/image-set(),
 * @import targets, @font-face sources. It works on tokens, the way a browser's tokenizer recovers from
 * errors, so broken CSS is still scanned; a stylesheet parser would drop whole blocks and their URLs.
 * `declarationList` is for `style=""` attributes, where at-rules such as @import do nothing.
 */
export function findCssUrls(text: string, declarationList = false): CssUrlReference[] {
  const found: CssUrlReference[] = [];
  // One entry per open `{`: the at-rule that opened it ('' for a style rule or a nested block).
  const blocks: string[] = declarationList ? [''] : [];
  // One entry per open `(`/`[`/function: the lower-case function name or ''.
  let functions: string[] = [];
  let functionStart = 0;
  let atRule: { name: string; start: number } | undefined;
  let lastIdent: string | undefined;
  let property: string | undefined;
  // Tokens before this offset were already consumed by an escaped `u\72l(` handled by hand.
  let skipUntil = 0;

  const emit = (raw: string, value: string, start: number, end: number): void => {
    const role = roleAt(atRule?.name, blocks.at(-1), declarationList);
    if (!role) return;
    found.push({
      raw,
      value,
      role,
      start: role === 'import' ? atRule!.start : start,
      end,
      ...(property && { property }),
    });
  };

  tokenize(text, (type, start, end) => {
    if (start < skipUntil) return;
    switch (type) {
      case tokenTypes.AtKeyword:
        atRule = { name: ident.decode(text.slice(start + 1, end)).toLowerCase(), start };
        functions = [];
        break;
      case tokenTypes.LeftCurlyBracket:
        blocks.push(atRule?.name ?? '');
        atRule = undefined;
        functions = [];
        property = undefined;
        break;
      case tokenTypes.RightCurlyBracket:
        blocks.pop();
        atRule = undefined;
        functions = [];
        property = undefined;
        break;
      case tokenTypes.Semicolon:
        if (functions.length > 0) break;
        atRule = undefined;
        property = undefined;
        break;
      case tokenTypes.Ident:
        lastIdent = text.slice(start, end);
        break;
      case tokenTypes.Colon:
        if (functions.length === 0 && !atRule && lastIdent) property = ident.decode(lastIdent).toLowerCase();
        break;
      case tokenTypes.Function: {
        const name = ident.decode(text.slice(start, end - 1)).toLowerCase();
        // The tokenizer only knows the literal spelling `url(`; an escaped name is a url() all the same.
        if (name === 'url' && !/^url\($/i.test(text.slice(start, end))) {
          const url = readUnquotedUrl(text, end);
          if (url) {
            skipUntil = url.end;
            emit(url.raw, cssUrl.decode(`url(${url.raw})`), start, url.end);
            break;
          }
        }
        functions.push(name);
        functionStart = start;
        break;
      }
      case tokenTypes.LeftParenthesis:
      case tokenTypes.LeftSquareBracket:
        functions.push('');
        break;
      case tokenTypes.RightParenthesis:
      case tokenTypes.RightSquareBracket:
        functions.pop();
        break;
      case tokenTypes.Url: {
        const raw = text.slice(text.indexOf('(', start) + 1, text[end - 1] === ')' ? end - 1 : end).trim();
        emit(raw, cssUrl.decode(text.slice(start, end)), start, end);
        break;
      }
      case tokenTypes.BadString:
        // A string broken by a newline spoils the function it sits in: nothing in it is fetched.
        if (functions.length > 0) functions[functions.length - 1] = '';
        break;
      case tokenTypes.String: {
        const inUrlFunction = URL_STRING_FUNCTIONS.has(functions.at(-1) ?? '');
        const importTarget = atRule?.name === 'import' && functions.length === 0;
        if (!inUrlFunction && !importTarget) break;
        const closed = end - start >= 2 && text[end - 1] === text[start];
        const raw = text.slice(start + 1, closed ? end - 1 : end);
        // Evidence of url("x") includes its closing parenthesis.
        const closingParenthesis = inUrlFunction ? /^\s*\)/.exec(text.slice(end, end + 16)) : null;
        emit(
          raw,
          cssString.decode(text.slice(start, end)),
          inUrlFunction ? functionStart : start,
          end + (closingParenthesis?.[0].length ?? 0),
        );
        break;
      }
    }
  });
  return found;
}

function roleAt(
  atRule: string | undefined,
  block: string | undefined,
  declarationList: boolean,
): CssUrlRole | undefined {
  // Only @import's prelude fetches; @namespace url(), @document url() and the like name things.
  if (atRule !== undefined) return atRule === 'import' && !declarationList ? 'import' : undefined;
  return block === 'font-face' ? 'font' : 'image';
}

/** Reads an unquoted url body after `url(` the way the CSS tokenizer does, up to `)` or the end. */
function readUnquotedUrl(text: string, from: number): { raw: string; end: number } | undefined {
  let offset = from;
  while (/\s/.test(text[offset] ?? '')) offset++;
  // A quote makes it a url() function around a string token, which the String case handles.
  if (text[offset] === '"' || text[offset] === "'") return undefined;
  while (offset < text.length && text[offset] !== ')') offset += text[offset] === '\\' ? 2 : 1;
  const end = Math.min(offset + 1, text.length);
  return { raw: text.slice(from, Math.min(offset, text.length)).trim(), end };
}
