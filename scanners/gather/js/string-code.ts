import type { AnyNode, CallExpression, NewExpression } from 'acorn';
import { dataUrlScript } from '../../syntax/embedded-url.ts';
import type { ScriptAnalysis } from './analysis.ts';
import type { Scope } from './scope.ts';

/** Globals that run a string as code: `setTimeout('…')`, `eval('…')`, `Function('…')`. */
export const CODE_RUNNERS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'eval', 'Function']);

/** A constant string run as code (`eval('…')`, `setTimeout('…')`, `new Function('…')`): its facts, at the call. */
export function reportCode(
  analysis: ScriptAnalysis,
  name: string,
  node: CallExpression | NewExpression,
  scope: Scope,
): void {
  const runCode = analysis.runCode;
  if (runCode === undefined) return;
  const args = name === 'Function' ? node.arguments : node.arguments.slice(0, 1);
  const parts: string[] = [];
  for (const arg of args) {
    const folded = arg.type === 'SpreadElement' ? undefined : analysis.resolve.fold(arg, scope);
    if (!folded?.complete || !folded.string) return;
    parts.push(folded.value);
    for (const literal of folded.literals) analysis.consumed.add(literal);
  }
  if (parts.length === 0) return;
  // What the Function constructor compiles: parameters, then the body.
  const code =
    name === 'Function' ? `(function anonymous(${parts.slice(0, -1).join(',')}\n) {\n${parts.at(-1)}\n})` : parts[0]!;
  for (const fact of runCode(code)) analysis.facts.push({ ...fact, node });
}

/**
 * A worker or imported script from a constant `data:` URL (`new Worker('data:text/javascript,fetch(…)')`) runs its
 * code: its facts, at the call.
 */
export function reportDataUrlCode(
  analysis: ScriptAnalysis,
  url: AnyNode | undefined,
  scope: Scope,
  node: CallExpression | NewExpression,
): void {
  const runCode = analysis.runCode;
  if (runCode === undefined || !url || url.type === 'SpreadElement') return;
  const folded = analysis.resolve.fold(url, scope);
  const code = folded.complete && folded.string ? dataUrlScript(folded.value) : undefined;
  if (code !== undefined) for (const fact of runCode(code)) analysis.facts.push({ ...fact, node });
}
