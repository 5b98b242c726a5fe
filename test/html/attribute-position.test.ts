import { describe, expect, it } from 'vitest';
import { attributeValueOffset, writtenValueStart } from '../../scanners/html/attribute-position.ts';
import { readHtml } from '../../scanners/html/reader.ts';
import type { StartTag } from '../../scanners/html/tags.ts';
import { createLocator } from '../../scanners/syntax/line-index.ts';

function valueAt(tag: string, name: string): string {
  return tag.slice(attributeValueOffset(tag, 0, tag.length - 1, name));
}

describe('attributeValueOffset', () => {
  it.each([
    ['<div style="color:red">', 'style', 'color:red">'],
    ["<div STYLE = 'a:b'>", 'style', "a:b'>"],
    ['<div style=a:b>', 'style', 'a:b>'],
    ['<div title="style=x" style="y">', 'style', 'y">'],
    ['<div data-style="x" style="y">', 'style', 'y">'],
    ['<div style="first" style="second">', 'style', 'first" style="second">'],
    ['<a hidden onclick=go()>', 'onclick', 'go()>'],
    ['<a/onclick="go()">', 'onclick', 'go()">'],
  ])('finds the value in %j', (tag, name, rest) => {
    expect(valueAt(tag, name)).toBe(rest);
  });

  it('falls back to the tag start when the attribute is missing or empty', () => {
    expect(attributeValueOffset('<a x="1">', 0, 8, 'style')).toBe(0);
    expect(attributeValueOffset('<a style>', 0, 8, 'style')).toBe(0);
  });
});

describe('writtenValueStart', () => {
  function valuesOf(html: string): (string | undefined)[] {
    const tags: StartTag[] = [];
    readHtml(html, { startTag: (tag) => tags.push(tag) }, { writtenAttributes: true });
    return tags[0]!.written.map((attribute) => {
      const start = writtenValueStart(html, attribute);
      return start === undefined ? undefined : html.slice(start, attribute.end);
    });
  }

  it('gives the value as written, quotes included, after the name, = and whitespace', () => {
    expect(valuesOf('<a href="/x" REL = \'a b\' data-x=y hidden title="">')).toEqual([
      '"/x"',
      "'a b'",
      'y',
      undefined,
      '""',
    ]);
  });

  it('reads a name that starts with = as the tokenizer does', () => {
    expect(valuesOf('<a =x=1>')).toEqual(['1']);
  });
});

describe('createLocator', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const locate = createLocator('ab\ncd\r\n\nef');
    expect(locate(0)).toEqual({ line: 1, column: 1 });
    expect(locate(2)).toEqual({ line: 1, column: 3 });
    expect(locate(3)).toEqual({ line: 2, column: 1 });
    expect(locate(8)).toEqual({ line: 4, column: 1 });
    expect(locate(9)).toEqual({ line: 4, column: 2 });
  });

  it('breaks lines at a lone CR, as browsers and editors do', () => {
    const locate = createLocator('ab\rcd\r\ref');
    expect(locate(3)).toEqual({ line: 2, column: 1 });
    expect(locate(7)).toEqual({ line: 4, column: 1 });
  });
});
