import type { AnyNode, CallExpression, Identifier, MemberExpression, ObjectPattern } from 'acorn';
import type { StorageObservation } from '../../observations.ts';
import type { ScriptAnalysis, Span } from './analysis.ts';
import { unwrap } from './resolve.ts';
import type { Scope } from './scope.ts';
import { SNIPPET_VARIABLES } from './snippets.ts';

type StorageGlobal = 'localStorage' | 'sessionStorage' | 'indexedDB' | 'cookieStore';
// The old (Chromium) file system API: files it writes stay on the visitor's disk.
const FILE_SYSTEM_GLOBALS: ReadonlySet<string> = new Set(['requestFileSystem', 'webkitRequestFileSystem']);

/** Globals that read or write the visitor's storage. */
export const STORAGE_GLOBALS: ReadonlySet<string> = new Set([
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'cookieStore',
  ...FILE_SYSTEM_GLOBALS,
]);
/** Cache API methods that open, read or write the visitor's cache storage. */
export const CACHE_METHODS: ReadonlySet<string> = new Set(['open', 'match', 'keys', 'has', 'delete']);

/** The objects of the `with` statements around a node, innermost first: their properties shadow the scope's names. */
export interface WithFrame {
  object: AnyNode;
  scope: Scope;
  outer: WithFrame | undefined;
}

/** A bare `localStorage` or `gtag` that is the global (not a local of that name). */
export function checkGlobalReference(analysis: ScriptAnalysis, node: Identifier, scope: Scope): void {
  if (!scope.isGlobal(node.name)) return;
  if (STORAGE_GLOBALS.has(node.name)) analysis.facts.push({ kind: 'storage', api: globalStorageApi(node.name), node });
  else analysis.facts.push({ kind: 'snippet', name: node.name, node });
}

/** `document.cookie`, `window['local' + 'Storage']`, `w.dataLayer` … */
export function checkMember(analysis: ScriptAnalysis, node: MemberExpression, scope: Scope): void {
  const property = analysis.resolve.propertyName(node, scope);
  if (property !== undefined) checkProperty(analysis, node.object, property, scope, node);
}

/** A read or write of `object[property]`, reported at `at`: document.cookie, window.localStorage, window.gtag … */
function checkProperty(analysis: ScriptAnalysis, target: AnyNode, property: string, scope: Scope, at: Span): void {
  const resolve = analysis.resolve;
  if (property === 'cookie' && resolve.isDocument(target, scope))
    analysis.facts.push({ kind: 'storage', api: 'document.cookie', node: at });
  else if (STORAGE_GLOBALS.has(property) && resolve.isWindow(target, scope))
    analysis.facts.push({ kind: 'storage', api: globalStorageApi(property), node: at });
  else if (SNIPPET_VARIABLES.has(property) && resolve.isWindow(target, scope))
    analysis.facts.push({ kind: 'snippet', name: property, node: at });
  // Reading the method is enough: passed on as a value, it registers wherever it is called.
  else if (property === 'register' && resolve.isServiceWorkerContainer(target, scope))
    analysis.facts.push({ kind: 'storage', api: 'serviceWorker', node: at });
  // The origin private file system; navigator.storage.persist() and estimate() store nothing themselves.
  else if (property === 'getDirectory' && resolve.isStorageManager(target, scope))
    analysis.facts.push({ kind: 'storage', api: 'fileSystem', node: at });
}

/** The storage API a global of STORAGE_GLOBALS belongs to. */
function globalStorageApi(name: string): StorageObservation['api'] {
  return FILE_SYSTEM_GLOBALS.has(name) ? 'fileSystem' : (name as StorageGlobal);
}

/**
 * `Reflect.get(document, 'cookie')`, `Reflect.set(window, 'localStorage', …)`: a property access without a member
 * expression.
 */
export function checkReflection(analysis: ScriptAnalysis, node: CallExpression, scope: Scope): void {
  const [target, key] = node.arguments;
  if (!target || !key || target.type === 'SpreadElement') return;
  const property = analysis.resolve.fold(key, scope);
  if (property.complete) checkProperty(analysis, target, property.value, scope, node);
}

