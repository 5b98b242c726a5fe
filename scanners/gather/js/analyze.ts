import type { AnyNode, CallExpression, Expression, Identifier, ObjectExpression, Program, SpreadElement } from 'acorn';
import { base, recursive, type RecursiveVisitors } from 'acorn-walk';
import { checkCall, checkNew, isCandidateCall, isCandidateNew } from './calls.ts';
import type { JsFact, RunCode, ScriptAnalysis } from './analysis.ts';
import { ElementWrites } from './elements.ts';
import { isWebFontConfig, isWebFontLoad, reportWebFontConfig } from './font-loaders.ts';
import { foldString, type Folded } from './fold.ts';
import {
  checkAssignment,
  checkLinkTargets,
  hasLinkTargetKey,
  isAssignmentCandidate,
  reportRequest,
  reportUrlLiterals,
} from './requests.ts';
import { ValueResolver, unwrap } from './resolve.ts';
import { mayHoldUrl } from './url-literals.ts';
import { Scope, destructuredValues, patternNames } from './scope.ts';
import { SNIPPET_VARIABLES } from './snippets.ts';
import {
  CACHE_METHODS,
  STORAGE_GLOBALS,
  checkCaches,
  checkDestructuring,
  checkGlobalReference,
  checkMember,
  checkWithReference,
  mayBeCaches,
  type WithFrame,
} from './storage.ts';

// `register`: navigator.serviceWorker.register, and `getDirectory`: navigator.storage.getDirectory, called or not.
const WATCHED_PROPERTIES: ReadonlySet<string> = new Set([
  'cookie',
  'register',
  'getDirectory',
  ...STORAGE_GLOBALS,
  ...SNIPPET_VARIABLES,
]);
const WATCHED_IDENTIFIERS: ReadonlySet<string> = new Set([...STORAGE_GLOBALS, ...SNIPPET_VARIABLES]);
// Calls that change the array they are called on, or the object passed first (`Object.assign(cfg, …)`).
const ARRAY_MUTATORS: ReadonlySet<string> = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'reverse',
  'sort',
  'fill',
  'copyWithin',
]);
const OBJECT_MUTATORS: ReadonlySet<string> = new Set([
  'assign',
  'defineProperty',
  'defineProperties',
  'setPrototypeOf',
]);
// acorn-walk's callback also takes the node's role ('Pattern', 'Expression'); its types omit it.
type WalkWithOverride = (node: AnyNode, scope: Scope, override: string) => void;

/**
 * Walks a parsed script once, collecting scopes and candidate nodes, then decides with the complete
 * scope picture: cookie and storage use (also through aliases of window and document), request targets,
 * navigations, tracking-snippet calls and every URL in a string literal not already reported.
 */
export function analyzeProgram(program: Program, module: boolean, runCode?: RunCode): JsFact[] {
  return new ProgramAnalysis(program, module, runCode).facts;
}

/**
 * One analysis of a script. The checks (storage.ts, calls.ts, requests.ts, string-code.ts, elements.ts) run
 * after the walk and work through its public members, the ScriptAnalysis interface.
 */
export class ProgramAnalysis implements ScriptAnalysis {
  readonly facts: JsFact[] = [];
  /** Literals a request, navigation or string code already reported: not reported again as bare URLs. */
  readonly consumed = new Set<AnyNode>();
  readonly resolve = new ValueResolver();
  readonly elementWrites = new ElementWrites();
  readonly runCode: RunCode;
  readonly #checks: (() => void)[] = [];
  readonly #literalUnits: AnyNode[] = [];
  readonly #assignments: { name: string; node: AnyNode; scope: Scope }[] = [];
  readonly #immediateCalls = new Map<AnyNode, { args: (Expression | SpreadElement)[]; scope: Scope }>();
  /** Object literals with a link key passed to a call (`jsx('a', { href })`), and that call. */
  readonly #linkPropsCalls = new Map<ObjectExpression, CallExpression>();
  readonly #pureFolds = new Map<AnyNode, Folded>();
  #with: WithFrame | undefined;

