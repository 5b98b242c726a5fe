import type { AnyNode, CallExpression, Expression, NewExpression } from 'acorn';
import type { RequestType } from '../../observations.ts';
import type { ScriptAnalysis } from './analysis.ts';
import { noteUrlUse, reportElementHref, reportElementSource, reportNavigation, reportRequest } from './requests.ts';
import { unwrap } from './resolve.ts';
import type { Scope } from './scope.ts';
import { SNIPPET_FUNCTIONS, SNIPPET_OBJECTS } from './snippets.ts';
import { checkReflection } from './storage.ts';
import { CODE_RUNNERS, reportCode, reportDataUrlCode } from './string-code.ts';

const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const COOKIE_REFLECTION: ReadonlySet<string> = new Set([
  'getOwnPropertyDescriptor',
  '__lookupGetter__',
  '__lookupSetter__',
]);
const CALLED_GLOBALS: ReadonlySet<string> = new Set([
  'fetch',
  'importScripts',
  'open',
  ...CODE_RUNNERS,
  ...SNIPPET_FUNCTIONS,
]);
const CALLED_METHODS: ReadonlySet<string> = new Set([
  'fetch',
  'importScripts',
  'open',
  'sendBeacon',
  'assign',
  'replace',
  'setAttribute',
  'click',
  'parse',
  'canParse',
  'setTimeout',
  'setInterval',
  'eval',
  ...COOKIE_REFLECTION,
  ...SNIPPET_FUNCTIONS,
]);
const CONSTRUCTORS: ReadonlyMap<string, RequestType> = new Map<string, RequestType>([
  ['WebSocket', 'fetch'],
  ['EventSource', 'fetch'],
  ['Worker', 'script'],
  ['SharedWorker', 'script'],
]);

/** A call that may request, navigate, touch storage, run string code or feed a tracking snippet. */
export function checkCall(analysis: ScriptAnalysis, node: CallExpression, scope: Scope): void {
  const callee = unwrap(node.callee);
  const [first, second] = node.arguments;
  if (callee.type === 'Identifier') {
    if (!scope.isGlobal(callee.name)) return;
    reportCallTo(analysis, callee.name, node, scope);
    return;
  }
  if (callee.type !== 'MemberExpression') return;
  const resolve = analysis.resolve;
  const method = resolve.propertyName(callee, scope);
  if (method === undefined) return;
  const target = callee.object;
  if ((method === 'get' || method === 'set') && isGlobalName(target, 'Reflect', scope))
    checkReflection(analysis, node, scope);
  else if ((method === 'parse' || method === 'canParse') && isGlobalName(target, 'URL', scope))
    noteParsedUrl(analysis, node, scope);
  else if (method === 'sendBeacon') reportRequest(analysis, 'beacon', 'sendBeacon', first, scope, node);
  else if (
    method === 'open' &&
    !resolve.isWindow(target, scope) &&
    second &&
    HTTP_METHODS.has(resolve.fold(first!, scope).value.toUpperCase())
  )
    reportRequest(analysis, 'fetch', 'XMLHttpRequest', second, scope, node);
  else if ((method === 'assign' || method === 'replace') && resolve.isLocation(target, scope))
    reportNavigation(analysis, `location.${method}`, first, scope, node);
  else if (method === 'click' && !first) analysis.elementWrites.noteClick(target, scope);
  else if (method === 'setAttribute' && first)
    reportAttribute(analysis, target, resolve.fold(first, scope).value.toLowerCase(), second, scope, node);
  else if (COOKIE_REFLECTION.has(method) && node.arguments.some((arg) => resolve.fold(arg, scope).value === 'cookie'))
    analysis.facts.push({ kind: 'storage', api: 'document.cookie', node });
  else if (CALLED_GLOBALS.has(method) && resolve.isWindow(target, scope)) reportCallTo(analysis, method, node, scope);
  else {
    const object = resolve.snippetObject(target, scope);
    const methods = object ? SNIPPET_OBJECTS.get(object) : undefined;
    if (methods === true || methods?.has(method)) analysis.facts.push({ kind: 'snippet', name: object!, node });
  }
}

