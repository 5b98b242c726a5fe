import type { FieldKind, FormObservation } from '../../observations.ts';
import { fieldKind, formMethod, isSubmitButton } from '../../syntax/form-fields.ts';
import { resolveUrl } from '../../syntax/url.ts';

type Attributes = Record<string, string>;
/** Where an observation sits and what it quotes: everything but the form's own facts. */
export type FormLocation = Omit<FormObservation, 'kind' | 'method' | 'via' | 'raw' | 'url' | 'host' | 'fields'>;

interface FormRecord {
  attributes: Attributes;
  location: FormLocation;
  fields: FieldKind[];
}

/** A control (or submit button) associated with a form by id, resolved once the whole document is read. */
interface Owned {
  owner: FormRecord | undefined;
  formId: string | undefined;
}

interface SubmitButton extends Owned {
  attributes: Attributes;
  location: FormLocation;
}

interface DetachedField extends Owned {
  kind: FieldKind;
}

/**
 * Tracks forms and their controls as the parser streams by, the way a browser assigns form owners:
 * a control belongs to the form whose start tag came last and whose `</form>` has not come yet
 * (implied closes do not count: legacy table layouts rely on it), or — with `form="id"` — to the form with that id
 * anywhere in
 * the document. `finish` yields one observation per form and one per submit button that overrides
 * the action or method.
 *
 * A form inside a `<template>` (content of its own, which script may clone) or a `<noscript>` (raw text
 * with scripting on) is reported with its controls, but it has a form pointer of its own: it neither
 * blocks nor takes the controls of the forms after it, and its `</form>` does not close the live one.
 */
export class FormTracker {
  private readonly documentUrl: string;
  private readonly forms: FormRecord[] = [];
  private readonly formsById = new Map<string, FormRecord>();
  private readonly detachedFields: DetachedField[] = [];
  private readonly buttons: SubmitButton[] = [];
  private readonly insideInert: () => boolean;
  /** The live document's form element pointer. */
  private open: FormRecord | undefined;
  /** The same inside a template or noscript, until the last of them closes. */
  private openInert: FormRecord | undefined;

  /** `insideInert` tells whether a template or noscript element is open where the parser stands. */
  constructor(documentUrl: string, insideInert: () => boolean) {
    this.documentUrl = documentUrl;
    this.insideInert = insideInert;
  }

  /**
   * A `<form>` start tag; ignored while another form is open, as browsers do. An inert form is always
   * reported (a template may hold several), and `form="id"` cannot name it: it is not in the document.
   */
  openForm(attributes: Attributes, location: FormLocation): void {
    const inert = this.insideInert();
    if (!inert && this.open !== undefined) return;
    const form: FormRecord = { attributes, location, fields: [] };
    this.forms.push(form);
    if (inert) {
      this.openInert = form;
      return;
    }
    this.open = form;
    const id = attributes.id;
    if (id !== undefined && id !== '' && !this.formsById.has(id)) this.formsById.set(id, form);
  }

  /** A `</form>` end tag, matched or not: later controls belong to no form. */
  closeForm(): void {
    if (this.insideInert()) this.openInert = undefined;
    else this.open = undefined;
  }

  /** A template or noscript element closed: once none is open, its forms take no more controls. */
  leaveInert(): void {
    if (!this.insideInert()) this.openInert = undefined;
  }

  /** A form control; `locate` is called only for a submit button that overrides its form's action or method. */
  control(element: string, attributes: Attributes, locate: () => FormLocation): void {
    const formId = attributes.form;
    const owner = formId !== undefined ? undefined : this.insideInert() ? this.openInert : this.open;
    if (formId === undefined && owner === undefined) return;
    const kind = fieldKind(element, attributes);
    if (kind !== undefined) {
      if (owner !== undefined) owner.fields.push(kind);
      else this.detachedFields.push({ kind, owner, formId });
    }
    if (
      (attributes.formaction !== undefined || attributes.formmethod !== undefined) &&
      isSubmitButton(element, attributes)
    ) {
      this.buttons.push({ attributes, location: locate(), owner, formId });
    }
  }

  /** The form observations, with actions resolved against the document's final base URL. */
  finish(baseUrl: string): FormObservation[] {
    for (const field of this.detachedFields) this.ownerOf(field)?.fields.push(field.kind);
    const observations = this.forms.map((form) => this.observe(form, baseUrl));
    for (const button of this.buttons) {
      const owner = this.ownerOf(button);
      if (owner === undefined) continue;
      const form = observations[this.forms.indexOf(owner)]!;
      const { formaction, formmethod } = button.attributes;
      const target = formaction === undefined ? form : this.target(formaction, baseUrl);
      observations.push({
        kind: 'form',
        method: formmethod === undefined ? form.method : formMethod(formmethod),
        via: 'formaction',
        raw: target.raw,
        url: target.url,
        host: target.host,
        fields: [...form.fields],
        ...button.location,
      });
    }
    return observations;
  }

  private ownerOf(owned: Owned): FormRecord | undefined {
    return owned.owner ?? (owned.formId === undefined ? undefined : this.formsById.get(owned.formId));
  }

  private observe(form: FormRecord, baseUrl: string): FormObservation {
    return {
      kind: 'form',
      method: formMethod(form.attributes.method),
      via: 'action',
      ...this.target(form.attributes.action ?? '', baseUrl),
      fields: [...new Set(form.fields)],
      ...form.location,
    };
  }

  /** A missing or empty action submits to the document's own URL, not the base. */
  private target(action: string, baseUrl: string): { raw: string; url: string; host: string } {
    const raw = action.trim();
    const resolved = resolveUrl(raw === '' ? this.documentUrl : raw, raw === '' ? this.documentUrl : baseUrl);
    return { raw, url: resolved?.url ?? raw, host: resolved?.host ?? '' };
  }
}
