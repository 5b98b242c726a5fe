import type { AnyNode, Expression, Pattern } from 'acorn';
import type { RequestType } from '../../observations.ts';
import type { ScriptAnalysis } from './analysis.ts';
import { noteUrlUse } from './requests.ts';
import { unwrap } from './resolve.ts';
import type { Scope } from './scope.ts';

/**
 * What each module of the Web Font Loader (typekit/webfontloader) fetches: the stylesheet or script URL it builds
 * from its options, and what that is.
 */
const MODULES: readonly { key: string; type: RequestType; url: (options: Options) => string }[] = [
  { key: 'google', type: 'style', url: googleFontsUrl },
  {
    key: 'typekit',
    type: 'script',
    url: (o) => `${o.string('api') ?? 'https://use.typekit.net'}/${o.string('id') ?? ''}.js`,
  },
  { key: 'monotype', type: 'script', url: (o) => `https://fast.fonts.net/jsapi/${o.string('projectId') ?? ''}.js` },
  { key: 'fontdeck', type: 'script', url: () => 'https://f.fontdeck.com/s/css/js/' },
];

/** Read access to one module's options object. */
interface Options {
  /** The scope the object literal is evaluated in. */
  scope: Scope;
  node(key: string): AnyNode | undefined;
  /** A constant string option. */
  string(key: string): string | undefined;
  /** The constant strings of an array option. */
  strings(key: string): string[];
  /** The elements of an array option. */
  items(key: string): AnyNode[];
}

/** `https://fonts.googleapis.com/css?family=Roboto:400,700|Lora`, as the loader's google module builds it. */
function googleFontsUrl(options: Options): string {
  const api = options.string('api') ?? 'https://fonts.googleapis.com/css';
  const families = options.strings('families').map((family) => family.replace(/ /g, '+'));
  return families.length === 0 ? api : `${api}?family=${families.join('%7C')}`;
}

/** Whether a call is `WebFont.load(…)` (or `window.WebFont.load(…)`): the cheap test in the walk. */
export function isWebFontLoad(callee: AnyNode): boolean {
  const expression = unwrap(callee);
  if (expression.type !== 'MemberExpression' || expression.computed) return false;
  if (expression.property.type !== 'Identifier' || expression.property.name !== 'load') return false;
  const object = unwrap(expression.object);
  const name =
    object.type === 'Identifier'
      ? object.name
      : object.type === 'MemberExpression' && object.property.type === 'Identifier'
        ? object.property.name
        : undefined;
  return name === 'WebFont';
}

/** Whether an assignment target or declared name is `WebFontConfig` (`window.WebFontConfig = …` too). */
export function isWebFontConfig(target: Pattern | Expression): boolean {
  if (target.type === 'Identifier') return target.name === 'WebFontConfig';
  return (
    target.type === 'MemberExpression' &&
    !target.computed &&
    target.property.type === 'Identifier' &&
    target.property.name === 'WebFontConfig'
  );
}

/**
 * A Web Font Loader config (`WebFont.load({ google: { families: […] } })`, `WebFontConfig = {…}`): the stylesheets
 * and scripts its modules fetch at run time (Google Fonts, Adobe Fonts …, and a `custom` module's `urls`), reported
 * at `at` as requests.
 */
export function reportWebFontConfig(
  analysis: ScriptAnalysis,
  config: AnyNode | undefined,
  scope: Scope,
  at: AnyNode,
): void {
  const modules = config && objectOptions(analysis, config, scope);
  if (!modules) return;
  for (const { key, type, url } of MODULES) {
    const options = objectOptions(analysis, modules.node(key), modules.scope);
    if (!options) continue;
    noteUrlUse(analysis, options.node('api'), options.scope);
    analysis.facts.push({ kind: 'request', type, element: 'WebFont', raw: url(options), node: at });
  }
  // The custom module links each stylesheet in `urls`.
  const custom = objectOptions(analysis, modules.node('custom'), modules.scope);
  for (const item of custom?.items('urls') ?? []) {
    const folded = analysis.resolve.fold(item, custom!.scope);
    noteUrlUse(analysis, item, custom!.scope);
    if (folded.string && folded.value.trim() !== '')
      analysis.facts.push({ kind: 'request', type: 'style', element: 'WebFont', raw: folded.value, node: at });
  }
}

/** The options of an object literal (or a variable holding one), read through constant folding. */
function objectOptions(analysis: ScriptAnalysis, node: AnyNode | undefined, scope: Scope): Options | undefined {
  const held = node && heldValue(node, scope);
  if (held?.node.type !== 'ObjectExpression') return undefined;
  const { node: object, scope: objectScope } = held;
  const { properties } = object;
  const optionValue = (key: string): AnyNode | undefined => {
    for (const property of properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const { key: name } = property;
      if ((name.type === 'Identifier' ? name.name : name.type === 'Literal' ? name.value : undefined) === key)
        return property.value;
    }
    return undefined;
  };
  const fold = (value: AnyNode | undefined | null): string | undefined => {
    if (!value || value.type === 'SpreadElement') return undefined;
    const folded = analysis.resolve.fold(value, objectScope);
    return folded.complete && folded.string ? folded.value : undefined;
  };
  const items = (key: string): AnyNode[] => {
    const value = optionValue(key);
    const list = value && heldValue(value, objectScope).node;
    return list?.type === 'ArrayExpression'
      ? list.elements.filter((item): item is Expression => item !== null && item.type !== 'SpreadElement')
      : [];
  };
  return {
    scope: objectScope,
    node: optionValue,
    string: (key) => fold(optionValue(key)),
    strings: (key) => items(key).flatMap((item) => fold(item) ?? []),
    items,
  };
}

/** The literal a variable holds when it is given one value (`{ families }`), else the expression itself. */
function heldValue(node: AnyNode, scope: Scope): { node: AnyNode; scope: Scope } {
  const expression = unwrap(node);
  const values = expression.type === 'Identifier' ? scope.lookup(expression.name)?.binding.values : undefined;
  return values?.length === 1
    ? { node: unwrap(values[0]!.node), scope: values[0]!.scope }
    : { node: expression, scope };
}
