import type { RequestType } from '../../observations.ts';
import type { JsFact } from './analysis.ts';
import { SNIPPET_FUNCTIONS, SNIPPET_OBJECTS, SNIPPET_VARIABLES } from './snippets.ts';
import { findRequestedUrls } from './url-literals.ts';

const SPECIAL = /["'`/]/g;

interface StringToken {
  start: number;
  end: number;
  value: string;
}

const STORAGE =
  /(?<![\w$.])(?:(?:window|self|globalThis)\s*\.\s*)?(localStorage|sessionStorage|indexedDB|cookieStore)\b|\bdocument\s*\.\s*cookie\b/g;
const SERVICE_WORKER =
  /(?<![\w$.])(?:(?:window|self|globalThis)\s*\.\s*)?navigator\s*\??\.\s*serviceWorker\s*\??\.\s*register(?![\w$])/g;
const FILE_SYSTEM =
  /(?<![\w$.])(?:(?:window|self|globalThis)\s*\.\s*)?(?:navigator\s*\??\.\s*storage\s*\??\.\s*getDirectory|(?:webkitR|r)equestFileSystem)(?![\w$])/g;
const COMPUTED_COOKIE = /\bdocument\s*\[\s*(['"`])cookie\1\s*\]/g;
const SNIPPET_CALL = new RegExp(`(?<![\\w$.])(?:window\\s*\\.\\s*)?(${[...SNIPPET_FUNCTIONS].join('|')})\\s*\\(`, 'g');
const SNIPPET_VARIABLE = new RegExp(`(?<![\\w$.])(?:window\\s*\\.\\s*)?(${[...SNIPPET_VARIABLES].join('|')})\\b`, 'g');
const SNIPPET_METHOD = new RegExp(
  `(?<![\\w$.])(?:window\\s*\\.\\s*)?(${[...SNIPPET_OBJECTS.keys()].join('|')})\\s*\\.\\s*\\w+\\s*\\(`,
  'g',
);
// What a string right after these is the target of.
const TARGET_BEFORE: readonly [RegExp, RequestType, string][] = [
  [/\bfetch\s*\(\s*$/, 'fetch', 'fetch'],
  [/\.\s*sendBeacon\s*\(\s*$/, 'beacon', 'sendBeacon'],
  [/\bimportScripts\s*\(\s*$/, 'script', 'importScripts'],
  [/\bnew\s+(?:Shared)?Worker\s*\(\s*$/, 'script', 'Worker'],
  [/\bnew\s+(?:WebSocket|EventSource)\s*\(\s*$/, 'fetch', 'WebSocket'],
  [/(?:\bimport\s*\(|\bfrom)\s*$/, 'import', 'import'],
];

/**
 * A tolerant scan for scripts that do not parse (syntax errors, nesting too deep for the parser): strings
 * and comments are told apart by a small lexer, then patterns find storage use (a service worker
 * registration and the file system too), snippet calls, request targets and URL literals. Less precise than the parsed
 * analysis, but broken code is never skipped.
 */
export function scanJsTokens(text: string): JsFact[] {
  const { code, strings } = lex(text);
  const facts: JsFact[] = [];
  for (const match of code.matchAll(STORAGE)) {
    facts.push({ kind: 'storage', api: (match[1] ?? 'document.cookie') as 'document.cookie', node: span(match) });
  }
  for (const match of code.matchAll(SERVICE_WORKER))
    facts.push({ kind: 'storage', api: 'serviceWorker', node: span(match) });
  for (const match of code.matchAll(FILE_SYSTEM)) facts.push({ kind: 'storage', api: 'fileSystem', node: span(match) });
  for (const match of text.matchAll(COMPUTED_COOKIE)) {
    if (code[match.index] === 'd') facts.push({ kind: 'storage', api: 'document.cookie', node: span(match) });
  }
  for (const pattern of [SNIPPET_CALL, SNIPPET_VARIABLE, SNIPPET_METHOD]) {
    for (const match of code.matchAll(pattern)) facts.push({ kind: 'snippet', name: match[1]!, node: span(match) });
  }
  for (const token of strings) {
    const beforeStart = Math.max(0, token.start - 40);
    const before = code.slice(beforeStart, token.start);
    for (const [pattern, type, element] of TARGET_BEFORE) {
      const call = token.value.trim() === '' ? null : pattern.exec(before);
      if (!call) continue;
      // Reported where the call starts, as the parsed analysis does.
      facts.push({
        kind: 'request',
        type,
        element,
        raw: token.value,
        node: { start: beforeStart + call.index, end: token.end },
      });
      break;
    }
    if (facts.at(-1)?.node.end === token.end) continue;
    for (const { url } of findRequestedUrls(token.value))
      facts.push({ kind: 'request', type: 'literal', element: undefined, raw: url, node: token });
  }
  return facts;
}

function span(match: RegExpMatchArray): { start: number; end: number } {
  return { start: match.index!, end: match.index! + match[0].length };
}

/**
 * Splits a script into code (comments and string contents blanked to spaces, so offsets and quotes stay)
 * and its string tokens. Regular expressions are read as code: good enough for a fallback.
 */
function lex(text: string): { code: string; strings: StringToken[] } {
  const strings: StringToken[] = [];
  let code = '';
  let offset = 0;
  while (offset < text.length) {
    const char = text[offset]!;
    const next = text[offset + 1];
    let end: number;
    if (char === '/' && next === '/') {
      end = text.indexOf('\n', offset);
      end = end === -1 ? text.length : end;
    } else if (char === '/' && next === '*') {
      end = text.indexOf('*/', offset + 2);
      end = end === -1 ? text.length : end + 2;
    } else if (char === '"' || char === "'" || char === '`') {
      end = stringEnd(text, offset, char);
      const closed = text[end - 1] === char && end - offset >= 2;
      strings.push({ start: offset, end, value: unescapeBody(text.slice(offset + 1, closed ? end - 1 : end)) });
      code += char + ' '.repeat(Math.max(0, end - offset - (closed ? 2 : 1))) + (closed ? char : '');
      offset = end;
      continue;
    } else {
      SPECIAL.lastIndex = offset + 1;
      end = SPECIAL.exec(text)?.index ?? text.length;
      code += text.slice(offset, end);
      offset = end;
      continue;
    }
    code += text.slice(offset, end).replace(/[^\n]/g, ' ');
    offset = end;
  }
  return { code, strings };
}

function stringEnd(text: string, start: number, quote: string): number {
  let offset = start + 1;
  while (offset < text.length) {
    const char = text[offset];
    if (char === '\\') offset += 2;
    else if (char === quote) return offset + 1;
    // Only template literals span lines; a broken string ends at the line end.
    else if (char === '\n' && quote !== '`') return offset;
    else offset++;
  }
  return text.length;
}

function unescapeBody(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(
    /\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|(\r\n|[\s\S]))/g,
    (_all, hex, braced, unicode, other: string | undefined) => {
      const codePoint = parseInt(hex ?? braced ?? unicode ?? '', 16);
      if (!Number.isNaN(codePoint)) return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
      return other === '\n' || other === '\r\n'
        ? ''
        : (({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[other!] ?? other!);
    },
  );
}
