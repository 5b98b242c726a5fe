import type { AnyNode } from 'acorn';
import type { ElementWriteLog, ScriptAnalysis } from './analysis.ts';
import { reportNavigation, reportRefresh } from './requests.ts';
import { unwrap } from './resolve.ts';
import type { Binding, Scope } from './scope.ts';

/** One attribute value a script gives an element, and the assignment or call that gives it. */
interface Write {
  value: AnyNode | undefined;
  scope: Scope;
  at: AnyNode;
}

/** What a script does to the element one variable holds: only together do these writes navigate. */
interface ElementUse {
  element: AnyNode;
  scope: Scope;
  refresh: boolean;
  contents: Write[];
  hrefs: Write[];
  clicked: boolean;
}

/**
 * Attributes set on elements held in variables, tied to the variable so that only writes to the same element
 * count together: `content` is a refresh only on a `<meta>` whose `http-equiv` is `refresh`, not on any
 * `<meta name=description>`, and an `<a>`'s `href` is followed only when that same `<a>` is clicked. Reported
 * once the whole script is walked, since the writes come in any order.
 */
export class ElementWrites implements ElementWriteLog {
  readonly #uses = new Map<Binding, ElementUse>();

  /** `element.name = value` or `element.setAttribute(name, value)`, for the attributes that matter together. */
  note(
    analysis: ScriptAnalysis,
    element: AnyNode,
    name: string,
    value: AnyNode | undefined,
    scope: Scope,
    at: AnyNode,
  ): void {
    const use = this.#use(element, scope);
    if (!use) return;
    if (name === 'http-equiv') use.refresh ||= value !== undefined && isRefresh(analysis, value, scope);
    else if (name === 'content') use.contents.push({ value, scope, at });
    else if (name === 'href') use.hrefs.push({ value, scope, at });
  }

  /** `element.click()`: on an `<a>`, it follows the link even when the element is not in the document. */
  noteClick(element: AnyNode, scope: Scope): void {
    const use = this.#use(element, scope);
    if (use) use.clicked = true;
  }

  /**
   * The navigations the noted writes make: a created `<meta http-equiv=refresh>`'s content URL, a clicked `<a>`'s href.
   */
  report(analysis: ScriptAnalysis): void {
    for (const [binding, use] of this.#uses) {
      // A variable assigned twice may hold two elements: the writes need not be to the same one.
      if (binding.values.length !== 1 || !(use.refresh || use.clicked)) continue;
      const tag = analysis.resolve.tagOf(use.element, use.scope);
      if (tag === 'meta' && use.refresh)
        for (const { value, scope, at } of use.contents) reportRefresh(analysis, value, scope, at);
      else if (tag === 'a' && use.clicked)
        for (const { value, scope, at } of use.hrefs) reportNavigation(analysis, 'a', value, scope, at);
    }
  }

  #use(element: AnyNode, scope: Scope): ElementUse | undefined {
    const expression = unwrap(element);
    const binding = expression.type === 'Identifier' ? scope.lookup(expression.name)?.binding : undefined;
    if (!binding) return undefined;
    let use = this.#uses.get(binding);
    if (!use)
      this.#uses.set(
        binding,
        (use = { element: expression, scope, refresh: false, contents: [], hrefs: [], clicked: false }),
      );
    return use;
  }
}

// http-equiv keywords match ASCII case-insensitively, untrimmed.
function isRefresh(analysis: ScriptAnalysis, value: AnyNode, scope: Scope): boolean {
  const folded = analysis.resolve.fold(value, scope);
  return folded.complete && folded.value.toLowerCase() === 'refresh';
}
