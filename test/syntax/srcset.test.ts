import { describe, expect, it } from 'vitest';
import { parseSrcset } from '../../scanners/syntax/srcset.ts';

describe('parseSrcset', () => {
  it.each([
    ['a.jpg', ['a.jpg']],
    ['a.jpg 1x, b.jpg 2x', ['a.jpg', 'b.jpg']],
    ['a.jpg 100w,b.jpg 200w', ['a.jpg', 'b.jpg']],
    ['  a.jpg\n1x ,\tb.jpg  2x  ', ['a.jpg', 'b.jpg']],
    [
      'https://cdn.test/img,w_100/a.jpg 1x, https://cdn.test/img,w_200/a.jpg 2x',
      ['https://cdn.test/img,w_100/a.jpg', 'https://cdn.test/img,w_200/a.jpg'],
    ],
    ['a.jpg,b.jpg', ['a.jpg,b.jpg']],
    ['a.jpg, b.jpg', ['a.jpg', 'b.jpg']],
    ['a.jpg,, b.jpg', ['a.jpg', 'b.jpg']],
    ['data:image/png;base64,AAAA 1x, b.png 2x', ['data:image/png;base64,AAAA', 'b.png']],
    ['a.jpg (foo, bar) 1x, b.jpg', ['a.jpg', 'b.jpg']],
    [',,, ,', []],
    ['', []],
  ])('splits %j into its URLs', (value, urls) => {
    expect(parseSrcset(value).map((candidate) => candidate.url)).toEqual(urls);
  });

  it('keeps the descriptors of each candidate', () => {
    expect(parseSrcset('a.jpg 100w 2x, b.jpg')).toEqual([
      { url: 'a.jpg', start: 0, descriptors: ['100w', '2x'] },
      { url: 'b.jpg', start: 15, descriptors: [] },
    ]);
  });

  it('gives where each URL starts in the value', () => {
    expect(parseSrcset(' a.jpg 1x,\n  b.jpg 2x').map((candidate) => candidate.start)).toEqual([1, 13]);
  });
});
