import type { AnyNode, AssignmentExpression, CallExpression, Expression, Identifier, MemberExpression, NewExpression, ObjectPattern, Pattern, Program, SpreadElement } from 'acorn';
import { base, recursive, type RecursiveVisitors } from 'acorn-walk';
import type { RequestType, StorageObservation } from '../observations.ts';
import { foldString, type Folded } from './js-fold.ts';
import { ValueResolver, unwrap } from './js-resolve.ts';
import { Scope, patternNames } from './js-scope.ts';
import { SNIPPET_FUNCTIONS, SNIPPET_OBJECTS, SNIPPET_VARIABLES } from './js-snippets.ts';
import { findUrlsInString } from './js-url-literals.ts';

/** Where in the script text a fact sits (an acorn node, or a match of the fallback scan). */
export interface Span {
  start: number;
  end: number;
}

/** One fact about a script, tied to where it was found; js.ts turns it into an observation. */
export type JsFact =
  | { kind: 'storage'; api: StorageObservation['api']; node: Span }
  | { kind: 'request'; type: RequestType; element: string | undefined; attribute?: string; raw: string; node: Span }
  | { kind: 'navigation'; element: string; raw: string; node: Span }
  | { kind: 'snippet'; name: string; node: Span };

type StorageGlobal = 'localStorage' | 'sessionStorage' | 'indexedDB' | 'cookieStore';
const STORAGE_GLOBALS: ReadonlySet<string> = new Set<StorageGlobal>(['localStorage', 'sessionStorage', 'indexedDB', 'cookieStore']);
const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const COOKIE_REFLECTION: ReadonlySet<string> = new Set(['getOwnPropertyDescriptor', '__lookupGetter__', '__lookupSetter__']);
/** Globals that run a string as code: `setTimeout('…')`, `eval('…')`, `Function('…')`. */
const CODE_RUNNERS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'eval', 'Function']);
const CALLED_GLOBALS: ReadonlySet<string> = new Set(['fetch', 'importScripts', 'open', ...CODE_RUNNERS, ...SNIPPET_FUNCTIONS]);
const CALLED_METHODS: ReadonlySet<string> = new Set(['fetch', 'importScripts', 'open', 'sendBeacon', 'assign', 'replace', 'setAttribute', 'setTimeout', 'setInterval', 'eval', ...COOKIE_REFLECTION, ...SNIPPET_FUNCTIONS]);
/** Cache API methods that open, read or write the visitor's cache storage. */
const CACHE_METHODS: ReadonlySet<string> = new Set(['open', 'match', 'keys', 'has', 'delete']);
const CONSTRUCTORS: ReadonlyMap<string, RequestType> = new Map<string, RequestType>([['WebSocket', 'fetch'], ['EventSource', 'fetch'], ['Worker', 'script'], ['SharedWorker', 'script']]);
const WATCHED_PROPERTIES: ReadonlySet<string> = new Set(['cookie', ...STORAGE_GLOBALS, ...SNIPPET_VARIABLES]);
const WATCHED_IDENTIFIERS: ReadonlySet<string> = new Set([...STORAGE_GLOBALS, ...SNIPPET_VARIABLES]);
const ASSIGNED_PROPERTIES: ReadonlySet<string> = new Set(['src', 'href', 'location']);
const REQUEST_TYPE_BY_TAG: Readonly<Record<string, RequestType>> = {
  script: 'script', img: 'image', image: 'image', input: 'image', iframe: 'frame', frame: 'frame',
  audio: 'media', video: 'media', source: 'media', track: 'media', embed: 'object',
};
// acorn-walk's callback also takes the node's role ('Pattern', 'Expression'); its types omit it.
type WalkWithOverride = (node: AnyNode, scope: Scope, override: string) => void;

/** The objects of the `with` statements around a node, innermost first: their properties shadow the scope's names. */
interface WithFrame {
  object: AnyNode;
  scope: Scope;
  outer: WithFrame | undefined;
}

/** The facts of a string run as code (eval, setTimeout, Function), or undefined when no deeper nesting is followed. */
export type RunCode = ((code: string) => JsFact[]) | undefined;


/**
 * Walks a parsed script once, collecting scopes and candidate nodes, then decides with the complete
 * scope picture: cookie and storage use (also through aliases of window and document), request targets,
 * navigations, tracking-snippet calls and every URL in a string literal not already reported.
 */
