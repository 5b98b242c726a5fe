import { tokenize, tokenTypes } from 'css-tree/tokenizer';

/** One declaration of a style rule: lower-case property, value as written (trimmed, without `!important`). */
export interface CssDeclaration {
  property: string;
  value: string;
  important: boolean;
}

/** A style rule that applies whatever the viewport: at the top level of a stylesheet or in an `@layer` block. */
export interface CssStyleRule {
  /** The selector list as written, split at its top-level commas, each trimmed. */
  selectors: string[];
  declarations: CssDeclaration[];
}

/** What an open `{` belongs to. */
type Block = 'style' | 'layer' | 'other';

/**
 * The unconditional style rules of a stylesheet, in source order. Rules under `@media`, `@supports`, `@container`
 * and other at-rules, and rules nested in a style rule, apply only sometimes or to other elements: left out. It works
 * on css-tree's tokens, as a browser recovers from errors, so one broken rule does not hide the rest. Never throws.
 */
export function readStyleRules(text: string): CssStyleRule[] {
  const rules: CssStyleRule[] = [];
  const blocks: Block[] = [];
  let preludeStart = 0;
  let atRule: string | undefined;
  let nesting = 0;
  let current: { rule: CssStyleRule; from: number } | undefined;
  /** The rule each open block interrupts (a nested rule inside a style rule), to go back to at its `}`. */
  const interrupted: (typeof current)[] = [];
  const endDeclaration = (end: number) => {
    if (!current) return;
    const declaration = parseDeclaration(text.slice(current.from, end));
    if (declaration) current.rule.declarations.push(declaration);
  };
  tokenize(text, (type, start, end) => {
    if (type === tokenTypes.LeftParenthesis || type === tokenTypes.LeftSquareBracket || type === tokenTypes.Function) {
      nesting += 1;
    } else if (type === tokenTypes.RightParenthesis || type === tokenTypes.RightSquareBracket) {
      nesting = Math.max(0, nesting - 1);
    } else if (type === tokenTypes.AtKeyword && !current) {
      atRule ??= text.slice(start + 1, end).toLowerCase();
    } else if (type === tokenTypes.LeftCurlyBracket) {
      const outer = blocks.at(-1);
      const free = outer === undefined || outer === 'layer';
      const block: Block = !free ? 'other' : atRule === undefined ? 'style' : atRule === 'layer' ? 'layer' : 'other';
      endDeclaration(start);
      interrupted.push(current);
      if (block === 'style') {
        const rule = { selectors: splitSelectors(text.slice(preludeStart, start)), declarations: [] };
        rules.push(rule);
        current = { rule, from: end };
      } else current = undefined;
      blocks.push(block);
      atRule = undefined;
      nesting = 0;
      preludeStart = end;
    } else if (type === tokenTypes.RightCurlyBracket) {
      if (blocks.at(-1) === 'style') endDeclaration(start);
      blocks.pop();
      current = interrupted.pop();
      if (current) current.from = end;
      atRule = undefined;
      nesting = 0;
      preludeStart = end;
    } else if (type === tokenTypes.Semicolon && nesting === 0) {
      if (current) {
        endDeclaration(start);
        current.from = end;
      } else {
        // `@import …;` or `@layer a, b;` ends here.
        atRule = undefined;
        preludeStart = end;
      }
    }
  });
  return rules;
}

function parseDeclaration(written: string): CssDeclaration | undefined {
  const text = written.replace(/\/\*[\s\S]*?\*\//g, '');
  const colon = text.indexOf(':');
  if (colon === -1) return undefined;
  const property = text.slice(0, colon).trim().toLowerCase();
  if (!/^-?[a-z][a-z0-9-]*$/.test(property)) return undefined;
  let value = text.slice(colon + 1).trim();
  const important = /!\s*important\s*$/i.test(value);
  if (important) value = value.replace(/!\s*important\s*$/i, '').trim();
  return { property, value, important };
}

/** Splits a selector list at its top-level commas (not those in `:is(a, b)` or `[title="a,b"]`). */
function splitSelectors(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\') index += 1;
    else if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(from, index));
      from = index + 1;
    }
  }
  parts.push(text.slice(from));
  return parts.map((part) => part.replace(/\/\*[\s\S]*?\*\//g, '').trim()).filter((part) => part !== '');
}

/**
 * The value each property takes from `declarations` applied in order, as the cascade does among rules of equal
 * specificity: a later declaration wins, an `!important` one wins over any that is not.
 */
export function cascade(declarations: Iterable<CssDeclaration>): Map<string, string> {
  const winners = new Map<string, CssDeclaration>();
  for (const declaration of declarations) {
    const previous = winners.get(declaration.property);
    if (!previous || declaration.important || !previous.important) winners.set(declaration.property, declaration);
  }
  return new Map([...winners].map(([property, { value }]) => [property, value.toLowerCase()]));
}
