import type { AnyNode, AssignmentExpression, Pattern } from 'acorn';
import type { RequestType } from '../observations.ts';
import type { ProgramAnalysis } from './js-analyze.ts';
import type { Scope } from './js-scope.ts';
import { findUrlsInString } from './js-url-literals.ts';

const ASSIGNED_PROPERTIES: ReadonlySet<string> = new Set(['src', 'href', 'location']);
const REQUEST_TYPE_BY_TAG: Readonly<Record<string, RequestType>> = {
  script: 'script', img: 'image', image: 'image', input: 'image', iframe: 'frame', frame: 'frame',
  audio: 'media', video: 'media', source: 'media', track: 'media', embed: 'object',
};

/** `location = url`, `location.href = url`, `img.src = url`: a navigation or a request the assignment makes. */
export function checkAssignment(analysis: ProgramAnalysis, node: AssignmentExpression, scope: Scope): void {
  const left = node.left;
  if (left.type === 'Identifier') {
    if (left.name === 'location' && scope.isGlobal('location')) reportNavigation(analysis, 'location', node.right, scope, node);
    return;
  }
  if (left.type !== 'MemberExpression') return;
  const resolve = analysis.resolve;
  const property = resolve.propertyName(left, scope);
  if (property === 'src') reportElementSource(analysis, left.object, node.right, scope, node);
  else if (property === 'href' && resolve.isLocation(left.object, scope)) reportNavigation(analysis, 'location', node.right, scope, node);
  else if (property === 'location' && (resolve.isWindow(left.object, scope) || resolve.isDocument(left.object, scope))) reportNavigation(analysis, 'location', node.right, scope, node);
}

/** `img.src = url`, `script.setAttribute('src', url)`: the request type follows the element, when known. */
export function reportElementSource(analysis: ProgramAnalysis, element: AnyNode, value: AnyNode | undefined, scope: Scope, at: AnyNode): void {
  const tag = analysis.resolve.tagOf(element, scope);
  reportRequest(analysis, tag ? (REQUEST_TYPE_BY_TAG[tag] ?? 'other') : 'other', tag, value, scope, at, 'src');
}

/** A request to the URL `value` holds, reported at the call or assignment `at` that makes it. */
export function reportRequest(analysis: ProgramAnalysis, type: RequestType, element: string | undefined, value: AnyNode | undefined, scope: Scope, at: AnyNode, attribute?: string): void {
  const raw = target(analysis, value, scope);
  if (raw !== undefined) analysis.facts.push({ kind: 'request', type, element, ...(attribute && { attribute }), raw, node: at });
}

/** A navigation to the URL `value` holds (`location.assign(…)`, `window.open(…)`), reported at `at`. */
export function reportNavigation(analysis: ProgramAnalysis, element: string, value: AnyNode | undefined, scope: Scope, at: AnyNode): void {
  const raw = target(analysis, value, scope);
  if (raw !== undefined) analysis.facts.push({ kind: 'navigation', element, raw, node: at });
}

/** The constant (prefix of a) URL an argument holds; its literals are then not reported again as bare literals. */
function target(analysis: ProgramAnalysis, value: AnyNode | undefined, scope: Scope): string | undefined {
  if (!value || value.type === 'SpreadElement') return undefined;
  const folded = analysis.resolve.fold(value, scope);
  if (!folded.string || folded.value.trim() === '') return undefined;
  for (const literal of folded.literals) analysis.consumed.add(literal);
  analysis.consumed.add(value);
  return folded.value;
}

/** Every URL in a string literal, template or constant concatenation that no call or assignment reported. */
export function reportUrlLiterals(analysis: ProgramAnalysis, unit: AnyNode): void {
  const texts = unit.type === 'TemplateLiteral' ? unit.quasis.map((quasi) => quasi.value.cooked ?? '') : [analysis.pureFold(unit).value];
  for (const text of texts) {
    for (const { url } of findUrlsInString(text)) analysis.facts.push({ kind: 'request', type: 'literal', element: undefined, raw: url, node: unit });
  }
}

/** Cheap syntactic test before any scope work: an assignment to `location` or to a `src`, `href` or `location` property. */
export function isAssignmentCandidate(left: Pattern): boolean {
  if (left.type === 'Identifier') return left.name === 'location';
  return left.type === 'MemberExpression' && (left.computed || (left.property.type === 'Identifier' && ASSIGNED_PROPERTIES.has(left.property.name)));
}
