import type { AnyNode, ArrayExpression, CallExpression, Identifier, MemberExpression, NewExpression } from 'acorn';

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

/** The expression a reference stands for, and how to resolve the references inside that expression. */
export interface Resolved {
  node: AnyNode;
  resolve?: ResolveReference;
}

/**
 * Resolves a variable, or a property of a constant object (`cfg.host`), to the expression it holds, when the caller
 * knows one.
 */
export type ResolveReference = (reference: Identifier | MemberExpression) => Resolved | undefined;

const UNKNOWN: Folded = { value: '', complete: false, string: false, literals: [] };

/**
 * Evaluates string-valued constant expressions the way a script would: literals, `+` concatenation,
 * template literals, parentheses, `(a, b)`, `x = value`, `atob(…)`, `[…].join(…)` and `'…'.concat(…)` of constants,
 * `new URL(…)` (and its `href`), and
 * the variables and constant object properties `resolve` knows. Returns the constant prefix of anything
 * partly dynamic (`'https://t.example/?u=' + id`), which is enough to know the host.
 */
export function foldString(node: AnyNode, resolve?: ResolveReference): Folded {
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
      return {
        value: left.value + right.value,
        complete: right.complete,
        string: true,
        literals: [...left.literals, ...right.literals],
      };
    }
    case 'ParenthesizedExpression':
      return foldString(node.expression, resolve);
    case 'SequenceExpression':
      return foldString(node.expressions.at(-1)!, resolve);
    case 'AssignmentExpression':
      return node.operator === '=' ? foldString(node.right, resolve) : UNKNOWN;
    case 'Identifier':
    case 'MemberExpression': {
      if (node.type === 'MemberExpression' && propertyOf(node) === 'href') {
        const url = urlObject(node.object, resolve);
        if (url) return foldUrl(url.node, url.resolve);
      }
      const resolved = resolve?.(node);
      return resolved ? foldString(resolved.node, resolved.resolve) : UNKNOWN;
    }
    case 'NewExpression':
      return isUrlConstructor(node) ? foldUrl(node, resolve) : UNKNOWN;
    case 'CallExpression':
      return foldCall(node, resolve);
    default:
      return UNKNOWN;
  }
}

/**
 * `atob('…')`, `['coo', 'kie'].join('')` and `'coo'.concat('kie')` of constants: ways to hide a string in plain sight.
 */
function foldCall(node: CallExpression, resolve: ResolveReference | undefined): Folded {
  const { callee, arguments: args } = node;
  if (callee.type === 'Identifier' && callee.name === 'atob' && args.length === 1) {
    const encoded = foldString(args[0]!, resolve);
    if (!encoded.complete) return UNKNOWN;
    try {
      return { value: atob(encoded.value), complete: true, string: true, literals: encoded.literals };
    } catch {
      // Not base64: the browser throws too, so nothing is fetched.
      return UNKNOWN;
    }
  }
  if (callee.type !== 'MemberExpression') return UNKNOWN;
  const method = propertyOf(callee);
  if (method === 'concat') return foldConcat(node, resolve);
  if (method === 'toString' || method === 'toJSON') {
    const url = urlObject(callee.object, resolve);
    return url ? foldUrl(url.node, url.resolve) : UNKNOWN;
  }
  if (method === 'parse' && callee.object.type === 'Identifier' && callee.object.name === 'URL')
    return foldUrl(node, resolve);
  if (method !== 'join' || args.length > 1) return UNKNOWN;
  const array = arrayLiteral(callee.object, resolve);
  if (!array) return UNKNOWN;
  const separator = args[0] === undefined ? { value: ',', complete: true, literals: [] } : foldString(args[0], resolve);
  if (!separator.complete) return UNKNOWN;
  const parts: string[] = [];
  const literals = [...separator.literals];
  for (const element of array.node.elements) {
    // Holes, null and undefined join as empty strings.
    if (
      element === null ||
      (element.type === 'Literal' && element.value === null) ||
      (element.type === 'Identifier' && element.name === 'undefined')
    ) {
      parts.push('');
      continue;
    }
    const part = foldString(element, array.resolve);
    if (!part.complete) return UNKNOWN;
    parts.push(part.value);
    literals.push(...part.literals);
  }
  return { value: parts.join(separator.value), complete: true, string: true, literals };
}

/** `'https://'.concat(host, '/c')`: a string's concat, which (unlike an array's) appends its arguments as strings. */
function foldConcat(node: CallExpression, resolve: ResolveReference | undefined): Folded {
  const receiver = foldString((node.callee as MemberExpression).object, resolve);
  if (!receiver.string || !receiver.complete) return receiver.string ? receiver : UNKNOWN;
  let value = receiver.value;
  const literals = [...receiver.literals];
  for (const arg of node.arguments) {
    const part = arg.type === 'SpreadElement' ? UNKNOWN : foldString(arg, resolve);
    value += part.value;
    literals.push(...part.literals);
    if (!part.complete) return { value, complete: false, string: true, literals };
  }
  return { value, complete: true, string: true, literals };
}