/** `caches.open(…)`, `window.caches.match(…)`: the Cache API keeps responses in the visitor's browser. */
export function checkCaches(analysis: ScriptAnalysis, node: MemberExpression, scope: Scope): void {
  const resolve = analysis.resolve;
  const cache = unwrap(node.object);
  const isCaches =
    cache.type === 'Identifier'
      ? cache.name === 'caches' && scope.isGlobal('caches')
      : cache.type === 'MemberExpression' &&
        resolve.propertyName(cache, scope) === 'caches' &&
        resolve.isWindow(cache.object, scope);
  if (isCaches) analysis.facts.push({ kind: 'storage', api: 'caches', node });
}

/**
 * A free `cookie` inside `with (…)`: document.cookie when the nearest `with` object that can hold it is the document.
 */
export function checkWithReference(
  analysis: ScriptAnalysis,
  node: Identifier,
  scope: Scope,
  innermost: WithFrame,
): void {
  const declared = scope.lookup(node.name)?.scope;
  for (let frame: WithFrame | undefined = innermost; frame; frame = frame.outer) {
    // A function inside the with body that declares the name has its own.
    for (let inner: Scope | undefined = scope; inner && inner !== frame.scope; inner = inner.parent)
      if (inner === declared) return;
    if (analysis.resolve.isDocument(frame.object, frame.scope)) {
      analysis.facts.push({ kind: 'storage', api: 'document.cookie', node });
      return;
    }
  }
}

/**
 * An object whose destructured properties may be storage: `const { cookie } = document`, `const { register } =
 * navigator.serviceWorker`.
 */
type Holder = 'document' | 'window' | 'navigator' | 'serviceWorker' | 'storageManager';

/** What a property of a holder holds, for nested patterns: `const { document: { cookie } } = window`. */
const NESTED_HOLDERS: ReadonlyMap<string, Holder> = new Map([
  ['window.document', 'document'],
  ['window.navigator', 'navigator'],
  ['navigator.serviceWorker', 'serviceWorker'],
  ['navigator.storage', 'storageManager'],
]);

/**
 * `const { cookie } = document`, `({ localStorage: s, document: { cookie } } = window)`, `const { serviceWorker: {
 * register } } = navigator`.
 */
export function checkDestructuring(
  analysis: ScriptAnalysis,
  pattern: ObjectPattern,
  source: AnyNode,
  scope: Scope,
  from = holderOf(analysis, source, scope),
): void {
  if (!from) return;
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const key = property.computed
      ? analysis.resolve.fold(property.key, scope).value
      : property.key.type === 'Identifier'
        ? property.key.name
        : property.key.type === 'Literal'
          ? String(property.key.value)
          : undefined;
    if (key === undefined) continue;
    const api = destructuredApi(from, key);
    if (api) analysis.facts.push({ kind: 'storage', api, node: property });
    const nested = NESTED_HOLDERS.get(`${from}.${key}`);
    if (nested && property.value.type === 'ObjectPattern')
      checkDestructuring(analysis, property.value, source, scope, nested);
  }
}

function destructuredApi(from: Holder, key: string): StorageObservation['api'] | undefined {
  if (from === 'document' && key === 'cookie') return 'document.cookie';
  if (from === 'window' && STORAGE_GLOBALS.has(key)) return globalStorageApi(key);
  if (from === 'serviceWorker' && key === 'register') return 'serviceWorker';
  if (from === 'storageManager' && key === 'getDirectory') return 'fileSystem';
  return undefined;
}

function holderOf(analysis: ScriptAnalysis, source: AnyNode, scope: Scope): Holder | undefined {
  const resolve = analysis.resolve;
  if (resolve.isDocument(source, scope)) return 'document';
  if (resolve.isWindow(source, scope)) return 'window';
  if (resolve.isNavigator(source, scope)) return 'navigator';
  if (resolve.isServiceWorkerContainer(source, scope)) return 'serviceWorker';
  return resolve.isStorageManager(source, scope) ? 'storageManager' : undefined;
}

/** Cheap syntactic test before any scope work: `caches.x` or `<something>.caches.x`. */
export function mayBeCaches(node: AnyNode): boolean {
  const expression = unwrap(node);
  if (expression.type === 'Identifier') return expression.name === 'caches';
  return (
    expression.type === 'MemberExpression' &&
    (expression.computed || (expression.property.type === 'Identifier' && expression.property.name === 'caches'))
  );
}
