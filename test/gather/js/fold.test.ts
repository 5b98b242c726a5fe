import { parse, type AnyNode, type ExpressionStatement } from 'acorn';
import { describe, expect, it } from 'vitest';
import { foldShape, foldString, RUNTIME_VALUE } from '../../../scanners/gather/js/fold.ts';

function expression(code: string): AnyNode {
  return (parse(code, { ecmaVersion: 'latest' }).body[0] as ExpressionStatement).expression;
}

describe('foldString', () => {
  it.each([
    ["'coo' + 'kie'", 'cookie', true],
    ['`cookie`', 'cookie', true],
    ["`${'coo'}kie`", 'cookie', true],
    ["('a' + 'b') + 'c'", 'abc', true],
    ["'v' + 1 + 2", 'v12', true],
    ["(0, 'x')", 'x', true],
    ["'https://t.example/?u=' + id", 'https://t.example/?u=', false],
    ['`https://t.example/${id}/x`', 'https://t.example/', false],
    ["id + 'x'", '', false],
    ["atob('aHR0cHM6Ly90LmV4YW1wbGUv')", 'https://t.example/', true],
    ["atob('not base64!')", '', false],
    ["['coo', 'kie'].join('')", 'cookie', true],
    ["['a', 1, null, , 'b']['join']('-')", 'a-1---b', true],
    ["['a', 'b'].join()", 'a,b', true],
    ["['a', x].join('')", '', false],
  ])('folds %s to %s', (code, value, complete) => {
    expect(foldString(expression(code))).toMatchObject({ value, complete });
  });

  it('does not add numbers as strings', () => {
    expect(foldString(expression('1 + 2'))).toMatchObject({ string: false });
  });

  it.each([
    ["'https://'.concat('t.example', '/c')", 'https://t.example/c', true],
    ["'https://'.concat(host, '/c')", 'https://', false],
    ["['https://'].concat('t.example')", '', false],
  ])('folds a string concat %s to %s', (code, value, complete) => {
    expect(foldString(expression(code))).toMatchObject({ value, complete });
  });

  it('asks the caller about identifiers', () => {
    const folded = foldString(expression("k + 'ie'"), (reference) =>
      reference.type === 'Identifier' && reference.name === 'k' ? { node: expression("'cook'") } : undefined,
    );
    expect(folded).toMatchObject({ value: 'cookie', complete: true });
  });

  it('asks the caller about members, and joins an array a reference holds', () => {
    const resolve = (reference: AnyNode) =>
      reference.type === 'MemberExpression' ? { node: expression("['t', 'example']") } : undefined;
    expect(foldString(expression("'https://' + c.parts.join('.')"), resolve)).toMatchObject({
      value: 'https://t.example',
      complete: true,
    });
    expect(foldString(expression("'https://' + c.host"))).toMatchObject({ value: 'https://', complete: false });
  });
});

describe('foldShape', () => {
  it.each([
    "'https://'.concat('t.example', '/c')",
    "['https://t', 'example/c'].join('.')",
    "'https://' + ['t', 'example'].join('.') + '/c'.concat('?v=', '2')",
  ])('reads %s as the text foldString folds it to', (code) => {
    const folded = foldString(expression(code));
    expect(folded.complete).toBe(true);
    expect(foldShape(expression(code))).toBe(folded.value);
  });

  it.each([
    "'/send?email=' + email + '&v=2'",
    "'/send?email='.concat(email, '&v=2')",
    "['/send?email=', email, '&v=2'].join('')",
  ])('marks the part of %s only known at run time, like a concatenation', (code) => {
    expect(foldShape(expression(code))).toBe(`/send?email=${RUNTIME_VALUE}&v=2`);
  });

  it('stops where foldString stops, at the same prefix', () => {
    expect(foldString(expression("'/send?email='.concat(email, '&v=2')"))).toMatchObject({
      value: '/send?email=',
      complete: false,
    });
  });

  it("does not read an array's concat or an unknown receiver's as text", () => {
    expect(foldShape(expression("['https://'].concat('t.example')"))).toBe(RUNTIME_VALUE);
    expect(foldShape(expression("prefix.concat('?email=', email)"))).toBe(RUNTIME_VALUE);
  });
});