/** The array literal an expression is, or that a variable or constant property holds (`parts`, `cfg.parts`). */
function arrayLiteral(
  node: AnyNode,
  resolve: ResolveReference | undefined,
): { node: ArrayExpression; resolve: ResolveReference | undefined } | undefined {
  if (node.type === 'ArrayExpression') return { node, resolve };
  if (node.type !== 'Identifier' && node.type !== 'MemberExpression') return undefined;
  const resolved = resolve?.(node);
  return resolved && arrayLiteral(resolved.node, resolved.resolve);
}

function propertyOf(member: MemberExpression): unknown {
  if (member.computed) return member.property.type === 'Literal' ? member.property.value : undefined;
  return member.property.type === 'Identifier' ? member.property.name : undefined;
}

/** Whether an expression is `new URL(…)`. */
export function isUrlConstructor(node: AnyNode): node is NewExpression {
  return node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'URL';
}

/** The `new URL(…)` an expression is, or that a variable holds (`u` of `u.href`). */
function urlObject(
  node: AnyNode,
  resolve: ResolveReference | undefined,
): { node: NewExpression; resolve: ResolveReference | undefined } | undefined {
  if (isUrlConstructor(node)) return { node, resolve };
  if (node.type !== 'Identifier' && node.type !== 'MemberExpression') return undefined;
  const resolved = resolve?.(node);
  return resolved && urlObject(resolved.node, resolved.resolve);
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * The address `new URL(url, base)` or `URL.parse(url, base)` builds: `url` when it is absolute, else `url` resolved
 * against a constant `base` (a prefix when `url` is only partly known or unknown, enough to know the host).
 */
function foldUrl(node: NewExpression | CallExpression, resolve: ResolveReference | undefined): Folded {
  const [input, base] = node.arguments;
  if (!input || input.type === 'SpreadElement') return UNKNOWN;
  const url = foldString(input, resolve);
  if (SCHEME.test(url.value) || !base || base.type === 'SpreadElement') return url;
  const against = foldString(base, resolve);
  if (!against.complete || !against.string) return UNKNOWN;
  try {
    // A wholly unknown `url` (`new URL(path, 'https://api.example/')`) is most likely a path on the base's host.
    const value = new URL(url.value, against.value).href;
    return {
      value,
      complete: url.complete && url.string,
      string: true,
      literals: [...url.literals, ...against.literals],
    };
  } catch {
    // An invalid URL or base: the constructor throws, and nothing is fetched.
    return UNKNOWN;
  }
}

/** Marks, in a URL's shape, a value only known at run time (U+FFFC OBJECT REPLACEMENT CHARACTER). */
export const RUNTIME_VALUE = '\uFFFC';
// Deeper shapes (a concatenation of hundreds of parts) end in one unknown value.
const MAX_SHAPE_DEPTH = 64;

/**
 * A string's text with RUNTIME_VALUE where a part is only known at run time: `'/send?email=' + input.value + '&v=2'`
 * is `/send?email=\uFFFC&v=2`, so the query's parameters can be read whatever the prefix `foldString` stops at.
 * `new URLSearchParams({ email })` reads as `email=\uFFFC`.
 */
export function foldShape(node: AnyNode, resolve?: ResolveReference, depth = 0): string {
  if (depth >= MAX_SHAPE_DEPTH) return RUNTIME_VALUE;
  switch (node.type) {
    case 'TemplateLiteral':
      return node.quasis
        .map((quasi, index) => {
          const expression = node.expressions[index];
          return (quasi.value.cooked ?? RUNTIME_VALUE) + (expression ? foldShape(expression, resolve, depth + 1) : '');
        })
        .join('');
    case 'BinaryExpression':
      return node.operator === '+' && node.left.type !== 'PrivateIdentifier'
        ? foldShape(node.left, resolve, depth + 1) + foldShape(node.right, resolve, depth + 1)
        : RUNTIME_VALUE;
    case 'Identifier':
    case 'MemberExpression': {
      const resolved = resolve?.(node);
      return resolved ? foldShape(resolved.node, resolved.resolve, depth + 1) : RUNTIME_VALUE;
    }
    case 'NewExpression':
      if (node.callee.type === 'Identifier' && node.callee.name === 'URLSearchParams')
        return searchParamsShape(node, resolve, depth);
      break;
    case 'CallExpression':
      // `params.toString()`
      if (node.callee.type === 'MemberExpression' && propertyOf(node.callee) === 'toString')
        return foldShape(node.callee.object, resolve, depth + 1);
      break;
  }
  const folded = foldString(node, resolve);
  return folded.complete && folded.string ? folded.value : RUNTIME_VALUE;
}

/** `new URLSearchParams({ email: input.value, v: '2' })` as its query text: `email=\uFFFC&v=2`. */
function searchParamsShape(node: NewExpression, resolve: ResolveReference | undefined, depth: number): string {
  const [init] = node.arguments;
  if (init?.type !== 'ObjectExpression') return RUNTIME_VALUE;
  return init.properties
    .map((property) => {
      if (property.type !== 'Property' || property.computed) return RUNTIME_VALUE;
      const key = property.key.type === 'Identifier' ? property.key.name : foldString(property.key).value;
      return `${encodeURIComponent(key)}=${foldShape(property.value, resolve, depth + 1)}`;
    })
    .join('&');
}
