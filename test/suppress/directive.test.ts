import { describe, expect, it } from 'vitest';
import { inScope, lineScope, namesFinding, parseDirectiveBody } from '../../scanners/suppress/directive.ts';

describe('parseDirectiveBody', () => {
  it.each([
    [' third-party/request -- partner logo', ['third-party/request'], 'partner logo'],
    [
      ' third-party, trackers/known-tracker -- client mandate ',
      ['third-party', 'trackers/known-tracker'],
      'client mandate',
    ],
    [' embeds third-party -- two rules by spaces', ['embeds', 'third-party'], 'two rules by spaces'],
    [' cookies/storage', ['cookies/storage'], ''],
    [' cookies/storage --', ['cookies/storage'], ''],
    [' cookies/storage -- reason -- with dashes', ['cookies/storage'], 'reason -- with dashes'],
    [' -- only a reason', [], 'only a reason'],
    [
      ' forms/post-to-cdn --no-space is part of the list',
      ['forms/post-to-cdn', '--no-space', 'is', 'part', 'of', 'the', 'list'],
      '',
    ],
  ])('%j', (body, rules, reason) => {
    expect(parseDirectiveBody(body)).toEqual({ rules, reason });
  });
});

describe('namesFinding', () => {
  const finding = { ruleId: 'third-party/request', category: 'third-party' } as const;
  it('takes a rule id or its category, nothing else', () => {
    expect(namesFinding('third-party/request', finding)).toBe(true);
    expect(namesFinding('third-party', finding)).toBe(true);
    expect(namesFinding('third-party/requests', finding)).toBe(false);
    expect(namesFinding('third', finding)).toBe(false);
    expect(namesFinding('Third-Party', finding)).toBe(false);
    expect(namesFinding('trackers', finding)).toBe(false);
  });
});

describe('inScope', () => {
  const scope = { start: { line: 2, column: 5 }, end: { line: 4, column: 10 } };
  it.each([
    [2, 5, true],
    [2, 4, false],
    [3, 1, true],
    [4, 10, true],
    [4, 11, false],
    [5, 1, false],
  ])('%i:%i → %s', (line, column, inside) => {
    expect(inScope(scope, { line, column })).toBe(inside);
  });

  it('a next-line scope covers every column of that line only', () => {
    expect(inScope(lineScope(7), { line: 7, column: 900 })).toBe(true);
    expect(inScope(lineScope(7), { line: 8, column: 1 })).toBe(false);
    expect(inScope(lineScope(7), { line: undefined, column: undefined })).toBe(false);
  });
});
