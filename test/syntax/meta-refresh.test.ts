import { describe, expect, it } from 'vitest';
import { parseMetaRefresh } from '../../scanners/syntax/meta-refresh.ts';

describe('parseMetaRefresh', () => {
  it.each([
    ['0;url=https://a.test/', 0, 'https://a.test/'],
    ['0; URL=https://a.test/', 0, 'https://a.test/'],
    ["0; URL='https://a.test/'", 0, 'https://a.test/'],
    ['0; url="https://a.test/" trailing', 0, 'https://a.test/'],
    ['0,url=https://a.test/', 0, 'https://a.test/'],
    ['0 https://a.test/', 0, 'https://a.test/'],
    ["0; 'https://a.test/'", 0, 'https://a.test/'],
    ['5 ; Url = https://a.test/x', 5, 'https://a.test/x'],
    ['  3.5; url=/next', 3, '/next'],
    ['.5; url=/next', 0, '/next'],
    ['0; uri=/next', 0, 'uri=/next'],
    ['0; ur', 0, 'ur'],
    ['0; url /next', 0, 'url /next'],
    ["0; url='unterminated", 0, 'unterminated'],
  ])('reads %j as a refresh after %i s to %j', (content, seconds, url) => {
    expect(parseMetaRefresh(content)).toEqual({ seconds, url });
  });

  it.each(['5', '5;', ' 10 , '])('reads %j as reloading the page itself', (content) => {
    expect(parseMetaRefresh(content)?.url).toBeUndefined();
  });

  it.each(['', 'url=/x', 'abc', '5x; url=/y'])('ignores %j as a browser does', (content) => {
    expect(parseMetaRefresh(content)).toBeUndefined();
  });
});
