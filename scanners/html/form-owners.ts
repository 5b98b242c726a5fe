import type { StartTag } from './tags.ts';

/** The elements whose form owner the reader sets: the ones that submit, or are submitted with, a form. */
const FORM_CONTROLS: ReadonlySet<string> = new Set(['button', 'input', 'select', 'textarea']);

/**
 * Assigns form owners as a browser's parser does, one start tag at a time: a `<form>` opened while the form
 * element pointer is set is dropped; a control belongs to the form the pointer holds, or — with `form="id"` — to the
 * first form of the document with that id, wherever it stands (resolved by `finish`). Any `</form>` token clears the
 * pointer, even when the element was closed implicitly before (legacy table layouts rely on it).
 *
 * A form inside a `<template>` (content of its own, which script may clone) or a `<noscript>` (raw text with
 * scripting on) has a pointer of its own: it neither blocks nor takes the controls of the forms after it, its
 * `</form>` does not clear the live pointer, and `form="id"` cannot name it.
 */
export class FormOwners {
  /** The live document's form element pointer. */
  private pointer: StartTag | undefined;
  /** The same inside a template or noscript, until the last of them closes. */
  private inertPointer: StartTag | undefined;
  private readonly formsById = new Map<string, StartTag>();
  private readonly byId: { control: StartTag; id: string }[] = [];

  /** Sets `tag.form` on a `<form>` the browser builds (to itself) and on a form control. */
  startTag(tag: StartTag): void {
    const inert = tag.inTemplate || tag.inNoscript;
    if (tag.name === 'form') {
      if (inert) tag.form = this.inertPointer = tag;
      else if (this.pointer === undefined) tag.form = this.pointer = this.register(tag);
    } else if (FORM_CONTROLS.has(tag.name)) {
      const id = tag.attributes.form;
      if (id !== undefined) this.byId.push({ control: tag, id });
      else tag.form = inert ? this.inertPointer : this.pointer;
    }
  }

  /** A `</form>` end tag token, whether or not it closes an element. */
  formEndTag(inert: boolean): void {
    if (inert) this.inertPointer = undefined;
    else this.pointer = undefined;
  }

  /** A template or noscript element closed; `inert` tells whether another is still open. */
  leaveInert(inert: boolean): void {
    if (!inert) this.inertPointer = undefined;
  }

  /** At the end of the document: the controls that name their form by id get it. */
  finish(): void {
    for (const { control, id } of this.byId) control.form = this.formsById.get(id);
  }

  private register(form: StartTag): StartTag {
    const id = form.attributes.id;
    if (id !== undefined && id !== '' && !this.formsById.has(id)) this.formsById.set(id, form);
    return form;
  }
}
