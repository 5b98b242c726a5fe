import type { StartTag } from '../../html/tags.ts';
import type { FieldKind, FormObservation } from '../../observations.ts';
import { fieldKind, formMethod, isSubmitButton } from '../../syntax/form-fields.ts';
import { resolveUrl } from '../../syntax/url.ts';

/** Where an observation sits and what it quotes: everything but the form's own facts. */
export type FormLocation = Omit<FormObservation, 'kind' | 'method' | 'via' | 'raw' | 'url' | 'host' | 'fields'>;

interface FormRecord {
  attributes: Record<string, string>;
  location: FormLocation;
  fields: FieldKind[];
}

/** A submit button that overrides its form's action or method. */
interface SubmitButton {
  control: StartTag;
  location: FormLocation;
}

/**
 * Collects the forms and controls of one reading as the parser streams by, with the form owners the HTML reader
 * gives them (see FormOwners), and yields one observation per form and one per submit button that overrides the
 * action or method. A form inside a template or noscript is reported with its controls like any other.
 */
export class FormTracker {
  private readonly documentUrl: string;
  private readonly forms = new Map<StartTag, FormRecord>();
  /** Controls that name their form by id: they join its fields once the whole document is read. */
  private readonly detachedFields: { control: StartTag; kind: FieldKind }[] = [];
  private readonly buttons: SubmitButton[] = [];

  constructor(documentUrl: string) {
    this.documentUrl = documentUrl;
  }

  /** A `<form>` start tag the browser builds. */
  openForm(form: StartTag, location: FormLocation): void {
    this.forms.set(form, { attributes: form.attributes, location, fields: [] });
  }

  /** A form control; `locate` is called only for a submit button that overrides its form's action or method. */
  control(control: StartTag, locate: () => FormLocation): void {
    const { name, attributes } = control;
    const byId = attributes.form !== undefined;
    if (!byId && control.form === undefined) return;
    const kind = fieldKind(name, attributes);
    if (kind !== undefined) {
      if (byId) this.detachedFields.push({ control, kind });
      else this.forms.get(control.form!)?.fields.push(kind);
    }
    if (
      (attributes.formaction !== undefined || attributes.formmethod !== undefined) &&
      isSubmitButton(name, attributes)
    )
      this.buttons.push({ control, location: locate() });
  }

  /** The form observations, with actions resolved against the document's final base URL. */
  finish(baseUrl: string): FormObservation[] {
    for (const { control, kind } of this.detachedFields) this.ownerOf(control)?.fields.push(kind);
    const records = [...this.forms.values()];
    const observations = records.map((form) => this.observe(form, baseUrl));
    for (const button of this.buttons) {
      const owner = this.ownerOf(button.control);
      if (owner === undefined) continue;
      const form = observations[records.indexOf(owner)]!;
      const { formaction, formmethod } = button.control.attributes;
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

  private ownerOf(control: StartTag): FormRecord | undefined {
    return control.form === undefined ? undefined : this.forms.get(control.form);
  }

  private observe(form: FormRecord, baseUrl: string): FormObservation {
    return {
      kind: 'form',
      method: formMethod(form.attributes.method),
      via: 'action',
      // On an AMP page the runtime submits the form by XHR to action-xhr instead of its action.
      ...this.target(form.attributes['action-xhr'] ?? form.attributes.action ?? '', baseUrl),
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
