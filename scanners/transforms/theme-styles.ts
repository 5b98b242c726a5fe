import { cascade, type CssDeclaration, readStyleRules } from '../syntax/css/rules.ts';
import {
  elementKeys,
  matchesSelector,
  parseSelector,
  type Selector,
  type SelectorElement,
  selectorKey,
} from '../syntax/css/selector.ts';

/**
 * Classes themes and frameworks give text meant only for screen readers (Bootstrap, Tailwind, WordPress, HTML5
 * Boilerplate, inuitcss, Drupal, Foundation …), in the order nospy prefers them; its own class comes last.
 */
export const hiddenClassNames: readonly string[] = [
  'visually-hidden',
  'sr-only',
  'screen-reader-text',
  'visuallyhidden',
  'u-hidden-visually',
  'u-visually-hidden',
  'element-invisible',
  'show-for-sr',
  'hidden-visually',
  'clip',
  'nospy-hidden',
];

/** The class nospy brings when the theme has none, and its one rule (a `<style>` the CSP allows by hash). */
export const ownHiddenClass = 'nospy-hidden';
export const ownHiddenStyle =
  '.nospy-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}';

interface SheetRule {
  selector: Selector;
  declarations: CssDeclaration[];
}

/** The rules of one stylesheet that bear on the leaving notice; read once per stylesheet. */
export type SheetFacts = readonly SheetRule[];

const SIZE_PROPERTIES = ['width', 'height', 'inline-size', 'block-size'];

/** Reads the rules of `css` that can hide text, draw a link's icon or fix a link's size. */
export function readSheetFacts(css: string): SheetFacts {
  const facts: SheetRule[] = [];
  for (const { selectors, declarations } of readStyleRules(css)) {
    const properties = new Set(declarations.map((declaration) => declaration.property));
    for (const text of selectors) {
      const selector = parseSelector(text);
      const subject = selector?.compounds.at(-1);
      if (!selector || !subject) continue;
      const hidden = selector.compounds.length === 1 && subject.classes.some((c) => hiddenClassNames.includes(c));
      const onLink = subject.tag === undefined || subject.tag === 'a';
      const icon = selector.pseudoElement !== undefined && properties.has('content');
      const sized = selector.pseudoElement === undefined && SIZE_PROPERTIES.some((p) => properties.has(p));
      if (hidden || (onLink && (icon || sized))) facts.push({ selector, declarations });
    }
  }
  return facts;
}

const px = (value: string | undefined) => {
  const match = /^(-?\d*\.?\d+)(px)?$/.exec(value ?? '');
  return match && (match[2] || Number(match[1]) === 0) ? Number(match[1]) : undefined;
};

/** Do these declarations take an element out of the flow and leave nothing of it to see? */
function hidesText(values: Map<string, string>): boolean {
  const position = values.get('position');
  if (position !== 'absolute' && position !== 'fixed') return false;
  if (values.get('display') === 'none' || /^(?:hidden|collapse)$/.test(values.get('visibility') ?? '')) return false;
  const width = px(values.get('width'));
  const height = px(values.get('height'));
  const tiny =
    width !== undefined &&
    width <= 1 &&
    height !== undefined &&
    height <= 1 &&
    /^(?:hidden|clip)$/.test(values.get('overflow') ?? '');
  const rect = /^rect\(\s*([^,\s)]+)[\s,]+([^,\s)]+)[\s,]+([^,\s)]+)[\s,]+([^,\s)]+)\s*\)$/.exec(
    values.get('clip') ?? '',
  );
  const clipped =
    (rect !== null && new Set(rect.slice(1)).size === 1) ||
    /^inset\(\s*(?:50|100)%\s*\)$/.test(values.get('clip-path') ?? '');
  return tiny || clipped;
}

const FIXED_LENGTH = /^\d*\.?\d+(?:px|r?em|ch|ex|vw|vh|vmin|vmax|pt|pc|cm|mm|in|r?lh)$/;

/** The theme's styles as pages see them: their stylesheets in document order. Answers are kept per link. */
export class ThemeStyles {
  /** The rules by {@link selectorKey}, each with its place in source order. */
  readonly #index = new Map<string, { order: number; rule: SheetRule }[]>();
  readonly #answers = new Map<string, boolean>();
  #hidden: string | null | undefined;

  constructor(sheets: readonly SheetFacts[]) {
    sheets.flat().forEach((rule, order) => {
      const key = selectorKey(rule.selector);
      const filed = this.#index.get(key);
      if (filed) filed.push({ order, rule });
      else this.#index.set(key, [{ order, rule }]);
    });
  }

