import type { AnyNode, Expression, MemberExpression, ObjectPattern, Pattern } from 'acorn';

/** A value a variable may hold, with the scope its expression is evaluated in. */
export interface BoundValue {
  node: AnyNode;
  scope: Scope;
}

/** A declared (or implicitly global) variable and every value assigned to it anywhere. */
export interface Binding {
  values: BoundValue[];
}

/**
 * A function scope (block scopes are folded into their function: a close enough approximation for
 * telling a local `ga` or `localStorage` from the global one). Bindings are collected during the walk
 * and read only afterwards, so a use may come before its declaration.
 */
export class Scope {
  readonly parent: Scope | undefined;
  /** The top level of a classic script, whose variables are properties of `window`. */
  readonly isGlobalObject: boolean;
  // Created on first declaration: most arrow functions in a bundle declare nothing.
  #bindings: Map<string, Binding> | undefined;

  constructor(parent: Scope | undefined, isGlobalObject = false) {
    this.parent = parent;
    this.isGlobalObject = isGlobalObject;
  }

  /** Declares `name` here, optionally with a value (an initialiser or an argument). */
  declare(name: string, value?: BoundValue): void {
    this.#bindings ??= new Map();
    let binding = this.#bindings.get(name);
    if (!binding) this.#bindings.set(name, (binding = { values: [] }));
    if (value) binding.values.push(value);
  }

  /** The nearest scope that declares `name`, and its binding. */
  lookup(name: string): { scope: Scope; binding: Binding } | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const binding = scope.#bindings?.get(name);
      if (binding) return { scope, binding };
    }
    return undefined;
  }

  /** Whether `name` here means the browser's global of that name (not shadowed by a local). */
  isGlobal(name: string): boolean {
    const found = this.lookup(name);
    return !found || found.scope.isGlobalObject;
  }
}

/** The names a declaration pattern binds (`a`, `{ b, c: [d] }`, `...e`, `f = 1`). */
export function patternNames(pattern: AnyNode, names: string[] = []): string[] {
  switch (pattern.type) {
    case 'Identifier':
      names.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties)
        patternNames(property.type === 'Property' ? property.value : property.argument, names);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) patternNames(element, names);
      break;
    case 'RestElement':
      patternNames(pattern.argument, names);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, names);
      break;
  }
  return names;
}

/**
 * The variables an object pattern binds, each with the property it reads as a member expression of
 * `source` (`const { a: { b } } = o` binds b to `o.a.b`), so aliases made by destructuring resolve.
 */
export function destructuredValues(
  pattern: ObjectPattern,
  source: Expression,
  values: { name: string; node: MemberExpression }[] = [],
): { name: string; node: MemberExpression }[] {
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const { key, start, end } = property;
    // A quoted key ({ 'a': b }) is read like a computed one, so that folding finds its name.
    const member: MemberExpression = {
      type: 'MemberExpression',
      object: source,
      property: key,
      computed: property.computed || key.type !== 'Identifier',
      optional: false,
      start,
      end,
    };
    const target: Pattern = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (target.type === 'Identifier') values.push({ name: target.name, node: member });
    else if (target.type === 'ObjectPattern') destructuredValues(target, member, values);
  }
  return values;
}
