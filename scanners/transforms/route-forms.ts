import { asciiLowerCase, formMethod } from '../syntax/form-fields.ts';
import { resolveUrl } from '../syntax/url.ts';
import type { FormObservation } from '../observations.ts';
import { replaceAttributeValue, setAttribute } from './attribute-edits.ts';
import { type DocumentUrls, documentUrls, isHttp, type TransformContext } from './context.ts';
import { getAttribute, type StartTag } from '../html/tags.ts';
import { readPageTags, type PageTags } from './page-tags.ts';
import { applyEdits, type Edit } from '../html/splice.ts';

/** How a form submits, read exactly as the check reads it. */
function methodOf(form: StartTag): FormObservation['method'] {
  return formMethod(getAttribute(form, 'method')?.value);
}

/** A submit button's own `formmethod` wins; an invalid one means GET, as in the HTML spec and the check. */
function buttonMethod(button: StartTag, form: StartTag): FormObservation['method'] {
  return formMethod(getAttribute(button, 'formmethod')?.value ?? getAttribute(form, 'method')?.value);
}

type ActionAttribute = 'action' | 'action-xhr' | 'formaction';

/** Where a submission goes: an empty or missing action is the page itself, anything else resolves against the base. */
function actionUrl(tag: StartTag, attribute: ActionAttribute, urls: DocumentUrls): string {
  const raw = getAttribute(tag, attribute)?.value ?? '';
  if (raw === '') return urls.page.replace(/\/index\.html$/, '/');
  const base = urls.base(tag);
  return resolveUrl(raw, base)?.url ?? base;
}

/**
 * The origin URL for a same-site action; undefined when it belongs elsewhere (a third party, or already the origin).
 */
function originUrl(url: string, context: TransformContext): string | undefined {
  const { origin, hosts } = context.config;
  if (!origin || !isHttp(url)) return undefined;
  const target = new URL(url);
  const host = target.hostname.toLowerCase();
  if (host === hosts.originHost || !hosts.isFirstParty(host)) return undefined;
  return `${new URL(origin).origin}${target.pathname}${target.search}`;
}

/**
 * Writes `post` over a method the check reads as POST but a browser does not: browsers match it without
 * trimming, so `method=" post"` sends a GET that would put the fields in a URL to the origin.
 */
function spellPost(text: string, tag: StartTag, attribute: 'method' | 'formmethod'): Edit | undefined {
  const written = getAttribute(tag, attribute);
  if (!written || asciiLowerCase(written.value) === 'post') return undefined;
  return replaceAttributeValue(text, written, 'post');
}

/**
 * Plans the edits that send every same-site POST (form action or button formaction) to `config.origin`,
 * spelling the method of what it routes so that browsers post it too.
 */
export function planFormRoutes(text: string, page: PageTags, context: TransformContext): Edit[] {
  if (!context.config.origin) return [];
  const urls = documentUrls(context);
  const edits: Edit[] = [];
  /** The tags whose method a routed submission relies on: the form's own, or a button's formmethod. */
  const methods = new Map<StartTag, 'method' | 'formmethod'>();
  for (const form of page.forms) {
    if (methodOf(form) !== 'post') continue;
    // An AMP page's form is submitted by the AMP runtime to its action-xhr, which the check judges as its action.
    const attribute = getAttribute(form, 'action-xhr') ? 'action-xhr' : 'action';
    const target = originUrl(actionUrl(form, attribute, urls), context);
    if (!target) continue;
    edits.push(setAttribute(text, form, attribute, target));
    methods.set(form, 'method');
  }
  for (const button of page.submitters) {
    if (!button.form || buttonMethod(button, button.form) !== 'post') continue;
    // A button without formaction submits to its form's action, which is routed above when the form itself posts.
    const own = getAttribute(button, 'formaction') !== undefined;
    if (!own && methodOf(button.form) === 'post') continue;
    const target = originUrl(
      own ? actionUrl(button, 'formaction', urls) : actionUrl(button.form, 'action', urls),
      context,
    );
    if (!target) continue;
    edits.push(setAttribute(text, button, 'formaction', target));
    if (getAttribute(button, 'formmethod')) methods.set(button, 'formmethod');
    else methods.set(button.form, 'method');
  }
  for (const [tag, attribute] of methods) {
    const edit = spellPost(text, tag, attribute);
    if (edit) edits.push(edit);
  }
  return edits;
}

/** Routes same-site POST forms of one HTML file to the origin server (SPEC: form data never reaches the CDN). */
export function routeForms(text: string, context: TransformContext): string {
  return applyEdits(text, planFormRoutes(text, readPageTags(text), context));
}
