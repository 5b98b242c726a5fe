/** An element as a selector sees it: lower-case name and decoded attributes. */
export interface SelectorElement {
  name: string;
  attributes: Record<string, string>;
}

interface AttributeTest {
  name: string;
  operator?: string;
  value?: string;
  caseless: boolean;
}

/** One compound selector (`a.external[target=_blank]`); pseudo-classes that a resting element never has fail it. */
interface Compound {
  tag?: string;
  classes: string[];
  ids: string[];
  attributes: AttributeTest[];
  /** A state pseudo-class (`:hover`) or one this reader does not judge (`:has()`): the compound never matches. */
  unjudged: boolean;
}

/** A complex selector this reader understands: compounds joined by descendant or child combinators. */
export interface Selector {
  /** Outermost first; the last is the subject. */
  compounds: Compound[];
  /** `::before`/`::after` (or the old `:after`) on the subject. */
  pseudoElement?: 'before' | 'after';
}

// Pseudo-classes an element at rest matches (or that only narrow what `:not()` excludes, which is ignored).
const RESTING = new Set(['link', 'any-link', 'not', 'defined', 'lang', 'dir', 'root', 'scope']);
const PART =
  /^(?:\*|[a-zA-Z][\w-]*|\.(?:\\.|[\w-])+|#(?:\\.|[\w-])+|\[[^\]]*\]|::?[\w-]+(?:\((?:[^()]|\([^()]*\))*\))?)/;
const unescapeCss = (text: string) => text.replace(/\\(.)/g, '$1');

function parseAttribute(text: string): AttributeTest | undefined {
  const match = /^\[\s*([\w-]+)\s*(?:([~|^$*]?=)\s*("[^"]*"|'[^']*'|[^\s\]]+)\s*([is])?)?\s*\]$/i.exec(text);
  if (!match) return undefined;
  const [, name, operator, quoted, flag] = match;
  const value = quoted?.replace(/^(["'])([\s\S]*)\1$/, '$2');
  return { name: name!.toLowerCase(), operator, value, caseless: flag?.toLowerCase() === 'i' };
}

/**
 * Reads one complex selector; undefined for what it does not model (sibling combinators, namespaces, a broken
 * selector), which a caller then treats as matching nothing.
 */
export function parseSelector(text: string): Selector | undefined {
  const compounds: Compound[] = [];
  let compound: Compound | undefined;
  let pseudoElement: Selector['pseudoElement'];
  let rest = text.trim();
  while (rest !== '') {
    const combinator = /^\s*>\s*|^\s+/.exec(rest);
    if (combinator) {
      if (compound) compounds.push(compound);
      compound = undefined;
      rest = rest.slice(combinator[0].length);
      continue;
    }
    const part = PART.exec(rest)?.[0];
    // After a pseudo-element nothing else may follow.
    if (!part || pseudoElement) return undefined;
    rest = rest.slice(part.length);
    compound ??= { classes: [], ids: [], attributes: [], unjudged: false };
    const pseudo = /^(::?)([\w-]+)/.exec(part);
    if (part[0] === '.') compound.classes.push(unescapeCss(part.slice(1)));
    else if (part[0] === '#') compound.ids.push(unescapeCss(part.slice(1)));
    else if (part[0] === '[') {
      const test = parseAttribute(part);
      if (!test) return undefined;
      compound.attributes.push(test);
    } else if (pseudo) {
      const name = pseudo[2]!.toLowerCase();
      if (name === 'before' || name === 'after') pseudoElement = name;
      else if (pseudo[1] === '::') return undefined;
      else if (!RESTING.has(name)) compound.unjudged = true;
    } else if (part !== '*') compound.tag = part.toLowerCase();
  }
  if (!compound) return undefined;
  compounds.push(compound);
  return { compounds, ...(pseudoElement && { pseudoElement }) };
}

function testAttribute(test: AttributeTest, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (test.operator === undefined || test.value === undefined) return true;
  const actual = test.caseless ? value.toLowerCase() : value;
  const wanted = test.caseless ? test.value.toLowerCase() : test.value;
  switch (test.operator) {
    case '=':
      return actual === wanted;
    case '~=':
      return actual.split(/[\t\n\f\r ]+/).includes(wanted);
    case '|=':
      return actual === wanted || actual.startsWith(`${wanted}-`);
    case '^=':
      return wanted !== '' && actual.startsWith(wanted);
    case '$=':
      return wanted !== '' && actual.endsWith(wanted);
    default:
      return wanted !== '' && actual.includes(wanted);
  }
}

function matchesCompound(compound: Compound, element: SelectorElement): boolean {
  if (compound.unjudged || (compound.tag !== undefined && compound.tag !== element.name)) return false;
  const classes = (element.attributes.class ?? '').split(/[\t\n\f\r ]+/);
  if (!compound.classes.every((name) => classes.includes(name))) return false;
  if (!compound.ids.every((id) => element.attributes.id === id)) return false;
  return compound.attributes.every((test) => testAttribute(test, element.attributes[test.name]));
}

/**
 * Does `selector` match `element`, whose open ancestors are `ancestors` (outermost first)? A child combinator is
 * read as a descendant one, so it may match a little more than a browser would.
 */
export function matchesSelector(
  selector: Selector,
  element: SelectorElement,
  ancestors: readonly SelectorElement[] = [],
): boolean {
  const subject = selector.compounds.at(-1)!;
  if (!matchesCompound(subject, element)) return false;
  let depth = ancestors.length;
  for (let index = selector.compounds.length - 2; index >= 0; index--) {
    const compound = selector.compounds[index]!;
    do depth -= 1;
    while (depth >= 0 && !matchesCompound(compound, ancestors[depth]!));
    if (depth < 0) return false;
  }
  return true;
}

/**
 * The one key under which an element must be filed for `selector` to match it: the subject's first id (`#main`),
 * else its first class (`.nav`), else its tag (`a`), else `*`. An index of rules by this key lets a caller test only
 * the rules whose key is among {@link elementKeys}.
 */
export function selectorKey(selector: Selector): string {
  const subject = selector.compounds.at(-1)!;
  if (subject.ids.length > 0) return `#${subject.ids[0]}`;
  if (subject.classes.length > 0) return `.${subject.classes[0]}`;
  return subject.tag ?? '*';
}

/** Every key of {@link selectorKey} that a selector matching `element` can have. */
export function elementKeys({ name, attributes }: SelectorElement): string[] {
  const classes = (attributes.class ?? '').split(/[\t\n\f\r ]+/).filter((name) => name !== '');
  return ['*', name, ...classes.map((name) => `.${name}`), ...(attributes.id ? [`#${attributes.id}`] : [])];
}
