import type { AnyNode, Expression, Pattern } from 'acorn';
import type { RequestType } from '../../observations.ts';
import type { ScriptAnalysis } from './analysis.ts';
import { noteUrlUse } from './requests.ts';
import { unwrap } from './resolve.ts';
import type { BoundValue, Scope } from './scope.ts';

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
  /** An option's value, with the scope it is evaluated in. */
  value(key: string): BoundValue | undefined;
  /** A constant string option. */
  string(key: string): string | undefined;
  /** The constant strings of an array option. */
  strings(key: string): string[];
  /** The elements of an array option. */
  items(key: string): BoundValue[];
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
  if (!config) return;
  const modules = objectOptions(analysis, { node: config, scope });
  const written = writtenModules(analysis, config, scope);
  for (const { key, type, url } of MODULES) {
    // A module the config names but whose options code changes later (or a spread after it may replace) still
    // loads from its own host: reported without the options nospy cannot read.
    const options = objectOptions(analysis, modules?.value(key)) ?? (written.has(key) ? UNREAD : undefined);
    if (!options) continue;
    const api = options.value('api');
    if (api) noteUrlUse(analysis, api.node, api.scope);
    analysis.facts.push({ kind: 'request', type, element: 'WebFont', raw: url(options), node: at });
  }
  // The custom module links each stylesheet in `urls`.
  for (const item of objectOptions(analysis, modules?.value('custom'))?.items('urls') ?? []) {
    const folded = analysis.resolve.fold(item.node, item.scope);
    noteUrlUse(analysis, item.node, item.scope);
    if (folded.string && folded.value.trim() !== '')
      analysis.facts.push({ kind: 'request', type: 'style', element: 'WebFont', raw: folded.value, node: at });
  }
}

/** Options nospy cannot read: a module's own defaults. */
const UNREAD: Options = { value: () => undefined, string: () => undefined, strings: () => [], items: () => [] };

/** The names of the properties a config object has as written (`{ google: …, active: … }`), whatever code does later. */
function writtenModules(analysis: ScriptAnalysis, config: AnyNode, scope: Scope): Set<string> {
  const object = analysis.resolve.writtenLiteral(config, scope)?.node;
  if (object?.type !== 'ObjectExpression') return new Set();
  return new Set(
    object.properties.flatMap((property) =>
      property.type === 'Property' && !property.computed && property.key.type === 'Identifier'
        ? [property.key.name]
        : property.type === 'Property' && property.key.type === 'Literal'
          ? [String(property.key.value)]
          : [],
    ),
  );
}

/** The options of an object literal (or a variable or constant property holding one), read as `fold` reads them. */
function objectOptions(analysis: ScriptAnalysis, option: BoundValue | undefined): Options | undefined {
  const { resolve } = analysis;
  const object = option && resolve.literal(option.node, option.scope);
  if (object?.node.type !== 'ObjectExpression') return undefined;
  const value = (key: string): BoundValue | undefined => resolve.literalProperty(object, key);
  const fold = (bound: BoundValue | undefined): string | undefined => {
    const folded = bound && resolve.fold(bound.node, bound.scope);
    return folded?.complete && folded.string ? folded.value : undefined;
  };
  const items = (key: string): BoundValue[] => {
    const bound = value(key);
    const list = bound && resolve.literal(bound.node, bound.scope);
    if (list?.node.type !== 'ArrayExpression') return [];
    return list.node.elements.flatMap((item) =>
      item && item.type !== 'SpreadElement' ? [{ node: item, scope: list.scope }] : [],
    );
  };
  return {
    value,
    string: (key) => fold(value(key)),
    strings: (key) => items(key).flatMap((item) => fold(item) ?? []),
    items,
  };
}
