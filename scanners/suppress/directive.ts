import type { Location } from '../observations.ts';
import type { Finding } from '../report.ts';

/** Where a directive applies: from `start` to `end` inclusive, 1-based positions of the file. */
export interface Scope {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** One inline suppression: the rules or categories it names, its reason (`''` when none), where it is written. */
export interface Directive {
  rules: string[];
  reason: string;
  /** The directive as written, for the report. */
  text: string;
  at: Location;
  /** Undefined when nothing follows it to apply to (a comment before a closing tag, at the end of a file). */
  scope: Scope | undefined;
}

/**
 * Reads the part after the keyword: `RULE[, RULE] -- reason`. Rules are separated by commas or spaces;
 * the reason is everything after the first ` -- `.
 */
export function parseDirectiveBody(body: string): { rules: string[]; reason: string } {
  const dashes = /(?:^|\s)--(?:\s|$)/.exec(body);
  const list = dashes ? body.slice(0, dashes.index) : body;
  const reason = dashes ? body.slice(dashes.index + dashes[0].length).trim() : '';
  return { rules: list.split(/[\s,]+/).filter(Boolean), reason };
}

/** Does a directive's rule (an id such as `third-party/request`, or a category) name this finding? */
export function namesFinding(rule: string, finding: Pick<Finding, 'ruleId' | 'category'>): boolean {
  return rule === finding.ruleId || rule === finding.category;
}

function before(a: { line: number; column: number }, b: { line: number; column: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.column <= b.column);
}

/** Is the finding's position inside the scope? A finding without a line is in no scope. */
export function inScope(scope: Scope, finding: Pick<Finding, 'line' | 'column'>): boolean {
  if (finding.line === undefined) return false;
  const at = { line: finding.line, column: finding.column ?? 1 };
  return before(scope.start, at) && before(at, scope.end);
}

/** The whole of line `line`: what a `nospy-ignore-next-line` comment ending on the line above covers. */
export function lineScope(line: number): Scope {
  return { start: { line, column: 1 }, end: { line, column: Number.POSITIVE_INFINITY } };
}
