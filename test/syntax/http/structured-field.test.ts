import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { structuredStrings } from '../../../scanners/syntax/http/structured-field.ts';

describe('structuredStrings', () => {
  it.each([
    ['list items, parameters skipped', '"/a.json", "b.json";v="c.json" , "d.json"', ['/a.json', 'b.json', 'd.json']],
    ['dictionary values', 'csp="/r/csp", default="https://x.test/r"', ['/r/csp', 'https://x.test/r']],
    ['escaped quotes and backslashes', String.raw`"a\"b\\c"`, ['a"b\\c']],
    ['a comma inside a string', '"/a,b", "/c"', ['/a,b', '/c']],
    ['tokens and numbers between strings', 'tok, 1.5, "/x"', ['/x']],
    ['an unterminated string, which ends reading', '"/a", "/b', ['/a']],
    ['an empty value', '', []],
  ])('reads %s', (_case, value, strings) => {
    expect(structuredStrings(value)).toEqual(strings);
  });

  it('returns on any input, never more strings than the value has quotes to open', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', '\\', ',', ';', '=', ' ', 'a', '/') }), (value) => {
        expect(structuredStrings(value).length).toBeLessThanOrEqual(value.split('"').length - 1);
      }),
    );
  });
});
