/**
 * What a reading of markup is: the page itself, the markup a client-side template holds (`<script
 * type="text/x-template">`, which a browser never parses as the page), or the markup after an early `</noscript`
 * that only a browser with scripting on sees.
 */
export type ReadingKind = 'document' | 'markup-template' | 'scripting-on';

/** One pass of the reader over a document or over markup nested in it. */
export interface HtmlReading {
  kind: ReadingKind;
  /** 0 for a page; one more for each reading or document it is nested in. */
  depth: number;
  /** The decoded hrefs of the `<base>` elements a browser may take in this reading, in order. */
  baseHrefs: string[];
  /** The reading this one is nested in, and how many of its base hrefs came before: they give its starting base. */
  parent?: { reading: HtmlReading; baseHrefsBefore: number };
}

/** One attribute as written in a start tag. */
export interface TagAttribute {
  /** Lower-case name. */
  name: string;
  /** Entity-decoded value, as the DOM holds it. */
  value: string;
  /** `"` or `'` when quoted, null when unquoted, undefined when written without a value. */
  quote: string | null | undefined;
  /** `text.slice(start, end)` is the attribute exactly as written. */
  start: number;
  end: number;
}

/** A start tag written in the source (never one the parser implied), with where it stands. */
export interface StartTag {
  /** Lower-case name (SVG's camel-case names such as `feImage` keep their case). */
  name: string;
  /** Offset of its `<` in the text read (a nested reading's offsets index the page too). */
  start: number;
  /** Offset of its `>`. */
  end: number;
  /** Lower-case names and decoded values; the first of duplicate attributes wins, as in the DOM. */
  attributes: Record<string, string>;
  /** Every attribute as written, duplicates included, in order; empty unless the reader was asked to record them. */
  written: readonly TagAttribute[];
  /** A `<template>` is open around it: inert content that script may clone. */
  inTemplate: boolean;
  /** A `<noscript>` is open around it: read as markup, as a browser with scripting off builds it. */
  inNoscript: boolean;
  /**
   * It is in SVG or MathML content, where HTML rules do not apply: an SVG/MathML element other than an integration
   * point such as `foreignObject` or `mi`, whose content is HTML again.
   */
  foreign: boolean;
  /** An `<svg>` or `<math>` is open around it, whatever namespace the tag itself is in. */
  insideSvgOrMath: boolean;
  reading: HtmlReading;
  /**
   * For a form control (button, input, select, textarea): the form it belongs to, final once the reading ends. For a
   * `<form>`: itself when the browser builds it, undefined when it drops it.
   */
  form?: StartTag;
}

/** The first attribute named `name` as written (browsers ignore later duplicates). */
export function getAttribute(tag: StartTag, name: string): TagAttribute | undefined {
  return tag.written.find((attribute) => attribute.name === name);
}
