import type { Position } from '../syntax/line-index.ts';
import { type Directive, lineScope, parseDirectiveBody } from './directive.ts';

/** The keyword of JS and CSS directives, as a whole word at the start of a comment. */
const nextLine = /^\s*nospy-ignore-next-line(?=\s|$)/;

/**
 * Strings and comments of a script or style sheet, so that a directive's text inside a string literal is no
 * directive. Regular-expression literals are not told apart from division; a directive inside one is read as a
 * comment only if it also looks like `//` or `/*` there.
 */
const jsTokens = /"(?:[^"\\\n]|\\[^])*"|'(?:[^'\\\n]|\\[^])*'|`(?:[^`\\]|\\[^])*`|\/\/([^\n\r]*)|\/\*([^]*?)\*\//g;
const cssTokens = /"(?:[^"\\\n]|\\[^])*"|'(?:[^'\\\n]|\\[^])*'|\/\*([^]*?)\*\//g;

/**
 * The `nospy-ignore-next-line` directives in the comments of a script (`// …` or `/* … *\/`) or a style sheet
 * (`/* … *\/`). Each applies to the line after the one its comment ends on. `locate` maps an offset of `text` to
 * its position in `file` (text embedded in a page starts further in).
 */
export function commentDirectives(
  text: string,
  language: 'js' | 'css',
  file: string,
  locate: (offset: number) => Position,
): Directive[] {
  if (!text.includes('nospy-ignore-next-line')) return [];
  const directives: Directive[] = [];
  const tokens = new RegExp(language === 'js' ? jsTokens : cssTokens);
  for (let match = tokens.exec(text); match; match = tokens.exec(text)) {
    const comment = match[1] ?? match[2];
    const keyword = comment === undefined ? null : nextLine.exec(comment);
    if (!keyword) continue;
    const start = locate(match.index);
    const end = locate(match.index + match[0].length);
    directives.push({
      ...parseDirectiveBody(comment!.slice(keyword[0].length)),
      text: match[0],
      at: { file, ...start },
      scope: lineScope(end.line + 1),
    });
  }
  return directives;
}