export function analyzeProgram(program: Program, module: boolean, runCode?: RunCode): JsFact[] {
  return new ProgramAnalysis(program, module, runCode).facts;
}

class ProgramAnalysis {
  readonly facts: JsFact[] = [];
  readonly #checks: (() => void)[] = [];
  readonly #literalUnits: AnyNode[] = [];
  readonly #consumed = new Set<AnyNode>();
  readonly #assignments: { name: string; node: AnyNode; scope: Scope }[] = [];
  readonly #immediateCalls = new Map<AnyNode, { args: (Expression | SpreadElement)[]; scope: Scope }>();
  readonly #pureFolds = new Map<AnyNode, Folded>();
  readonly #resolve = new ValueResolver();
  readonly #runCode: RunCode;
  #with: WithFrame | undefined;

  constructor(program: Program, module: boolean, runCode: RunCode) {
    this.#runCode = runCode;
    // A classic script's top level is the global object; a module has its own scope below it.
    const global = new Scope(undefined, true);
    recursive(program, module ? new Scope(global) : global, this.#visitors());
    for (const { name, node, scope } of this.#assignments) {
      const binding = scope.lookup(name)?.binding;
      // Assigning an undeclared name creates a global.
      if (binding) binding.values.push({ node, scope });
      else global.declare(name, { node, scope });
    }
    for (const check of this.#checks) check();
    for (const unit of this.#literalUnits) if (!this.#consumed.has(unit)) this.#reportUrlLiterals(unit);
  }

  #visitors(): RecursiveVisitors<Scope> {
    return {
      Function: (node, scope, callback) => {
        const c = callback as WalkWithOverride;
        const inner = new Scope(scope);
        if (node.type === 'FunctionExpression' && node.id) inner.declare(node.id.name);
        if (node.type === 'FunctionDeclaration' && node.id) scope.declare(node.id.name);
        const call = this.#immediateCalls.get(node as AnyNode);
        for (let index = 0; index < node.params.length; index++) {
          const param = node.params[index]!;
          const arg = call?.args[index];
          if (param.type === 'Identifier') inner.declare(param.name, arg && arg.type !== 'SpreadElement' ? { node: arg, scope: call.scope } : undefined);
          else for (const name of patternNames(param)) inner.declare(name);
          c(param, inner, 'Pattern');
        }
        c(node.body, inner, node.expression ? 'Expression' : 'Statement');
      },
      VariableDeclarator: (node, scope, c) => {
        const init = node.init ?? undefined;
        if (node.id.type === 'Identifier') scope.declare(node.id.name, init && { node: init, scope });
        else for (const name of patternNames(node.id)) scope.declare(name);
        if (node.id.type === 'ObjectPattern' && init) this.#defer(() => this.#checkDestructuring(node.id as ObjectPattern, init, scope));
        base.VariableDeclarator!(node, scope, c);
      },
      CatchClause: (node, scope, c) => {
        if (node.param) for (const name of patternNames(node.param)) scope.declare(name);
        base.CatchClause!(node, scope, c);
      },
      ClassDeclaration: (node, scope, c) => {
        if (node.id) scope.declare(node.id.name);
        base.ClassDeclaration!(node, scope, c);
      },
      ImportDeclaration: (node, scope, c) => {
        for (const specifier of node.specifiers) scope.declare(specifier.local.name);
        this.#defer(() => this.#reportRequest('import', 'import', node.source, scope, node));
        base.ImportDeclaration!(node, scope, c);
      },
      ExportNamedDeclaration: (node, scope, c) => {
        if (node.source) this.#defer(() => this.#reportRequest('import', 'import', node.source!, scope, node));
        base.ExportNamedDeclaration!(node, scope, c);
      },
      ExportAllDeclaration: (node, scope, c) => {
        this.#defer(() => this.#reportRequest('import', 'import', node.source, scope, node));
        base.ExportAllDeclaration!(node, scope, c);
      },
      ImportExpression: (node, scope, c) => {
        this.#defer(() => this.#reportRequest('import', 'import', node.source, scope, node));
        base.ImportExpression!(node, scope, c);
      },
      Identifier: (node, scope) => {
        if (WATCHED_IDENTIFIERS.has(node.name)) this.#defer(() => this.#checkGlobalReference(node, scope));
        this.#noteWithReference(node, scope);
      },
      WithStatement: (node, scope, callback) => {
        const c = callback as WalkWithOverride;
        const outer = this.#with;
        c(node.object, scope, 'Expression');
        this.#with = { object: node.object, scope, outer };
        c(node.body, scope, 'Statement');
        this.#with = outer;
      },
      MemberExpression: (node, scope, c) => {
        if (node.computed || (node.property.type === 'Identifier' && WATCHED_PROPERTIES.has(node.property.name))) {
          this.#defer(() => this.#checkMember(node, scope));
        } else if (node.property.type === 'Identifier' && CACHE_METHODS.has(node.property.name) && mayBeCaches(node.object)) {
          this.#defer(() => this.#checkCaches(node, scope));
        }
        base.MemberExpression!(node, scope, c);
      },
      CallExpression: (node, scope, c) => {
        this.#noteImmediateCall(node, scope);
        if (isCandidateCall(node.callee)) this.#defer(() => this.#checkCall(node, scope));
        base.CallExpression!(node, scope, c);
      },
      NewExpression: (node, scope, c) => {
        const name = calleeName(node.callee);
        if (name && (CONSTRUCTORS.has(name) || SNIPPET_FUNCTIONS.has(name) || name === 'Function')) this.#defer(() => this.#checkNew(node, scope));
        base.NewExpression!(node, scope, c);
      },
      AssignmentExpression: (node, scope, c) => {
        const left = node.left;
        if (left.type === 'Identifier' && node.operator === '=') this.#assignments.push({ name: left.name, node: node.right, scope });
        // Assignment targets are patterns, which the walk does not visit as references.
        if (left.type === 'Identifier' && WATCHED_IDENTIFIERS.has(left.name)) this.#defer(() => this.#checkGlobalReference(left, scope));
        if (left.type === 'Identifier') this.#noteWithReference(left, scope);
        if (node.left.type === 'ObjectPattern') this.#defer(() => this.#checkDestructuring(node.left as ObjectPattern, node.right, scope));
        if (isAssignmentCandidate(node.left)) this.#defer(() => this.#checkAssignment(node, scope));
        base.AssignmentExpression!(node, scope, c);
      },
      Literal: (node) => {
        if (typeof node.value === 'string' && node.value.includes('//')) this.#literalUnits.push(node);
      },
      TemplateLiteral: (node, scope, c) => {
        if (node.quasis.some((quasi) => quasi.value.cooked?.includes('//'))) this.#literalUnits.push(node);
        base.TemplateLiteral!(node, scope, c);
      },
      BinaryExpression: (node, scope, c) => {
        // A fully constant concatenation is one literal: 'https://' + 'evil.example/p' holds a URL neither part does.
        const folded = node.operator === '+' && mayBeConstant(node.left) && mayBeConstant(node.right) ? this.#pureFold(node) : undefined;
        if (folded?.complete && folded.string) {
          if (folded.value.includes('//')) this.#literalUnits.push(node);
          return;
        }
        base.BinaryExpression!(node, scope, c);
      },
    };
  }

  #defer(check: () => void): void {
    this.#checks.push(check);
  }

  // (function (w, d) { … })(window, document) and its .call(this, …) form bind arguments to parameters.
  #noteImmediateCall(node: CallExpression, scope: Scope): void {
    const callee = node.callee;
    if (callee.type === 'FunctionExpression' || callee.type === 'ArrowFunctionExpression') {
      this.#immediateCalls.set(callee, { args: node.arguments, scope });
    } else if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'call'
      && (callee.object.type === 'FunctionExpression' || callee.object.type === 'ArrowFunctionExpression')) {
      this.#immediateCalls.set(callee.object, { args: node.arguments.slice(1), scope });
    }
  }

  #checkGlobalReference(node: Identifier, scope: Scope): void {
    if (!scope.isGlobal(node.name)) return;
    if (STORAGE_GLOBALS.has(node.name)) this.facts.push({ kind: 'storage', api: node.name as StorageGlobal, node });
    else this.facts.push({ kind: 'snippet', name: node.name, node });
  }

  #checkMember(node: MemberExpression, scope: Scope): void {
    const property = this.#resolve.propertyName(node, scope);
    if (property !== undefined) this.#checkProperty(node.object, property, scope, node);
  }

  /** A read or write of `object[property]`, reported at `at`: document.cookie, window.localStorage, window.gtag … */
  #checkProperty(target: AnyNode, property: string, scope: Scope, at: Span): void {
    if (property === 'cookie' && this.#resolve.isDocument(target, scope)) this.facts.push({ kind: 'storage', api: 'document.cookie', node: at });
    else if (STORAGE_GLOBALS.has(property) && this.#resolve.isWindow(target, scope)) this.facts.push({ kind: 'storage', api: property as StorageGlobal, node: at });
    else if (SNIPPET_VARIABLES.has(property) && this.#resolve.isWindow(target, scope)) this.facts.push({ kind: 'snippet', name: property, node: at });
  }

  /** `caches.open(…)`, `window.caches.match(…)`: the Cache API keeps responses in the visitor's browser. */
  #checkCaches(node: MemberExpression, scope: Scope): void {
    const cache = unwrap(node.object);
    const isCaches = cache.type === 'Identifier'
      ? cache.name === 'caches' && scope.isGlobal('caches')
      : cache.type === 'MemberExpression' && this.#resolve.propertyName(cache, scope) === 'caches' && this.#resolve.isWindow(cache.object, scope);
    if (isCaches) this.facts.push({ kind: 'storage', api: 'caches', node });
  }

  // Inside `with (document) { … }` a free `cookie` is document.cookie.
  #noteWithReference(node: Identifier, scope: Scope): void {
    const frame = this.#with;
    if (frame !== undefined && node.name === 'cookie') this.#defer(() => this.#checkWithReference(node, scope, frame));
  }

  #checkWithReference(node: Identifier, scope: Scope, innermost: WithFrame): void {
    const declared = scope.lookup(node.name)?.scope;
    for (let frame: WithFrame | undefined = innermost; frame; frame = frame.outer) {
      // A function inside the with body that declares the name has its own.
      for (let inner: Scope | undefined = scope; inner && inner !== frame.scope; inner = inner.parent) if (inner === declared) return;
      if (this.#resolve.isDocument(frame.object, frame.scope)) {
        this.facts.push({ kind: 'storage', api: 'document.cookie', node });
        return;
      }
    }
  }

  #checkDestructuring(pattern: ObjectPattern, source: AnyNode, scope: Scope, from = this.#resolve.isDocument(source, scope) ? 'document' : this.#resolve.isWindow(source, scope) ? 'window' : undefined): void {
    if (!from) return;
    for (const property of pattern.properties) {
      if (property.type !== 'Property') continue;
      const key = property.computed ? this.#resolve.fold(property.key, scope).value : property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
      if (from === 'document' && key === 'cookie') this.facts.push({ kind: 'storage', api: 'document.cookie', node: property });
      if (from === 'window' && key && STORAGE_GLOBALS.has(key)) this.facts.push({ kind: 'storage', api: key as StorageGlobal, node: property });
      if (from === 'window' && key === 'document' && property.value.type === 'ObjectPattern') this.#checkDestructuring(property.value, source, scope, 'document');
    }
  }

  #checkCall(node: CallExpression, scope: Scope): void {
    const callee = unwrap(node.callee);
    const [first, second] = node.arguments;
    if (callee.type === 'Identifier') {
      if (!scope.isGlobal(callee.name)) return;
      this.#reportCallTo(callee.name, node, scope);
      return;
    }
    if (callee.type !== 'MemberExpression') return;
    const method = this.#resolve.propertyName(callee, scope);
    if (method === undefined) return;
    const target = callee.object;
    if ((method === 'get' || method === 'set') && isGlobalName(target, 'Reflect', scope)) this.#checkReflection(node, scope);
    else if (method === 'sendBeacon') this.#reportRequest('beacon', 'sendBeacon', first, scope, node);
    else if (method === 'open' && !this.#resolve.isWindow(target, scope) && second && HTTP_METHODS.has(this.#resolve.fold(first!, scope).value.toUpperCase())) this.#reportRequest('fetch', 'XMLHttpRequest', second, scope, node);
    else if ((method === 'assign' || method === 'replace') && this.#resolve.isLocation(target, scope)) this.#reportNavigation(`location.${method}`, first, scope, node);
    else if (method === 'setAttribute' && first && this.#resolve.fold(first, scope).value.toLowerCase() === 'src') this.#reportElementSource(target, second, scope, node);
    else if (COOKIE_REFLECTION.has(method) && node.arguments.some((arg) => this.#resolve.fold(arg, scope).value === 'cookie')) this.facts.push({ kind: 'storage', api: 'document.cookie', node });
    else if (CALLED_GLOBALS.has(method) && this.#resolve.isWindow(target, scope)) this.#reportCallTo(method, node, scope);
    else {
      const object = this.#resolve.snippetObject(target, scope);
      const methods = object ? SNIPPET_OBJECTS.get(object) : undefined;
      if (methods === true || methods?.has(method)) this.facts.push({ kind: 'snippet', name: object!, node });
    }
  }

  /** `Reflect.get(document, 'cookie')`, `Reflect.set(window, 'localStorage', …)`: a property access without a member expression. */
  #checkReflection(node: CallExpression, scope: Scope): void {
    const [target, key] = node.arguments;
    if (!target || !key || target.type === 'SpreadElement') return;
    const property = this.#resolve.fold(key, scope);
    if (property.complete) this.#checkProperty(target, property.value, scope, node);
  }

  /** A call to a global function (`fetch(…)`, `window.open(…)`, `gtag(…)`). */
  #reportCallTo(name: string, node: CallExpression, scope: Scope): void {
    const first = node.arguments[0];
    if (name === 'fetch') this.#reportRequest('fetch', 'fetch', first, scope, node);
    else if (name === 'importScripts') for (const arg of node.arguments) this.#reportRequest('script', 'importScripts', arg, scope, node);
    else if (name === 'open') this.#reportNavigation('window.open', first, scope, node);
    else if (CODE_RUNNERS.has(name)) this.#reportCode(name, node, scope);
    else if (SNIPPET_FUNCTIONS.has(name)) this.facts.push({ kind: 'snippet', name, node });
  }

  /** A constant string run as code (`eval('…')`, `setTimeout('…')`, `new Function('…')`): its facts, at the call. */
  #reportCode(name: string, node: CallExpression | NewExpression, scope: Scope): void {
    if (this.#runCode === undefined) return;
    const args = name === 'Function' ? node.arguments : node.arguments.slice(0, 1);
    const parts: string[] = [];
    for (const arg of args) {
      const folded = arg.type === 'SpreadElement' ? undefined : this.#resolve.fold(arg, scope);
      if (!folded?.complete || !folded.string) return;
      parts.push(folded.value);
      for (const literal of folded.literals) this.#consumed.add(literal);
    }
    if (parts.length === 0) return;
    // What the Function constructor compiles: parameters, then the body.
    const code = name === 'Function' ? `(function anonymous(${parts.slice(0, -1).join(',')}\n) {\n${parts.at(-1)}\n})` : parts[0]!;
    for (const fact of this.#runCode(code)) this.facts.push({ ...fact, node });
  }

  #checkNew(node: NewExpression, scope: Scope): void {
    const callee = unwrap(node.callee);
    let name: string | undefined;
    if (callee.type === 'Identifier' && scope.isGlobal(callee.name)) name = callee.name;
    else if (callee.type === 'MemberExpression' && this.#resolve.isWindow(callee.object, scope)) name = this.#resolve.propertyName(callee, scope);
    if (!name) return;
    const type = CONSTRUCTORS.get(name);
    if (type) this.#reportRequest(type, name, node.arguments[0], scope, node);
    else if (name === 'Function') this.#reportCode(name, node, scope);
    else if (SNIPPET_FUNCTIONS.has(name)) this.facts.push({ kind: 'snippet', name, node });
  }

  #checkAssignment(node: AssignmentExpression, scope: Scope): void {
    const left = node.left;
    if (left.type === 'Identifier') {
      if (left.name === 'location' && scope.isGlobal('location')) this.#reportNavigation('location', node.right, scope, node);
      return;
    }
    if (left.type !== 'MemberExpression') return;
    const property = this.#resolve.propertyName(left, scope);
    if (property === 'src') this.#reportElementSource(left.object, node.right, scope, node);
    else if (property === 'href' && this.#resolve.isLocation(left.object, scope)) this.#reportNavigation('location', node.right, scope, node);
    else if (property === 'location' && (this.#resolve.isWindow(left.object, scope) || this.#resolve.isDocument(left.object, scope))) this.#reportNavigation('location', node.right, scope, node);
  }

  /** `img.src = url`, `script.setAttribute('src', url)`: the request type follows the element, when known. */
  #reportElementSource(element: AnyNode, value: AnyNode | undefined, scope: Scope, at: AnyNode): void {
    const tag = this.#resolve.tagOf(element, scope);
    this.#reportRequest(tag ? (REQUEST_TYPE_BY_TAG[tag] ?? 'other') : 'other', tag, value, scope, at, 'src');
  }

  /** A request to the URL `value` holds, reported at the call or assignment `at` that makes it. */
  #reportRequest(type: RequestType, element: string | undefined, value: AnyNode | undefined, scope: Scope, at: AnyNode, attribute?: string): void {
    const raw = this.#target(value, scope);
    if (raw !== undefined) this.facts.push({ kind: 'request', type, element, ...(attribute && { attribute }), raw, node: at });
  }

  #reportNavigation(element: string, value: AnyNode | undefined, scope: Scope, at: AnyNode): void {
    const raw = this.#target(value, scope);
    if (raw !== undefined) this.facts.push({ kind: 'navigation', element, raw, node: at });
  }

  /** The constant (prefix of a) URL an argument holds; its literals are then not reported again as bare literals. */
  #target(value: AnyNode | undefined, scope: Scope): string | undefined {
    if (!value || value.type === 'SpreadElement') return undefined;
    const folded = this.#resolve.fold(value, scope);
    if (!folded.string || folded.value.trim() === '') return undefined;
    for (const literal of folded.literals) this.#consumed.add(literal);
    this.#consumed.add(value);
    return folded.value;
  }

  #reportUrlLiterals(unit: AnyNode): void {
    const texts = unit.type === 'TemplateLiteral' ? unit.quasis.map((quasi) => quasi.value.cooked ?? '') : [this.#pureFold(unit).value];
    for (const text of texts) {
      for (const { url } of findUrlsInString(text)) this.facts.push({ kind: 'request', type: 'literal', element: undefined, raw: url, node: unit });
    }
  }

  #pureFold(node: AnyNode): Folded {
    let folded = this.#pureFolds.get(node);
    if (!folded) this.#pureFolds.set(node, (folded = foldString(node)));
    return folded;
  }

}