  /** The same link in the same place (a site's nav on every page) is judged once. */
  #remember(question: string, link: SelectorElement, ancestors: readonly SelectorElement[], answer: () => boolean) {
    const key = JSON.stringify([question, link, ancestors]);
    let known = this.#answers.get(key);
    if (known === undefined) this.#answers.set(key, (known = answer()));
    return known;
  }

  /** The theme's class that truly hides text (clipped to nothing, or 1px and out of the flow); undefined if none. */
  hiddenClass(): string | undefined {
    if (this.#hidden === undefined) {
      this.#hidden =
        hiddenClassNames.find((name) => {
          const span = { name: 'span', attributes: { class: name } };
          return hidesText(this.#cascade(span, [], undefined));
        }) ?? null;
    }
    return this.#hidden ?? undefined;
  }

  /** Does a `::before`/`::after` rule of the theme put content (an icon) on this link? */
  drawsIcon(link: SelectorElement, ancestors: readonly SelectorElement[]): boolean {
    return this.#remember('icon', link, ancestors, () => this.#drawsIcon(link, ancestors));
  }

  #drawsIcon(link: SelectorElement, ancestors: readonly SelectorElement[]): boolean {
    return (['before', 'after'] as const).some((pseudo) => {
      const values = this.#cascade(link, ancestors, pseudo);
      const content = values.get('content');
      if (content === undefined || content === 'none' || content === 'normal') return false;
      if (!/^(["'])\1$/.test(content)) return true;
      // An empty content drawing an image (a background or mask url(), a mask from a variable) is an icon all the
      // same; one painted in a colour is an underline effect.
      return [...values].some(
        ([property, value]) =>
          (/^(?:-webkit-)?(?:background|mask)/.test(property) && value.includes('url(')) ||
          (/^(?:-webkit-)?mask/.test(property) && value.includes('var(')),
      );
    });
  }

  /** Does the theme (or the link's own `style`) give this link a fixed width or height, with no room for a mark? */
  fixesSize(link: SelectorElement, ancestors: readonly SelectorElement[]): boolean {
    return this.#remember('size', link, ancestors, () => this.#fixesSize(link, ancestors));
  }

  #fixesSize(link: SelectorElement, ancestors: readonly SelectorElement[]): boolean {
    const values = this.#cascade(link, ancestors, undefined);
    const own = link.attributes.style;
    if (own !== undefined) {
      for (const [property, value] of cascade(readStyleRules(`a{${own}}`)[0]?.declarations ?? []))
        values.set(property, value);
    }
    return SIZE_PROPERTIES.some((property) => FIXED_LENGTH.test(values.get(property) ?? ''));
  }

  #cascade(
    element: SelectorElement,
    ancestors: readonly SelectorElement[],
    pseudo: Selector['pseudoElement'],
  ): Map<string, string> {
    const candidates = elementKeys(element).flatMap((key) => this.#index.get(key) ?? []);
    const matching = candidates
      .filter(
        ({ rule: { selector } }) => selector.pseudoElement === pseudo && matchesSelector(selector, element, ancestors),
      )
      .sort((a, b) => a.order - b.order);
    return cascade(matching.flatMap(({ rule }) => rule.declarations));
  }
}

/** Where a page's stylesheets come from: its own `<style>` texts, and the site's files by URL. */
export interface SiteStyles {
  inline(text: string): SheetFacts;
  /** Undefined when the stylesheet cannot be read (not in the build, or nothing to read it from). */
  linked(url: string): SheetFacts | undefined;
  /** The theme of pages that load these stylesheets in this order, shared by all such pages. */
  theme(sheets: readonly SheetFacts[]): ThemeStyles;
}

/**
 * Site styles that read each stylesheet once: `<style>` texts by their text, linked files through `read` (given the
 * URL, the file's text, or undefined). Without `read` (one page under `astro dev`), linked stylesheets are unknown.
 */
export function createSiteStyles(read: (url: string) => string | undefined = () => undefined): SiteStyles {
  const inline = new Map<string, SheetFacts>();
  const linked = new Map<string, SheetFacts | undefined>();
  const ids = new Map<SheetFacts, number>();
  const themes = new Map<string, ThemeStyles>();
  return {
    theme(sheets) {
      const key = sheets.map((facts) => ids.get(facts) ?? ids.set(facts, ids.size).get(facts)).join(',');
      let theme = themes.get(key);
      if (!theme) themes.set(key, (theme = new ThemeStyles(sheets)));
      return theme;
    },
    inline(text) {
      let facts = inline.get(text);
      if (!facts) inline.set(text, (facts = readSheetFacts(text)));
      return facts;
    },
    linked(url) {
      const key = url.replace(/[?#].*$/, '');
      if (!linked.has(key)) {
        const text = read(key);
        linked.set(key, text === undefined ? undefined : readSheetFacts(text));
      }
      return linked.get(key);
    },
  };
}
