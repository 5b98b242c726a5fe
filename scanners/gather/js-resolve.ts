import type { AnyNode, Identifier, MemberExpression } from 'acorn';
import { foldString, type Folded } from './js-fold.ts';
import type { Binding, Scope } from './js-scope.ts';
import { SNIPPET_OBJECTS } from './js-snippets.ts';

const WINDOW_NAMES: ReadonlySet<string> = new Set(['window', 'self', 'globalThis', 'top', 'parent', 'frames']);
// Aliases of aliases are followed this deep (memoised per variable, so depth costs little); deeper counts as unknown.
const MAX_ALIAS_DEPTH = 100;
// Constants built from constants are folded this deep: each level may use a variable more than once.
const MAX_FOLD_DEPTH = 8;

/**
 * Answers what an expression evaluates to, once the whole script's scopes are known: a constant string,
 * the window, the document, location, a tracking object, an element of some tag. Follows variables
 * through every value assigned to them, including arguments of immediately called functions.
 */
export class ValueResolver {
  readonly #windowBindings = new Map<Binding, boolean>();
  readonly #documentBindings = new Map<Binding, boolean>();
  readonly #elementBindings = new Map<Binding, string | undefined>();
  readonly #navigatorBindings = new Map<Binding, boolean>();
  readonly #serviceWorkerBindings = new Map<Binding, boolean>();

  /** Folds with variables that hold a single constant value (`var k = 'cookie'; document[k]`). */
  fold(node: AnyNode, scope: Scope, depth = 0): Folded {
    return foldString(node, (identifier) => {
      const values = depth < MAX_FOLD_DEPTH ? scope.lookup(identifier.name)?.binding.values : undefined;
      return values?.length === 1 ? this.fold(values[0]!.node, values[0]!.scope, depth + 1) : undefined;
    });
  }

  /** The property a member expression reads: `a.b`, `a['b']`, `a['coo' + 'kie']`, `a[k]` with a constant k. */
  propertyName(node: MemberExpression, scope: Scope): string | undefined {
    if (!node.computed) return node.property.type === 'Identifier' ? node.property.name : undefined;
    const folded = this.fold(node.property, scope);
    return folded.complete ? folded.value : undefined;
  }

  /** Whether an expression evaluates to the window object: window, self, top, an alias, window.window … */
  isWindow(node: AnyNode, scope: Scope, depth = 0): boolean {
    const expression = unwrap(node);
    switch (expression.type) {
      case 'Identifier':
        return (WINDOW_NAMES.has(expression.name) && scope.isGlobal(expression.name)) || this.#aliases(expression, scope, depth, this.#windowBindings, (value, valueScope) => this.isWindow(value, valueScope, depth + 1));
      case 'MemberExpression': {
        const property = this.propertyName(expression, scope);
        return (property !== undefined && WINDOW_NAMES.has(property) && this.isWindow(expression.object, scope, depth + 1))
          || (property === 'defaultView' && this.isDocument(expression.object, scope, depth + 1));
      }
      case 'ThisExpression':
        return scope.isGlobalObject;
      default:
        return this.#eitherBranch(expression, (branch) => this.isWindow(branch, scope, depth + 1));
    }
  }

  /** Whether an expression evaluates to the document: document, window.document, an alias, el.ownerDocument … */
  isDocument(node: AnyNode, scope: Scope, depth = 0): boolean {
    const expression = unwrap(node);
    switch (expression.type) {
      case 'Identifier':
        return (expression.name === 'document' && scope.isGlobal('document')) || this.#aliases(expression, scope, depth, this.#documentBindings, (value, valueScope) => this.isDocument(value, valueScope, depth + 1));
      case 'MemberExpression': {
        const property = this.propertyName(expression, scope);
        return property === 'ownerDocument' || (property === 'document' && this.isWindow(expression.object, scope, depth + 1));
      }
      default:
        return this.#eitherBranch(expression, (branch) => this.isDocument(branch, scope, depth + 1));
    }
  }

  /** Whether an expression evaluates to the navigator: navigator, window.navigator, an alias … */
  isNavigator(node: AnyNode, scope: Scope, depth = 0): boolean {
    return this.#isPropertyOf(node, scope, depth, { property: 'navigator', global: true, cache: this.#navigatorBindings, isParent: (object, objectScope, parentDepth) => this.isWindow(object, objectScope, parentDepth) });
  }

  /** Whether an expression evaluates to `navigator.serviceWorker`, the container that registers service workers. */
  isServiceWorkerContainer(node: AnyNode, scope: Scope, depth = 0): boolean {
    return this.#isPropertyOf(node, scope, depth, { property: 'serviceWorker', global: false, cache: this.#serviceWorkerBindings, isParent: (object, objectScope, parentDepth) => this.isNavigator(object, objectScope, parentDepth) });
  }

