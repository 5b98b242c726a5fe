import type { AnyNode, Identifier } from 'acorn';

/** What constant folding knows about an expression's string value. */
export interface Folded {
  /** The whole value when `complete`, otherwise its constant prefix (possibly ''). */
  value: string;
  complete: boolean;
  /** False for numbers, booleans and null: `1 + 2` is not `'12'`. */
  string: boolean;
  /** The literal nodes the value came from, so they are not reported again as bare URL literals. */
  literals: AnyNode[];
}

/** Folds an identifier to a constant, when the caller knows one. */
export type ResolveIdentifier = (identifier: Identifier) => Folded | undefined;

const UNKNOWN: Folded = { value: '', complete: false, string: false, literals: [] };

/**
 * Evaluates string-valued constant expressions the way a script would: literals, `+` concatenation,
 * template literals, parentheses, `(a, b)`, `x = value`. Returns the constant prefix of anything
 * partly dynamic (`'https://t.example/?u=' + id`), which is enough to know the host.
 */
export function foldString(node: AnyNode, resolve?: ResolveIdentifier): Folded {
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'string') return { value: node.value, complete: true, string: true, literals: [node] };
      if (node.regex || typeof node.value === 'bigint') return UNKNOWN;
      return { value: String(node.value), complete: true, string: false, literals: [] };
    case 'TemplateLiteral': {
      let value = '';
      const literals: AnyNode[] = [node];
      for (let index = 0; index < node.quasis.length; index++) {
        const cooked = node.quasis[index]!.value.cooked;
        if (cooked == null) return { value, complete: false, string: true, literals };
        value += cooked;
        const expression = node.expressions[index];
        if (!expression) continue;
        const part = foldString(expression, resolve);
        value += part.value;
        literals.push(...part.literals);
        if (!part.complete) return { value, complete: false, string: true, literals };
      }
      return { value, complete: true, string: true, literals };
    }
    case 'BinaryExpression': {
      if (node.operator !== '+' || node.left.type === 'PrivateIdentifier') return UNKNOWN;
      const left = foldString(node.left, resolve);
      if (!left.complete) return left;
      const right = foldString(node.right, resolve);
      if (!left.string && !right.string) return UNKNOWN;
      return { value: left.value + right.value, complete: right.complete, string: true, literals: [...left.literals, ...right.literals] };
    }
    case 'ParenthesizedExpression':
      return foldString(node.expression, resolve);
    case 'SequenceExpression':
      return foldString(node.expressions.at(-1)!, resolve);
    case 'AssignmentExpression':
      return node.operator === '=' ? foldString(node.right, resolve) : UNKNOWN;
    case 'Identifier':
      return resolve?.(node) ?? UNKNOWN;
    default:
      return UNKNOWN;
  }
}
