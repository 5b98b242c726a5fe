import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../scanners/html/splice.ts';

describe('applyEdits', () => {
  it('splices insertions and replacements at original offsets, in any order', () => {
    const edits = [
      { start: 7, end: 7, text: '!' },
      { start: 0, end: 5, text: 'Howdy' },
    ];
    expect(applyEdits('Hello, world', edits)).toBe('Howdy, !world');
  });

  it('keeps two insertions at one offset in the order given', () => {
    expect(
      applyEdits('ab', [
        { start: 1, end: 1, text: 'x' },
        { start: 1, end: 1, text: 'y' },
      ]),
    ).toBe('axyb');
  });

  it('refuses overlapping edits rather than corrupting the text', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 1, end: 4, text: '' },
        { start: 3, end: 5, text: '' },
      ]),
    ).toThrow(/overlapping/);
  });

  it('with dropNested, lets a removal take the edits inside it along, the longer of two at one offset first', () => {
    const html = '<p><script src="a.js"></script></p>';
    const edits = [
      { start: 11, end: 21, text: 'src="https://x/a.js"' },
      { start: 3, end: 3, text: '<!-- ins -->' },
      { start: 3, end: 31, text: '' },
    ];
    expect(applyEdits(html, edits, { dropNested: true })).toBe('<p></p>');
    expect(() => applyEdits(html, edits)).toThrow(/overlapping/);
  });

  it('leaves every byte outside the edits identical', () => {
    const input = fc.string({ maxLength: 40 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.uniqueArray(fc.nat(text.length), { maxLength: 6 }).map((offsets) => offsets.sort((a, b) => a - b)),
      ),
    );
    fc.assert(
      fc.property(input, ([text, offsets]) => {
        const edits = offsets.map((offset) => ({ start: offset, end: offset, text: '\u0000' }));
        expect(applyEdits(text, edits).replaceAll('\u0000', '')).toBe(text.replaceAll('\u0000', ''));
      }),
    );
  });
});