  // An object reached as `parent.property` (or as the global `property`), or through a variable holding one.
  #isPropertyOf(node: AnyNode, scope: Scope, depth: number, object: PropertyObject): boolean {
    const expression = unwrap(node);
    switch (expression.type) {
      case 'Identifier':
        return (object.global && expression.name === object.property && scope.isGlobal(expression.name))
          || this.#aliases(expression, scope, depth, object.cache, (value, valueScope) => this.#isPropertyOf(value, valueScope, depth + 1, object));
      case 'MemberExpression':
        return this.propertyName(expression, scope) === object.property && object.isParent(expression.object, scope, depth + 1);
      default:
        return this.#eitherBranch(expression, (branch) => this.#isPropertyOf(branch, scope, depth + 1, object));
    }
  }

  /** Whether an expression is the page's location: location, window.location, document.location. */
  isLocation(node: AnyNode, scope: Scope): boolean {
    const expression = unwrap(node);
    if (expression.type === 'Identifier') return expression.name === 'location' && scope.isGlobal('location');
    if (expression.type !== 'MemberExpression' || this.propertyName(expression, scope) !== 'location') return false;
    return this.isWindow(expression.object, scope) || this.isDocument(expression.object, scope);
  }

  /** Whether any value of the variable passes `test`; memoised per variable, so reused minified names stay linear. */
  #aliases(identifier: Identifier, scope: Scope, depth: number, cache: Map<Binding, boolean>, test: (value: AnyNode, valueScope: Scope) => boolean): boolean {
    const binding = scope.lookup(identifier.name)?.binding;
    if (!binding || depth >= MAX_ALIAS_DEPTH) return false;
    let result = cache.get(binding);
    if (result !== undefined) return result;
    // While it is being decided, a variable that refers back to itself counts as not the object.
    cache.set(binding, false);
    result = binding.values.some(({ node, scope: valueScope }) => test(node, valueScope));
    cache.set(binding, result);
    return result;
  }

  // `w || window`, `cond ? window : self`: either branch may be the object.
  #eitherBranch(expression: AnyNode, test: (branch: AnyNode) => boolean): boolean {
    if (expression.type === 'LogicalExpression') return test(expression.left) || test(expression.right);
    if (expression.type === 'ConditionalExpression') return test(expression.consequent) || test(expression.alternate);
    return false;
  }

  /** The tracking object a method is called on: `dataLayer`, `window.dataLayer`, `w[l]` with l = 'dataLayer'. */
  snippetObject(node: AnyNode, scope: Scope): string | undefined {
    const expression = unwrap(node);
    if (expression.type === 'Identifier') return SNIPPET_OBJECTS.has(expression.name) && scope.isGlobal(expression.name) ? expression.name : undefined;
    if (expression.type !== 'MemberExpression') return undefined;
    const property = this.propertyName(expression, scope);
    return property !== undefined && SNIPPET_OBJECTS.has(property) && this.isWindow(expression.object, scope) ? property : undefined;
  }

  /**
   * The lower-case tag of an element expression: `new Image()`, `document.createElement('script')`,
   * `document.querySelector('link[rel=icon]')`, or a variable holding one.
   */
  tagOf(node: AnyNode, scope: Scope, depth = 0): string | undefined {
    const expression = unwrap(node);
    if (expression.type === 'NewExpression' && expression.callee.type === 'Identifier') {
      return expression.callee.name === 'Image' ? 'img' : expression.callee.name === 'Audio' ? 'audio' : undefined;
    }
    if (expression.type === 'CallExpression' && expression.callee.type === 'MemberExpression') {
      const method = this.propertyName(expression.callee, scope);
      const [first, second] = expression.arguments;
      if (method === 'querySelector' && first) return selectedTag(this.fold(first, scope).value);
      const tagArgument = method === 'createElement' ? first : method === 'createElementNS' ? second : undefined;
      return tagArgument && this.fold(tagArgument, scope).value.toLowerCase() || undefined;
    }
    const binding = expression.type === 'Identifier' ? scope.lookup(expression.name)?.binding : undefined;
    if (!binding || depth >= MAX_ALIAS_DEPTH) return undefined;
    if (!this.#elementBindings.has(binding)) {
      this.#elementBindings.set(binding, undefined);
      for (const value of binding.values) {
        const tag = this.tagOf(value.node, value.scope, depth + 1);
        if (tag) {
          this.#elementBindings.set(binding, tag);
          break;
        }
      }
    }
    return this.#elementBindings.get(binding);
  }
}

/** The tag a selector's subject must have (`head > link[rel~="icon"]` → link), when it names one and lists no alternatives. */
function selectedTag(selector: string): string | undefined {
  const withoutAttributes = selector.replace(/\[[^\]]*\]/g, '');
  if (withoutAttributes.includes(',')) return undefined;
  const subject = withoutAttributes.trim().split(/[\s>+~]+/).at(-1)!;
  return /^[a-z][a-z0-9-]*/i.exec(subject)?.[0].toLowerCase();
}

/** How `#isPropertyOf` recognises one object. */
interface PropertyObject {
  property: string;
  /** Whether the bare name is a global of the browser too (`navigator` is, `serviceWorker` is not). */
  global: boolean;
  cache: Map<Binding, boolean>;
  isParent: (object: AnyNode, scope: Scope, depth: number) => boolean;
}

/** Looks through `a?.b`, `(a, b)` and `x = value` to the expression that yields the value. */
export function unwrap(node: AnyNode): AnyNode {
  let current = node;
  for (;;) {
    if (current.type === 'ChainExpression' || current.type === 'ParenthesizedExpression') current = current.expression;
    else if (current.type === 'SequenceExpression') current = current.expressions.at(-1)!;
    else if (current.type === 'AssignmentExpression' && current.operator === '=') current = current.right;
    else return current;
  }
}
