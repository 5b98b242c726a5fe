/** What a `<meta http-equiv="refresh" content="…">` asks for. */
export interface MetaRefresh {
  /** Whole seconds before the refresh. */
  seconds: number;
  /** The URL to go to as written (unresolved), or undefined to reload the page itself. */
  url?: string;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Parses a refresh `content` value with the HTML spec's "shared declarative refresh steps":
 * `5`, `0;url=x`, `0; URL='x'`, `0,url=x`, `0 x`, `.5; url=x`. Returns undefined where a browser
 * ignores the element.
 */
export function parseMetaRefresh(content: string): MetaRefresh | undefined {
  const length = content.length;
  let position = 0;
  const skipSpace = (): void => {
    while (position < length && isSpace(content.charCodeAt(position))) position++;
  };
  skipSpace();
  const timeStart = position;
  while (position < length && isDigit(content.charCodeAt(position))) position++;
  const time = content.slice(timeStart, position);
  if (time === '' && content[position] !== '.') return undefined;
  while (position < length && (isDigit(content.charCodeAt(position)) || content[position] === '.')) position++;
  const seconds = time === '' ? 0 : Number.parseInt(time, 10);
  if (position >= length) return { seconds };
  const separator = content.charCodeAt(position);
  if (separator !== 0x3b && separator !== 0x2c && !isSpace(separator)) return undefined;
  skipSpace();
  if (content[position] === ';' || content[position] === ',') position++;
  skipSpace();
  if (position >= length) return { seconds };
  return { seconds, url: readRefreshUrl(content, position) };
}

/** The spec's optional `url=` prefix and quotes; a prefix that breaks off leaves the whole text as the URL. */
function readRefreshUrl(content: string, start: number): string {
  let position = start;
  if ((content.charCodeAt(position) | 0x20) === 0x75) {
    if ((content.charCodeAt(position + 1) | 0x20) !== 0x72 || (content.charCodeAt(position + 2) | 0x20) !== 0x6c)
      return content.slice(start);
    position += 3;
    while (isSpace(content.charCodeAt(position))) position++;
    if (content[position] !== '=') return content.slice(start);
    position++;
    while (isSpace(content.charCodeAt(position))) position++;
  }
  const quote = content[position];
  if (quote !== '"' && quote !== "'") return content.slice(position);
  const rest = content.slice(position + 1);
  const end = rest.indexOf(quote);
  return end === -1 ? rest : rest.slice(0, end);
}