/** Whether a node is the global `name` itself (not a local of that name). */
function isGlobalName(node: AnyNode, name: string, scope: Scope): boolean {
  const expression = unwrap(node);
  return expression.type === 'Identifier' && expression.name === name && scope.isGlobal(name);
}

// Cheap syntactic test: `caches.x` or `<something>.caches.x`.
function mayBeCaches(node: AnyNode): boolean {
  const expression = unwrap(node);
  if (expression.type === 'Identifier') return expression.name === 'caches';
  return expression.type === 'MemberExpression' && (expression.computed || (expression.property.type === 'Identifier' && expression.property.name === 'caches'));
}

function mayBeConstant(node: AnyNode): boolean {
  return node.type === 'Literal' || node.type === 'TemplateLiteral' || node.type === 'BinaryExpression';
}

function calleeName(callee: AnyNode): string | undefined {
  const expression = unwrap(callee);
  if (expression.type === 'Identifier') return expression.name;
  if (expression.type === 'MemberExpression' && !expression.computed && expression.property.type === 'Identifier') return expression.property.name;
  return expression.type === 'MemberExpression' && expression.computed ? '' : undefined;
}

// Cheap syntactic test before any scope work: most calls in a bundle are none of ours.
function isCandidateCall(callee: Expression | AnyNode): boolean {
  const expression = unwrap(callee);
  if (expression.type === 'Identifier') return CALLED_GLOBALS.has(expression.name);
  if (expression.type !== 'MemberExpression') return false;
  if (expression.computed || (expression.property.type === 'Identifier' && CALLED_METHODS.has(expression.property.name))) return true;
  const object = unwrap(expression.object);
  const objectName = object.type === 'Identifier' ? object.name : object.type === 'MemberExpression' ? calleeName(object) : undefined;
  return objectName === '' || objectName === 'Reflect' || (objectName !== undefined && SNIPPET_OBJECTS.has(objectName));
}

function isAssignmentCandidate(left: Pattern): boolean {
  if (left.type === 'Identifier') return left.name === 'location';
  return left.type === 'MemberExpression' && (left.computed || (left.property.type === 'Identifier' && ASSIGNED_PROPERTIES.has(left.property.name)));
}
