import type {
  AnyNode,
  AssignmentExpression,
  CallExpression,
  ObjectExpression,
  Pattern,
  Property,
  SpreadElement,
} from 'acorn';
import type { FieldKind, RequestType } from '../../observations.ts';
import type { ScriptAnalysis } from './analysis.ts';
import { RUNTIME_VALUE } from './fold.ts';
import { unwrap } from './resolve.ts';
import type { BoundValue, Scope } from './scope.ts';
import { findRequestedUrls, hrefRequestType } from './url-literals.ts';
import { linkRequestType } from '../../syntax/link-rel.ts';
import { queryFieldKinds } from '../../syntax/form-fields.ts';
import { parseMetaRefresh } from '../../syntax/meta-refresh.ts';

const ASSIGNED_PROPERTIES: ReadonlySet<string> = new Set(['src', 'href', 'location', 'httpEquiv', 'content']);
const LINK_TARGET_KEYS: ReadonlySet<string> = new Set(['href', 'to', 'link']);
const REQUEST_TYPE_BY_TAG: Readonly<Record<string, RequestType>> = {
  script: 'script',
  img: 'image',
  image: 'image',
  input: 'image',
  iframe: 'frame',
  frame: 'frame',
  audio: 'media',
  video: 'media',
  source: 'media',
  track: 'media',
  embed: 'object',
};

/** `location = url`, `location.href = url`, `img.src = url`: a navigation or a request the assignment makes. */
export function checkAssignment(analysis: ScriptAnalysis, node: AssignmentExpression, scope: Scope): void {
  const left = node.left;
  if (left.type === 'Identifier') {
    if (left.name === 'location' && scope.isGlobal('location'))
      reportNavigation(analysis, 'location', node.right, scope, node);
    return;
  }
  if (left.type !== 'MemberExpression') return;
  const resolve = analysis.resolve;
  const property = resolve.propertyName(left, scope);
  if (property === 'src') reportElementSource(analysis, left.object, node.right, scope, node);
  else if (property === 'href' && resolve.isLocation(left.object, scope))
    reportNavigation(analysis, 'location', node.right, scope, node);
  else if (property === 'href') reportElementHref(analysis, left.object, node.right, scope, node);
  else if (property === 'location' && (resolve.isWindow(left.object, scope) || resolve.isDocument(left.object, scope)))
    reportNavigation(analysis, 'location', node.right, scope, node);
  else if (property === 'httpEquiv')
    analysis.elementWrites.note(analysis, left.object, 'http-equiv', node.right, scope, node);
  else if (property === 'content')
    analysis.elementWrites.note(analysis, left.object, 'content', node.right, scope, node);
}

/** `img.src = url`, `script.setAttribute('src', url)`: the request type follows the element, when known. */
export function reportElementSource(
  analysis: ScriptAnalysis,
  element: AnyNode,
  value: AnyNode | undefined,
  scope: Scope,
  at: AnyNode,
): void {
  const tag = analysis.resolve.tagOf(element, scope);
  reportRequest(analysis, tag ? (REQUEST_TYPE_BY_TAG[tag] ?? 'other') : 'other', tag, value, scope, at, 'src');
}

/**
 * `link.href = url`, `link.setAttribute('href', url)`: a request when the element fetches its href (a `<link>`,
 * SVG `<image>` …). On any other element (`a.href = url`) it is a link target the visitor may follow, and a
 * navigation once the script clicks that element.
 */
export function reportElementHref(
  analysis: ScriptAnalysis,
  element: AnyNode,
  value: AnyNode | undefined,
  scope: Scope,
  at: AnyNode,
): void {
  const tag = analysis.resolve.tagOf(element, scope);
  const type = tag === undefined ? undefined : hrefRequestType(tag);
  if (type) reportRequest(analysis, type, tag, value, scope, at, 'href');
  // Another window's location (`frame.contentWindow.location.href = url`) loads a page: its URL stays a literal.
  else if (!isLocationObject(analysis, element, scope)) {
    noteUrlUse(analysis, value, scope);
    analysis.elementWrites.note(analysis, element, 'href', value, scope, at);
  }
}

/**
 * Whether an object literal has an `href`, `to` or `link` key: the cheap test in the walk before `checkLinkTargets`.
 */
export function hasLinkTargetKey(object: ObjectExpression): boolean {
  return object.properties.some(
    (property) => property.type === 'Property' && LINK_TARGET_KEYS.has(keyName(property) ?? ''),
  );
}

/**
 * `jsx('a', { href: url })`, `createElement(Link, { to: url })`, a site config's `{ label: 'X', href: url }`: props
 * of a link or a link in data, which the visitor may follow. Unless the object describes an element that fetches
 * its href (`h('link', { rel: 'stylesheet', href })`), those URLs are neither requests nor bare literals.
 */
export function checkLinkTargets(
  analysis: ScriptAnalysis,
  object: ObjectExpression,
  call: CallExpression | undefined,
  scope: Scope,
): void {
  if (describesFetchingElement(analysis, object, call, scope)) return;
  for (const property of object.properties) {
    if (property.type === 'Property' && LINK_TARGET_KEYS.has(keyName(property) ?? ''))
      noteUrlUse(analysis, property.value, scope);
  }
}

/**
 * `{ rel: 'stylesheet', href }`, or props passed along with the tag or element they are for (`jsx('link', …)`,
 * `Object.assign(link, …)`).
 */
function describesFetchingElement(
  analysis: ScriptAnalysis,
  object: ObjectExpression,
  call: CallExpression | undefined,
  scope: Scope,
): boolean {
  const rel = object.properties.find(
    (property): property is Property => property.type === 'Property' && keyName(property) === 'rel',
  );
  if (rel && linkRequestType(analysis.resolve.fold(rel.value, scope).value, undefined) !== undefined) return true;
  return call?.arguments.some((arg) => arg !== object && isHrefFetchingElement(analysis, arg, scope)) ?? false;
}