/** A call to a global function (`fetch(…)`, `window.open(…)`, `gtag(…)`). */
function reportCallTo(analysis: ScriptAnalysis, name: string, node: CallExpression, scope: Scope): void {
  const first = node.arguments[0];
  if (name === 'fetch') reportRequest(analysis, 'fetch', 'fetch', first, scope, node);
  else if (name === 'importScripts') {
    for (const arg of node.arguments) {
      reportRequest(analysis, 'script', 'importScripts', arg, scope, node);
      reportDataUrlCode(analysis, arg, scope, node);
    }
  } else if (name === 'open') reportNavigation(analysis, 'window.open', first, scope, node);
  else if (CODE_RUNNERS.has(name)) reportCode(analysis, name, node, scope);
  else if (SNIPPET_FUNCTIONS.has(name)) analysis.facts.push({ kind: 'snippet', name, node });
}

/**
 * `element.setAttribute(name, value)` for the attributes an assignment would set: `src`, `href` (a request or a link),
 * a meta's `http-equiv` and `content`.
 */
function reportAttribute(
  analysis: ScriptAnalysis,
  element: AnyNode,
  name: string,
  value: AnyNode | undefined,
  scope: Scope,
  node: CallExpression,
): void {
  if (name === 'src') reportElementSource(analysis, element, value, scope, node);
  else if (name === 'href' || name === 'xlink:href') reportElementHref(analysis, element, value, scope, node);
  else if (name === 'http-equiv' || name === 'content')
    analysis.elementWrites.note(analysis, element, name, value, scope, node);
}

/** `new WebSocket(url)`, `new Worker(url)`, `new Function('…')`, a snippet's constructor. */
export function checkNew(analysis: ScriptAnalysis, node: NewExpression, scope: Scope): void {
  const callee = unwrap(node.callee);
  let name: string | undefined;
  if (callee.type === 'Identifier' && scope.isGlobal(callee.name)) name = callee.name;
  else if (callee.type === 'MemberExpression' && analysis.resolve.isWindow(callee.object, scope))
    name = analysis.resolve.propertyName(callee, scope);
  if (!name) return;
  if (name === 'URL') return noteParsedUrl(analysis, node, scope);
  const type = CONSTRUCTORS.get(name);
  if (type) {
    reportRequest(analysis, type, name, node.arguments[0], scope, node);
    if (type === 'script') reportDataUrlCode(analysis, node.arguments[0], scope, node);
  } else if (name === 'Function') reportCode(analysis, name, node, scope);
  else if (SNIPPET_FUNCTIONS.has(name)) analysis.facts.push({ kind: 'snippet', name, node });
}

/**
 * `new URL(url, base)`, `URL.parse(…)`: parsing fetches nothing (Pagefind's `new URL(\`https://example.com${path}\`)`
 * only reads the path back); a fetch or element the URL object reaches reports it there.
 */
function noteParsedUrl(analysis: ScriptAnalysis, node: CallExpression | NewExpression, scope: Scope): void {
  for (const arg of node.arguments.slice(0, 2)) noteUrlUse(analysis, arg, scope);
}

/** Whether a node is the global `name` itself (not a local of that name). */
function isGlobalName(node: AnyNode, name: string, scope: Scope): boolean {
  const expression = unwrap(node);
  return expression.type === 'Identifier' && expression.name === name && scope.isGlobal(name);
}

function calleeName(callee: AnyNode): string | undefined {
  const expression = unwrap(callee);
  if (expression.type === 'Identifier') return expression.name;
  if (expression.type === 'MemberExpression' && !expression.computed && expression.property.type === 'Identifier')
    return expression.property.name;
  return expression.type === 'MemberExpression' && expression.computed ? '' : undefined;
}

// Cheap syntactic tests before any scope work: most calls in a bundle are none of ours.

/** Whether a call's callee may be one `checkCall` reports. */
export function isCandidateCall(callee: Expression | AnyNode): boolean {
  const expression = unwrap(callee);
  if (expression.type === 'Identifier') return CALLED_GLOBALS.has(expression.name);
  if (expression.type !== 'MemberExpression') return false;
  if (
    expression.computed ||
    (expression.property.type === 'Identifier' && CALLED_METHODS.has(expression.property.name))
  )
    return true;
  const object = unwrap(expression.object);
  const objectName =
    object.type === 'Identifier' ? object.name : object.type === 'MemberExpression' ? calleeName(object) : undefined;
  return objectName === '' || objectName === 'Reflect' || (objectName !== undefined && SNIPPET_OBJECTS.has(objectName));
}

/** Whether a `new` expression's callee may be one `checkNew` reports. */
export function isCandidateNew(callee: AnyNode): boolean {
  const name = calleeName(callee);
  return !!name && (CONSTRUCTORS.has(name) || SNIPPET_FUNCTIONS.has(name) || name === 'Function' || name === 'URL');
}
