import type { AnyNode } from 'acorn';
import type { FieldKind, RequestType, StorageObservation } from '../../observations.ts';
import type { Folded } from './fold.ts';
import type { ValueResolver } from './resolve.ts';
import type { Scope } from './scope.ts';

/** Where in the script text a fact sits (an acorn node, or a match of the fallback scan). */
export interface Span {
  start: number;
  end: number;
}

/**
 * One fact about a script, tied to where it was found; index.ts turns it into an observation. `unparsed`: found by the
 * token scan of code with a syntax error, which a browser does not run.
 */
export type JsFact = (
  | { kind: 'storage'; api: StorageObservation['api']; node: Span }
  | {
      kind: 'request';
      type: RequestType;
      element: string | undefined;
      attribute?: string;
      raw: string;
      queryFields?: FieldKind[];
      node: Span;
    }
  | { kind: 'navigation'; via?: 'refresh'; element: string; raw: string; queryFields?: FieldKind[]; node: Span }
  | { kind: 'snippet'; name: string; node: Span }
  | { kind: 'unparsable'; reason: string; node: Span }
) & { unparsed?: true };

/** The facts of a string run as code (eval, setTimeout, Function), or undefined when no deeper nesting is followed. */
export type RunCode = ((code: string) => JsFact[]) | undefined;

/**
 * What the checks of one script's analysis share: the facts found so far, the literals already reported, the
 * resolver of values and the element writes noted in the walk. analyze.ts's ProgramAnalysis is the one
 * implementation; the checks depend on this interface so that none of them imports the walk.
 */
export interface ScriptAnalysis {
  readonly facts: JsFact[];
  /** Literals a request, navigation or string code already reported: not reported again as bare URLs. */
  readonly consumed: Set<AnyNode>;
  readonly resolve: ValueResolver;
  readonly elementWrites: ElementWriteLog;
  readonly runCode: RunCode;
  /** A node folded without variables, memoised. */
  pureFold(node: AnyNode): Folded;
}

/** Attribute writes and clicks on elements held in variables, reported once the whole script is walked. */
export interface ElementWriteLog {
  note(
    analysis: ScriptAnalysis,
    element: AnyNode,
    name: string,
    value: AnyNode | undefined,
    scope: Scope,
    at: AnyNode,
  ): void;
  noteClick(element: AnyNode, scope: Scope): void;
}
