import type { AnyNode, ArrayExpression, Identifier, MemberExpression, ObjectExpression } from 'acorn';
import { foldShape, foldString, type Folded, type ResolveReference } from './fold.ts';
import type { Binding, BoundValue, Scope } from './scope.ts';
import { SNIPPET_OBJECTS } from './snippets.ts';

const WINDOW_NAMES: ReadonlySet<string> = new Set(['window', 'self', 'globalThis', 'top', 'parent', 'frames']);
// Aliases of aliases are followed this deep (memoised per variable, so depth costs little); deeper counts as unknown.
const MAX_ALIAS_DEPTH = 100;
// Constants built from constants are folded this deep: each level may use a variable more than once.
const MAX_FOLD_DEPTH = 8;
// A value's branches and assigned values are followed up to this many (a share button has a handful).
const MAX_CANDIDATES = 16;

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
  readonly #storageManagerBindings = new Map<Binding, boolean>();
  /**
   * Objects whose properties the script may change (`cfg.host = x`, `parts.push(x)`), as written; resolved on first
   * need.
   */
  readonly #mutations: { name: string; scope: Scope }[] = [];
  #mutatedBindings: Set<Binding> | undefined;

  /**
   * Folds with variables that hold a single constant value (`var k = 'cookie'; document[k]`), and properties of
   * object and array literals such a variable holds (`const cfg = { host: 'x' }; 'https://' + cfg.host`).
   */
  fold(node: AnyNode, scope: Scope): Folded {
    return foldString(node, this.#references(scope, 0));
  }

  /**
   * The expressions a value may be at run time: each branch of `d ? a : b` and `a || b`, and each value a variable is
   * given anywhere (`let n; if (d) n = a; else n = b`), each with the scope it is evaluated in; at most MAX_CANDIDATES.
   */
  candidates(node: AnyNode, scope: Scope): BoundValue[] {
    const found: BoundValue[] = [];
    const followed = new Set<Binding>();
    const visit = (value: AnyNode, valueScope: Scope): void => {
      if (found.length >= MAX_CANDIDATES) return;
      const expression = unwrap(value);
      if (expression.type === 'ConditionalExpression') {
        visit(expression.consequent, valueScope);
        visit(expression.alternate, valueScope);
        return;
      }
      if (expression.type === 'LogicalExpression') {
        visit(expression.left, valueScope);
        visit(expression.right, valueScope);
        return;
      }
      const table = expression.type === 'MemberExpression' ? this.#lookupTable(expression, valueScope) : undefined;
      if (table) {
        for (const entry of table) visit(entry.node, entry.scope);
        return;
      }
      const binding = expression.type === 'Identifier' ? valueScope.lookup(expression.name)?.binding : undefined;
      if (binding && binding.values.length > 0) {
        // A variable that refers back to itself (`u = u + '?x'`) adds nothing the first visit did not.
        if (followed.has(binding)) return;
        followed.add(binding);
        for (const bound of binding.values) visit(bound.node, bound.scope);
        return;
      }
      found.push({ node: expression, scope: valueScope });
    };
    visit(node, scope);
    return found;
  }

  /**
   * `shares[network]` with a key only known at run time, of a constant object or array literal: any of its values.
   */
  #lookupTable(member: MemberExpression, scope: Scope): BoundValue[] | undefined {
    if (!member.computed || this.fold(member.property, scope).complete) return undefined;
    const holder = this.#heldLiteral(unwrap(member.object), scope);
    if (holder?.node.type === 'ArrayExpression')
      return holder.node.elements.flatMap((element) =>
        element && element.type !== 'SpreadElement' ? [{ node: element, scope: holder.scope }] : [],
      );
    if (holder?.node.type !== 'ObjectExpression') return undefined;
    return holder.node.properties.flatMap((property) =>
      property.type === 'Property' && property.kind === 'init' ? [{ node: property.value, scope: holder.scope }] : [],
    );
  }

  /** The text of a value with its run-time parts marked (see foldShape), through the same variables as `fold`. */
  shape(node: AnyNode, scope: Scope): string {
    return foldShape(node, this.#references(scope, 0));
  }

  /** Notes that the object a variable holds may change: its constant properties are then unknown. */
  noteMutation(name: string, scope: Scope): void {
    this.#mutations.push({ name, scope });
  }

  #references(scope: Scope, depth: number): ResolveReference {
    return (reference) => {
      if (depth >= MAX_FOLD_DEPTH) return undefined;
      const value =
        reference.type === 'Identifier'
          ? this.#constantValue(reference, scope)
          : this.#constantProperty(reference, scope, depth);
      return value && { node: value.node, resolve: this.#references(value.scope, depth + 1) };
    };
  }

  /**
   * The object or array literal an expression is, or that a variable or a constant property holds (`cfg`,
   * `cfg.google`), by the rules `fold` reads them with: a variable given one value, a literal no code changes.
   */
  literal(node: AnyNode, scope: Scope): BoundValue | undefined {
    const expression = unwrap(node);
    if (expression.type !== 'MemberExpression') return this.#heldLiteral(expression, scope);
    const held = this.#constantProperty(expression, scope, 0);
    return held && isLiteral(held.node) ? held : undefined;
  }

  /**
   * The object or array literal an expression is, or that a variable given one value holds, as written: unlike
   * `literal`, whatever code does to it later. For what a literal says was meant (the modules a font-loader config
   * names) where its later contents cannot be known.
   */
  writtenLiteral(node: AnyNode, scope: Scope): BoundValue | undefined {
    const expression = unwrap(node);
    if (expression.type !== 'Identifier') return isLiteral(expression) ? { node: expression, scope } : undefined;
    const found = scope.lookup(expression.name);
    const value = found?.binding.values.length === 1 ? found.binding.values[0] : undefined;
    return value && isLiteral(value.node) ? value : undefined;
  }

  /**
   * The value of a property of a literal `literal` returned, as `fold` reads `cfg.key`: the last property of that
   * name, unknown when a spread after it may override it.
   */
  literalProperty(holder: BoundValue, key: string): BoundValue | undefined {
    return this.#propertyValue(holder, key, 0);
  }

  /** `cfg.host`, `hosts['a']`, `list[0]`, `c.parts`: a property of a literal object no code changes. */
  #constantProperty(member: MemberExpression, scope: Scope, depth: number): BoundValue | undefined {
    const object = unwrap(member.object);
    let holder: BoundValue | undefined;
    if (object.type !== 'MemberExpression') holder = this.#heldLiteral(object, scope);
    else if (depth < MAX_FOLD_DEPTH) holder = this.#constantProperty(object, scope, depth + 1);
    if (!holder || !isLiteral(holder.node)) return undefined;
    const key = this.#foldedKey(member.computed, member.property, scope, depth);
    return key === undefined ? undefined : this.#propertyValue(holder, key, depth);
  }

  /**
   * The object or array literal an expression is (a lookup table read in place: `{ prod: 'https://a.example', dev:
   * '…' }[env]`), or that a variable holds.
   */
  #heldLiteral(node: AnyNode, scope: Scope): BoundValue | undefined {
    const held = node.type === 'Identifier' ? this.#constantValue(node, scope) : { node, scope };
    return held && isLiteral(held.node) ? held : undefined;
  }

  #propertyValue(holder: BoundValue, key: string, depth: number): BoundValue | undefined {
    if (holder.node.type === 'ArrayExpression') {
      const elements = holder.node.elements;
      // A spread before the index moves it.
      const index = /^(?:0|[1-9]\d*)$/.test(key) ? Number(key) : -1;
      const element =
        index >= 0 && !elements.slice(0, index).some((item) => item?.type === 'SpreadElement')
          ? elements[index]
          : undefined;
      return element && element.type !== 'SpreadElement' ? { node: element, scope: holder.scope } : undefined;
    }
    if (holder.node.type !== 'ObjectExpression') return undefined;
    // The last property of that name wins; a spread after it may override it.
    const properties = holder.node.properties;
    for (let index = properties.length - 1; index >= 0; index--) {
      const property = properties[index]!;
      if (property.type === 'SpreadElement') return undefined;
      const propertyKey = this.#foldedKey(property.computed, property.key, holder.scope, depth);
      if (propertyKey === undefined && property.computed) return undefined;
      if (propertyKey === key)
        return property.kind === 'init' ? { node: property.value, scope: holder.scope } : undefined;
    }
    return undefined;
  }

  /** The one value a variable holds; an object or array literal only while no code changes it (`parts.push(x)`). */
  #constantValue(identifier: Identifier, scope: Scope): BoundValue | undefined {
    const found = scope.lookup(identifier.name);
    if (found?.binding.values.length !== 1) return undefined;
    const value = found.binding.values[0]!;
    // Writes to `cfg.a.b` are noted on `cfg`, so only the outermost variable needs checking.
    return isLiteral(value.node) && this.#isMutated(found.binding) ? undefined : value;
  }

  // Keys fold one level deeper than the member, so a key that refers back to its own object (`o[o.k]`) ends.
  #foldedKey(computed: boolean, key: AnyNode, scope: Scope, depth: number): string | undefined {
    if (!computed) return key.type === 'Identifier' ? key.name : key.type === 'Literal' ? String(key.value) : undefined;
    const folded = foldString(key, this.#references(scope, depth + 1));
    return folded.complete ? folded.value : undefined;
  }

  #isMutated(binding: Binding): boolean {
    if (!this.#mutatedBindings) {
      this.#mutatedBindings = new Set();
      for (const { name, scope } of this.#mutations) {
        const found = scope.lookup(name)?.binding;
        if (found) this.#mutatedBindings.add(found);
      }
    }
    return this.#mutatedBindings.has(binding);
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
        return (
          (WINDOW_NAMES.has(expression.name) && scope.isGlobal(expression.name)) ||
          this.#aliases(expression, scope, depth, this.#windowBindings, (value, valueScope) =>
            this.isWindow(value, valueScope, depth + 1),
          )
        );
      case 'MemberExpression': {
        const property = this.propertyName(expression, scope);
        return (
          (property !== undefined &&
            WINDOW_NAMES.has(property) &&
            this.isWindow(expression.object, scope, depth + 1)) ||
          (property === 'defaultView' && this.isDocument(expression.object, scope, depth + 1))
        );
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
        return (
          (expression.name === 'document' && scope.isGlobal('document')) ||
          this.#aliases(expression, scope, depth, this.#documentBindings, (value, valueScope) =>
            this.isDocument(value, valueScope, depth + 1),
          )
        );
      case 'MemberExpression': {
        const property = this.propertyName(expression, scope);
        return (
          property === 'ownerDocument' ||
          (property === 'document' && this.isWindow(expression.object, scope, depth + 1))
        );
      }
      default:
        return this.#eitherBranch(expression, (branch) => this.isDocument(branch, scope, depth + 1));
    }
  }

  /** Whether an expression evaluates to the navigator: navigator, window.navigator, an alias … */
  isNavigator(node: AnyNode, scope: Scope, depth = 0): boolean {
    return this.#isPropertyOf(node, scope, depth, {
      property: 'navigator',
      global: true,
      cache: this.#navigatorBindings,
      isParent: (object, objectScope, parentDepth) => this.isWindow(object, objectScope, parentDepth),
    });
  }

  /** Whether an expression evaluates to `navigator.serviceWorker`, the container that registers service workers. */
  isServiceWorkerContainer(node: AnyNode, scope: Scope, depth = 0): boolean {
    return this.#isPropertyOf(node, scope, depth, {
      property: 'serviceWorker',
      global: false,
      cache: this.#serviceWorkerBindings,
      isParent: (object, objectScope, parentDepth) => this.isNavigator(object, objectScope, parentDepth),
    });
  }

  /**
   * Whether an expression evaluates to `navigator.storage`, whose getDirectory opens the origin private file system.
   */
  isStorageManager(node: AnyNode, scope: Scope, depth = 0): boolean {
    return this.#isPropertyOf(node, scope, depth, {
      property: 'storage',
      global: false,
      cache: this.#storageManagerBindings,
      isParent: (object, objectScope, parentDepth) => this.isNavigator(object, objectScope, parentDepth),
    });
  }

  // An object reached as `parent.property` (or as the global `property`), or through a variable holding one.
  #isPropertyOf(node: AnyNode, scope: Scope, depth: number, object: PropertyObject): boolean {
    const expression = unwrap(node);
    switch (expression.type) {
      case 'Identifier':
        return (
          (object.global && expression.name === object.property && scope.isGlobal(expression.name)) ||
          this.#aliases(expression, scope, depth, object.cache, (value, valueScope) =>
            this.#isPropertyOf(value, valueScope, depth + 1, object),
          )
        );
      case 'MemberExpression':
        return (
          this.propertyName(expression, scope) === object.property &&
          object.isParent(expression.object, scope, depth + 1)
        );
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
  #aliases(
    identifier: Identifier,
    scope: Scope,
    depth: number,
    cache: Map<Binding, boolean>,
    test: (value: AnyNode, valueScope: Scope) => boolean,
  ): boolean {
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
    if (expression.type === 'Identifier')
      return SNIPPET_OBJECTS.has(expression.name) && scope.isGlobal(expression.name) ? expression.name : undefined;
    if (expression.type !== 'MemberExpression') return undefined;
    const property = this.propertyName(expression, scope);
    return property !== undefined && SNIPPET_OBJECTS.has(property) && this.isWindow(expression.object, scope)
      ? property
      : undefined;
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
      return (tagArgument && this.fold(tagArgument, scope).value.toLowerCase()) || undefined;
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

/**
 * The tag a selector's subject must have (`head > link[rel~="icon"]` → link), when it names one and lists no
 * alternatives.
 */
function selectedTag(selector: string): string | undefined {
  const withoutAttributes = selector.replace(/\[[^\]]*\]/g, '');
  if (withoutAttributes.includes(',')) return undefined;
  const subject = withoutAttributes
    .trim()
    .split(/[\s>+~]+/)
    .at(-1)!;
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

function isLiteral(node: AnyNode): node is ArrayExpression | ObjectExpression {
  return node.type === 'ObjectExpression' || node.type === 'ArrayExpression';
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