function isHrefFetchingElement(analysis: ScriptAnalysis, node: AnyNode | SpreadElement, scope: Scope): boolean {
  if (node.type === 'SpreadElement') return false;
  const folded = analysis.resolve.fold(node, scope);
  const tag = folded.complete ? folded.value.toLowerCase() : analysis.resolve.tagOf(node, scope);
  return tag !== undefined && hrefRequestType(tag) !== undefined;
}

function keyName(property: Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  return property.key.type === 'Literal' && typeof property.key.value === 'string' ? property.key.value : undefined;
}

function isLocationObject(analysis: ScriptAnalysis, node: AnyNode, scope: Scope): boolean {
  const expression = unwrap(node);
  if (expression.type === 'Identifier') return expression.name === 'location';
  return expression.type === 'MemberExpression' && analysis.resolve.propertyName(expression, scope) === 'location';
}

/**
 * A URL used without being fetched (a link target, a URL parsed by `new URL(…)`): marked as seen, so its literals are
 * not reported as bare URL literals. A sink it reaches (`fetch(url)`) still reports it.
 */
export function noteUrlUse(analysis: ScriptAnalysis, value: AnyNode | undefined, scope: Scope): void {
  targets(analysis, value, scope);
}

/** A request to the URL `value` holds, reported at the call or assignment `at` that makes it. */
export function reportRequest(
  analysis: ScriptAnalysis,
  type: RequestType,
  element: string | undefined,
  value: AnyNode | undefined,
  scope: Scope,
  at: AnyNode,
  attribute?: string,
): void {
  for (const { raw, partial } of targets(analysis, value, scope)) {
    const queryFields = queryFieldsOf(analysis, partial);
    analysis.facts.push({
      kind: 'request',
      type,
      element,
      ...(attribute && { attribute }),
      raw,
      ...(queryFields.length > 0 && { queryFields }),
      node: at,
    });
  }
}

/** A navigation to the URL `value` holds (`location.assign(…)`, `window.open(…)`), reported at `at`. */
export function reportNavigation(
  analysis: ScriptAnalysis,
  element: string,
  value: AnyNode | undefined,
  scope: Scope,
  at: AnyNode,
): void {
  for (const { raw, partial } of targets(analysis, value, scope)) {
    const queryFields = queryFieldsOf(analysis, partial);
    analysis.facts.push({ kind: 'navigation', element, raw, ...(queryFields.length > 0 && { queryFields }), node: at });
  }
}

/** A created `<meta http-equiv=refresh>`'s `content` (`0;url=…`): a navigation to its URL, reported at `at`. */
export function reportRefresh(analysis: ScriptAnalysis, content: AnyNode | undefined, scope: Scope, at: AnyNode): void {
  for (const { raw: text } of targets(analysis, content, scope)) {
    const url = parseMetaRefresh(text)?.url?.trim();
    if (url) analysis.facts.push({ kind: 'navigation', via: 'refresh', element: 'meta', raw: url, node: at });
  }
}

/**
 * The constant URLs (or prefixes) an argument may hold, one per branch or assigned value (`d ? a : b`, `let n; if (d)
 * n = a; else n = b`), each with the values that fold to it only in part (`'?email=' + email.value`), whose query may
 * carry run-time data; their literals are then not reported again as bare literals.
 */
function targets(
  analysis: ScriptAnalysis,
  value: AnyNode | undefined,
  scope: Scope,
): { raw: string; partial: BoundValue[] }[] {
  if (!value || value.type === 'SpreadElement') return [];
  const found = new Map<string, BoundValue[]>();
  for (const candidate of analysis.resolve.candidates(value, scope)) {
    const folded = analysis.resolve.fold(candidate.node, candidate.scope);
    if (!folded.string || folded.value.trim() === '') continue;
    for (const literal of folded.literals) analysis.consumed.add(literal);
    analysis.consumed.add(candidate.node);
    analysis.consumed.add(value);
    const partial = found.get(folded.value) ?? [];
    if (!folded.complete) partial.push(candidate);
    found.set(folded.value, partial);
  }
  return [...found].map(([raw, partial]) => ({ raw, partial }));
}

/** The kinds of data the queries of these values take from run-time values (`?email=' + email.value` is an email). */
function queryFieldsOf(analysis: ScriptAnalysis, partial: BoundValue[]): FieldKind[] {
  const kinds = partial.flatMap((value) =>
    queryFieldKinds(analysis.resolve.shape(value.node, value.scope), RUNTIME_VALUE),
  );
  return [...new Set(kinds)];
}

/**
 * Every URL a string literal, template or constant concatenation may fetch that no call, assignment or link reported.
 */
export function reportUrlLiterals(analysis: ScriptAnalysis, unit: AnyNode): void {
  const texts =
    unit.type === 'TemplateLiteral'
      ? unit.quasis.map((quasi) => quasi.value.cooked ?? '')
      : [analysis.pureFold(unit).value];
  for (const text of texts) {
    for (const { url } of findRequestedUrls(text))
      analysis.facts.push({ kind: 'request', type: 'literal', element: undefined, raw: url, node: unit });
  }
}

/**
 * Cheap syntactic test before any scope work: an assignment to `location` or to a `src`, `href`, `location`,
 * `httpEquiv` or `content` property.
 */
export function isAssignmentCandidate(left: Pattern): boolean {
  if (left.type === 'Identifier') return left.name === 'location';
  return (
    left.type === 'MemberExpression' &&
    (left.computed || (left.property.type === 'Identifier' && ASSIGNED_PROPERTIES.has(left.property.name)))
  );
}