  constructor(program: Program, module: boolean, runCode: RunCode) {
    this.runCode = runCode;
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
    this.elementWrites.report(this);
    for (const unit of this.#literalUnits) if (!this.consumed.has(unit)) reportUrlLiterals(this, unit);
  }

  /** A node folded without variables, memoised: literal units are folded in the walk and again when reported. */
  pureFold(node: AnyNode): Folded {
    let folded = this.#pureFolds.get(node);
    if (!folded) this.#pureFolds.set(node, (folded = foldString(node)));
    return folded;
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
          if (param.type === 'Identifier')
            inner.declare(
              param.name,
              arg && arg.type !== 'SpreadElement' ? { node: arg, scope: call.scope } : undefined,
            );
          else for (const name of patternNames(param)) inner.declare(name);
          c(param, inner, 'Pattern');
        }
        c(node.body, inner, node.expression ? 'Expression' : 'Statement');
      },
      VariableDeclarator: (node, scope, c) => {
        const init = node.init ?? undefined;
        if (node.id.type === 'Identifier') scope.declare(node.id.name, init && { node: init, scope });
        else for (const name of patternNames(node.id)) scope.declare(name);
        if (init && isWebFontConfig(node.id)) this.#defer(() => reportWebFontConfig(this, init, scope, node));
        if (node.id.type === 'ObjectPattern' && init) {
          const pattern = node.id;
          for (const { name, node: value } of destructuredValues(pattern, init))
            scope.declare(name, { node: value, scope });
          this.#defer(() => checkDestructuring(this, pattern, init, scope));
        }
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
        this.#defer(() => reportRequest(this, 'import', 'import', node.source, scope, node));
        base.ImportDeclaration!(node, scope, c);
      },
      ExportNamedDeclaration: (node, scope, c) => {
        if (node.source) this.#defer(() => reportRequest(this, 'import', 'import', node.source!, scope, node));
        base.ExportNamedDeclaration!(node, scope, c);
      },
      ExportAllDeclaration: (node, scope, c) => {
        this.#defer(() => reportRequest(this, 'import', 'import', node.source, scope, node));
        base.ExportAllDeclaration!(node, scope, c);
      },
      ImportExpression: (node, scope, c) => {
        this.#defer(() => reportRequest(this, 'import', 'import', node.source, scope, node));
        base.ImportExpression!(node, scope, c);
      },
      Identifier: (node, scope) => {
        if (WATCHED_IDENTIFIERS.has(node.name)) this.#defer(() => checkGlobalReference(this, node, scope));
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
          this.#defer(() => checkMember(this, node, scope));
        } else if (
          node.property.type === 'Identifier' &&
          CACHE_METHODS.has(node.property.name) &&
          mayBeCaches(node.object)
        ) {
          this.#defer(() => checkCaches(this, node, scope));
        }
        base.MemberExpression!(node, scope, c);
      },
      CallExpression: (node, scope, c) => {
        this.#noteImmediateCall(node, scope);
        this.#noteMutatingCall(node, scope);
        for (const arg of node.arguments)
          if (arg.type === 'ObjectExpression' && hasLinkTargetKey(arg)) this.#linkPropsCalls.set(arg, node);
        if (isCandidateCall(node.callee)) this.#defer(() => checkCall(this, node, scope));
        else if (isWebFontLoad(node.callee))
          this.#defer(() => reportWebFontConfig(this, node.arguments[0], scope, node));
        base.CallExpression!(node, scope, c);
      },
      NewExpression: (node, scope, c) => {
        if (isCandidateNew(node.callee)) this.#defer(() => checkNew(this, node, scope));
        base.NewExpression!(node, scope, c);
      },
      AssignmentExpression: (node, scope, c) => {
        const left = node.left;
        if (left.type === 'Identifier' && node.operator === '=')
          this.#assignments.push({ name: left.name, node: node.right, scope });
        // Assignment targets are patterns, which the walk does not visit as references.
        if (left.type === 'Identifier' && WATCHED_IDENTIFIERS.has(left.name))
          this.#defer(() => checkGlobalReference(this, left, scope));
        if (left.type === 'Identifier') this.#noteWithReference(left, scope);
        if (left.type === 'ObjectPattern') {
          for (const { name, node: value } of destructuredValues(left, node.right))
            this.#assignments.push({ name, node: value, scope });
          this.#defer(() => checkDestructuring(this, left, node.right, scope));
        }
        if (left.type === 'MemberExpression') this.#noteMutation(left, scope);
        if (isAssignmentCandidate(node.left)) this.#defer(() => checkAssignment(this, node, scope));
        else if (isWebFontConfig(left)) this.#defer(() => reportWebFontConfig(this, node.right, scope, node));
        base.AssignmentExpression!(node, scope, c);
      },
      UpdateExpression: (node, scope, c) => {
        if (node.argument.type === 'MemberExpression') this.#noteMutation(node.argument, scope);
        base.UpdateExpression!(node, scope, c);
      },
      UnaryExpression: (node, scope, c) => {
        if (node.operator === 'delete' && node.argument.type === 'MemberExpression')
          this.#noteMutation(node.argument, scope);
        base.UnaryExpression!(node, scope, c);
      },
      ObjectExpression: (node, scope, c) => {
        if (hasLinkTargetKey(node)) {
          const call = this.#linkPropsCalls.get(node);
          this.#defer(() => checkLinkTargets(this, node, call, scope));
        }
        base.ObjectExpression!(node, scope, c);
      },
      Literal: (node) => {
        if (typeof node.value === 'string' && mayHoldUrl(node.value)) this.#literalUnits.push(node);
      },
      TemplateLiteral: (node, scope, c) => {
        if (node.quasis.some((quasi) => mayHoldUrl(quasi.value.cooked ?? ''))) this.#literalUnits.push(node);
        base.TemplateLiteral!(node, scope, c);
      },
      BinaryExpression: (node, scope, c) => {
        // A fully constant concatenation is one literal: 'https://' + 'evil.example/p' holds a URL neither part does.
        const folded =
          node.operator === '+' && mayBeConstant(node.left) && mayBeConstant(node.right)
            ? this.pureFold(node)
            : undefined;
        if (folded?.complete && folded.string) {
          if (mayHoldUrl(folded.value)) this.#literalUnits.push(node);
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
    } else if (
      callee.type === 'MemberExpression' &&
      !callee.computed &&
      callee.property.type === 'Identifier' &&
      callee.property.name === 'call' &&
      (callee.object.type === 'FunctionExpression' || callee.object.type === 'ArrowFunctionExpression')
    ) {
      this.#immediateCalls.set(callee.object, { args: node.arguments.slice(1), scope });
    }
  }

  // `cfg.host = x`, `parts.push(x)`, `Object.assign(cfg, …)`: the object's properties are no longer the literal's.
  #noteMutatingCall(node: CallExpression, scope: Scope): void {
    const callee = node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
    if (ARRAY_MUTATORS.has(callee.property.name)) this.#noteMutation(callee.object, scope);
    // `Object.assign(cfg, …)`, not `location.assign(url)`.
    else if (
      OBJECT_MUTATORS.has(callee.property.name) &&
      node.arguments[0] &&
      callee.object.type === 'Identifier' &&
      (callee.object.name === 'Object' || callee.object.name === 'Reflect')
    )
      this.#noteMutation(node.arguments[0], scope);
  }

  /** Notes the variable at the root of a written member chain (`cfg` of `cfg.a.b = x`). */
  #noteMutation(target: AnyNode, scope: Scope): void {
    let root = unwrap(target);
    while (root.type === 'MemberExpression') root = unwrap(root.object);
    if (root.type === 'Identifier') this.resolve.noteMutation(root.name, scope);
  }

  // Inside `with (document) { … }` a free `cookie` is document.cookie.
  #noteWithReference(node: Identifier, scope: Scope): void {
    const frame = this.#with;
    if (frame !== undefined && node.name === 'cookie') this.#defer(() => checkWithReference(this, node, scope, frame));
  }
}

function mayBeConstant(node: AnyNode): boolean {
  return node.type === 'Literal' || node.type === 'TemplateLiteral' || node.type === 'BinaryExpression';
}
