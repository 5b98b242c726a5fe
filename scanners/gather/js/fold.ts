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
  return fold(node, resolve, undefined);
}

/** Marks, in a URL's shape, a value only known at run time (U+FFFC OBJECT REPLACEMENT CHARACTER). */
export const RUNTIME_VALUE = '\uFFFC';
// Deeper shapes (a concatenation of hundreds of parts) end in one unknown value.
const MAX_SHAPE_DEPTH = 64;
// What a shape has for each part it does not know, so its text always reads as written.
const RUNTIME: Folded = { value: RUNTIME_VALUE, complete: false, string: false, literals: [] };

/**
 * A string's text with RUNTIME_VALUE where a part is only known at run time: `'/send?email=' + input.value + '&v=2'`
 * is `/send?email=\uFFFC&v=2`, so the query's parameters can be read whatever the prefix `foldString` stops at.
 * It folds the same expressions as `foldString`, going on past each unknown part; `new URLSearchParams({ email })`
 * reads as `email=\uFFFC`.
 */
export function foldShape(node: AnyNode, resolve?: ResolveReference): string {
  return fold(node, resolve, 0).value;
}

/**
 * One walker for both: with `shapeDepth` undefined it stops at the first unknown part (foldString), with a depth it
 * marks each unknown part RUNTIME_VALUE and goes on (foldShape), down to MAX_SHAPE_DEPTH.
 */
function fold(node: AnyNode, resolve: ResolveReference | undefined, shapeDepth: number | undefined): Folded {
  const shape = shapeDepth !== undefined;
  const unknown = shape ? RUNTIME : UNKNOWN;
  if (shapeDepth !== undefined && shapeDepth >= MAX_SHAPE_DEPTH) return RUNTIME;
  const inner = shape ? shapeDepth + 1 : undefined;
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'string') return { value: node.value, complete: true, string: true, literals: [node] };
      // A shape reads numbers and booleans as values it does not know, as it always has.
      if (shape || node.regex || typeof node.value === 'bigint') return unknown;
      return { value: String(node.value), complete: true, string: false, literals: [] };
    case 'TemplateLiteral': {
      let value = '';
      let complete = true;
      const literals: AnyNode[] = [node];
      for (let index = 0; index < node.quasis.length; index++) {
        const cooked = node.quasis[index]!.value.cooked;
        if (cooked == null && !shape) return { value, complete: false, string: true, literals };
        value += cooked ?? RUNTIME_VALUE;
        complete &&= cooked != null;
        const expression = node.expressions[index];
        if (!expression) continue;
        const part = fold(expression, resolve, inner);
        value += part.value;
        literals.push(...part.literals);
        complete &&= part.complete;
        if (!complete && !shape) return { value, complete, string: true, literals };
      }
      return { value, complete, string: true, literals };
    }
    case 'BinaryExpression': {
      if (node.operator !== '+' || node.left.type === 'PrivateIdentifier') return unknown;
      const left = fold(node.left, resolve, inner);
      if (!left.complete && !shape) return left;
      const right = fold(node.right, resolve, inner);
      if (!left.string && !right.string) return unknown;
      return {
        value: left.value + right.value,
        complete: left.complete && right.complete,
        string: true,
        literals: [...left.literals, ...right.literals],
      };
    }
    case 'ParenthesizedExpression':
      return fold(node.expression, resolve, inner);
    case 'SequenceExpression':
      return fold(node.expressions.at(-1)!, resolve, inner);
    case 'AssignmentExpression':
      return node.operator === '=' ? fold(node.right, resolve, inner) : unknown;
    case 'Identifier':
    case 'MemberExpression': {
      if (node.type === 'MemberExpression' && propertyOf(node) === 'href') {
        const url = urlObject(node.object, resolve);
        if (url) return urlValue(url.node, url.resolve, shape);
      }
      const resolved = resolve?.(node);
      return resolved ? fold(resolved.node, resolved.resolve, inner) : unknown;
    }
    case 'NewExpression': {
      const built = node.callee.type === 'Identifier' ? node.callee.name : undefined;
      if (built === 'URL') return urlValue(node, resolve, shape);
      return shape && built === 'URLSearchParams' ? searchParamsShape(node, resolve, shapeDepth) : unknown;
    }
    case 'CallExpression':
      return foldCall(node, resolve, inner);
    default:
      return unknown;
  }
}

