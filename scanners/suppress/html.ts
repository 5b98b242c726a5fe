import { BrowserParser } from '../html/parser.ts';
import { createLocator } from '../syntax/line-index.ts';
import { commentDirectives } from './comments.ts';
import { type Directive, parseDirectiveBody } from './directive.ts';

/** `<!-- nospy-ignore RULE -- reason -->`: the keyword as a whole word at the start of the comment. */
const commentKeyword = /^\s*nospy-ignore(?=\s|$)/;
const attributeName = 'data-nospy-ignore';

interface OpenElement {
  start: number;
  /** The directives that cover this element: comments right before it, and its own attribute. */
  directives: Directive[];
}

/**
 * The suppressions of an HTML or SVG document. A `<!-- nospy-ignore … -->` comment covers the next element and its
 * subtree when only whitespace and comments come between them (an end tag or text in between leaves it covering
 * nothing); `data-nospy-ignore` covers its own element and subtree. The `nospy-ignore-next-line` comments of inline
 * scripts and styles count too. One htmlparser2 pass, run only for files that contain the keyword.
 */
export function htmlDirectives(text: string, file: string): Directive[] {
  const locate = createLocator(text);
  const directives: Directive[] = [];
  const open: OpenElement[] = [];
  let pending: Directive[] = [];
  let rawText: { language: 'js' | 'css'; start: number; text: string } | undefined;

  const parser = new BrowserParser(
    {
      onopentag(name, attributes) {
        const element = { start: parser.startIndex, directives: pending };
        pending = [];
        const value = attributes[attributeName];
        if (value !== undefined) {
          const directive: Directive = {
            ...parseDirectiveBody(value),
            text: `${attributeName}="${value}"`,
            at: { file, ...locate(element.start) },
            scope: undefined,
          };
          directives.push(directive);
          element.directives.push(directive);
        }
        open.push(element);
        if (name === 'script' || name === 'style') {
          rawText = { language: name === 'script' ? 'js' : 'css', start: parser.endIndex + 1, text: '' };
        }
      },
      ontext(data) {
        if (rawText) rawText.text += data;
        else if (data.trim() !== '') pending = [];
      },
      onclosetag() {
        pending = [];
        const element = open.pop();
        if (!element) return;
        const scope = { start: locate(element.start), end: locate(Math.max(element.start, parser.endIndex)) };
        for (const directive of element.directives) directive.scope = scope;
        if (rawText) {
          const { language, start } = rawText;
          directives.push(...commentDirectives(rawText.text, language, file, (offset) => locate(start + offset)));
          rawText = undefined;
        }
      },
      oncomment(data) {
        const keyword = commentKeyword.exec(data);
        if (!keyword) return;
        const directive: Directive = {
          ...parseDirectiveBody(data.slice(keyword[0].length)),
          text: `<!--${data}-->`,
          at: { file, ...locate(parser.startIndex) },
          scope: undefined,
        };
        directives.push(directive);
        pending.push(directive);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  return directives;
}
