import { describe, expect, it } from 'vitest';
import { cascade, readStyleRules } from '../../../scanners/syntax/css/rules.ts';
import { matchesSelector, parseSelector, type SelectorElement } from '../../../scanners/syntax/css/selector.ts';

describe('readStyleRules', () => {
  it('reads top-level and layered rules, and leaves out conditional and nested ones', () => {
    const css =
      '@import url(a.css);@charset "x";.a,.b:not(.c, .d){color:red;width:1px !important}/* c */@layer base{.e{top:0}}@media (min-width:1px){.f{top:0}}@supports (x:y){.g{top:0}}.h{&:hover{top:1px};left:0}@font-face{src:url(x)}';
    expect(readStyleRules(css)).toEqual([
      {
        selectors: ['.a', '.b:not(.c, .d)'],
        declarations: [
          { property: 'color', value: 'red', important: false },
          { property: 'width', value: '1px', important: true },
        ],
      },
      { selectors: ['.e'], declarations: [{ property: 'top', value: '0', important: false }] },
      { selectors: ['.h'], declarations: [{ property: 'left', value: '0', important: false }] },
    ]);
  });

  it('keeps reading after a broken declaration', () => {
    expect(readStyleRules('.a{color;top:0}.b{left:0}').map((rule) => rule.declarations.length)).toEqual([1, 1]);
  });

  it('cascades: the later declaration wins unless an earlier one is important', () => {
    const values = cascade(
      readStyleRules('.a{top:1px!important;left:1px}.a{top:2px;left:2PX}').flatMap((r) => r.declarations),
    );
    expect(Object.fromEntries(values)).toEqual({ top: '1px', left: '2px' });
  });
});

describe('matchesSelector', () => {
  const link = {
    name: 'a',
    attributes: { href: 'https://other.org/', class: 'btn external', rel: 'noopener external' },
  };
  const ancestors: SelectorElement[] = [
    { name: 'body', attributes: {} },
    { name: 'div', attributes: { class: 'prose', id: 'main' } },
  ];
  it.each([
    ['a', true],
    ['.external', true],
    ['a.btn.external', true],
    ['a[rel~=external]', true],
    ['a[href^="https:"]', true],
    ['a[href*="other" i]', true],
    ['a[href$=".pdf"]', false],
    ['.prose a', true],
    ['#main > a', true],
    ['body .prose a.btn', true],
    ['nav a', false],
    ['a:hover', false],
    ['a:not(.internal)', true],
    ['a:has(img)', false],
    ['h2 + a', false],
    ['span', false],
  ])('%s matching the link: %s', (selector, expected) => {
    const parsed = parseSelector(selector);
    expect(parsed !== undefined && matchesSelector(parsed, link, ancestors)).toBe(expected);
  });

  it('reads the pseudo-element a rule styles', () => {
    expect(parseSelector('a[target=_blank]::after')?.pseudoElement).toBe('after');
    expect(parseSelector('a:before')?.pseudoElement).toBe('before');
    expect(parseSelector('a::marker')).toBeUndefined();
  });
});