/** What `new URL(…)` or `URL.parse(…)` builds; a shape has it only when it is wholly known. */
function urlValue(node: NewExpression | CallExpression, resolve: ResolveReference | undefined, shape: boolean): Folded {
  const url = foldUrl(node, resolve);
  return !shape || (url.complete && url.string) ? url : RUNTIME;
}

/**
 * `atob('…')`, `['coo', 'kie'].join('')` and `'coo'.concat('kie')` of constants: ways to hide a string in plain sight.
 * In a shape, also `params.toString()`.
 */
function foldCall(node: CallExpression, resolve: ResolveReference | undefined, shapeDepth: number | undefined): Folded {
  const shape = shapeDepth !== undefined;
  const unknown = shape ? RUNTIME : UNKNOWN;
  const { callee, arguments: args } = node;
  if (callee.type === 'Identifier' && callee.name === 'atob' && args.length === 1) {
    const encoded = foldString(args[0]!, resolve);
    if (!encoded.complete) return unknown;
    try {
      return { value: atob(encoded.value), complete: true, string: true, literals: encoded.literals };
    } catch {
      // Not base64: the browser throws too, so nothing is fetched.
      return unknown;
    }
  }
  if (callee.type !== 'MemberExpression') return unknown;
  const method = propertyOf(callee);
  if (method === 'concat') return foldConcat(node, resolve, shapeDepth);
  if (method === 'toString' || method === 'toJSON') {
    const url = urlObject(callee.object, resolve);
    if (url) return urlValue(url.node, url.resolve, shape);
    // `params.toString()` of `new URLSearchParams(…)`
    return shape && method === 'toString' ? fold(callee.object, resolve, shapeDepth) : unknown;
  }
  if (method === 'parse' && callee.object.type === 'Identifier' && callee.object.name === 'URL')
    return urlValue(node, resolve, shape);
  if (method !== 'join' || args.length > 1) return unknown;
  const array = arrayLiteral(callee.object, resolve);
  if (!array) return unknown;
  const separator: Folded =
    args[0] === undefined
      ? { value: ',', complete: true, string: true, literals: [] }
      : fold(args[0], resolve, shapeDepth);
  if (!separator.complete && !shape) return unknown;
  let complete = separator.complete;
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
    const part = fold(element, array.resolve, shapeDepth);
    if (!part.complete && !shape) return unknown;
    complete &&= part.complete;
    parts.push(part.value);
    literals.push(...part.literals);
  }
  return { value: parts.join(separator.value), complete, string: true, literals };
}

/** `'https://'.concat(host, '/c')`: a string's concat, which (unlike an array's) appends its arguments as strings. */
function foldConcat(
  node: CallExpression,
  resolve: ResolveReference | undefined,
  shapeDepth: number | undefined,
): Folded {
  const shape = shapeDepth !== undefined;
  const receiver = fold((node.callee as MemberExpression).object, resolve, shapeDepth);
  if (!receiver.string) return shape ? RUNTIME : UNKNOWN;
  if (!receiver.complete && !shape) return receiver;
  let value = receiver.value;
  let complete = receiver.complete;
  const literals = [...receiver.literals];
  for (const arg of node.arguments) {
    const part = arg.type === 'SpreadElement' ? (shape ? RUNTIME : UNKNOWN) : fold(arg, resolve, shapeDepth);
    value += part.value;
    literals.push(...part.literals);
    complete &&= part.complete;
    if (!complete && !shape) return { value, complete, string: true, literals };
  }
  return { value, complete, string: true, literals };
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

/** `new URLSearchParams({ email: input.value, v: '2' })` as its query text: `email=\uFFFC&v=2`. */
function searchParamsShape(node: NewExpression, resolve: ResolveReference | undefined, depth: number): Folded {
  const [init] = node.arguments;
  if (init?.type !== 'ObjectExpression') return RUNTIME;
  const value = init.properties
    .map((property) => {
      if (property.type !== 'Property' || property.computed) return RUNTIME_VALUE;
      const key = property.key.type === 'Identifier' ? property.key.name : foldString(property.key).value;
      return `${encodeURIComponent(key)}=${fold(property.value, resolve, depth + 1).value}`;
    })
    .join('&');
  return { value, complete: false, string: true, literals: [] };
}
