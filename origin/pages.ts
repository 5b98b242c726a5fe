import { cspHash } from '../scanners/syntax/http/csp.ts';
import { contactPaths } from './contact-paths.ts';
import { type FieldName, fieldLabels, formFields, honeypotField, type Problem, type Submission } from './form.ts';
import type { PageTemplate } from './template.ts';

/** Where a page's links and form point, and what it is rendered in. */
export interface PageContext {
  siteBase: URL;
  /** Whether the receiver can take a post from its own pages (its public URL is known); else the text is to copy. */
  canResubmit: boolean;
  /** The site's own layout (origin/template.ts); without it, the page of the receiver's own below. */
  template?: PageTemplate;
}

/** A page the receiver answers with: the site's look, and the visitor's own text when there is any. */
export interface Page {
  title: string;
  /** Paragraphs of plain text. */
  body: string[];
  /** What the visitor sent, given back in the form; built from the request, never stored. */
  submission?: Submission;
  /** The field to fix, marked and focused. */
  field?: FieldName;
  /** Leave out the link to the site's error page, which says nothing arrived: not true when the message may have. */
  mayHaveArrived?: boolean;
}

// When the site's template is missing: the site's palette and type (src/styles/global.css), inline.
const style = `:root{color-scheme:light dark;--bg:#fbfbf8;--fg:#17191f;--muted:#51576a;--accent:#3f37c9;--border:#d9dae0;\
--focus:#c2410c}@media (prefers-color-scheme:dark){:root{--bg:#111318;--fg:#eceef2;--muted:#a7adbb;--accent:#a9a4ff;\
--border:#343946;--focus:#fdba74}}*,*::before,*::after{box-sizing:border-box}body{margin:0;font-family:system-ui,\
-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;font-size:1.0625rem;line-height:1.6;\
color:var(--fg);background:var(--bg)}.wrap{width:min(100% - 2rem,42rem);margin-inline:auto}header{border-bottom:1px \
solid var(--border)}header .wrap{padding-block:1rem}header a{font-weight:700;color:var(--fg);text-decoration:none}\
main{padding-block:2rem 3rem}h1{line-height:1.25;font-size:clamp(1.75rem,4vw + 1rem,2.5rem);margin-block:0 1rem}\
a{color:var(--accent)}:focus-visible{outline:3px solid var(--focus);outline-offset:2px}.field{display:grid;\
gap:.3rem;margin-block:0 1.1rem}label{font-weight:600}input,textarea,button{font:inherit;color:inherit}input,\
textarea{width:100%;padding:.55rem .65rem;background:var(--bg);border:1px solid var(--border);border-radius:.3rem}\
[aria-invalid=true]{border:2px solid var(--focus)}button{padding:.6rem 1.4rem;background:var(--accent);\
color:var(--bg);border:0;border-radius:.3rem;cursor:pointer}.trap{position:absolute;left:-10000px;width:1px;\
height:1px;overflow:hidden}`;

/**
 * The Content-Security-Policy for these pages: only their own style (the site's stylesheets and images when in its
 * template), and a form that posts back here.
 */
export function pagePolicy(siteOrigin: string, template?: PageTemplate): string {
  const styles = template ? [siteOrigin, ...template.styleHashes].join(' ') : cspHash(style);
  const images = template ? ` img-src ${siteOrigin};` : '';
  // The site's origin too: a form's redirect (to the thank-you page) is held to form-action as well.
  return `default-src 'none'; style-src ${styles};${images} form-action 'self' ${siteOrigin}; base-uri 'none'; frame-ancestors 'none'`;
}

/** The whole HTML document of `page`. */
export function renderPage(page: Page, context: PageContext): string {
  const content = renderContent(page, context);
  const { template } = context;
  if (template) {
    const [head, middle, tail] = template.parts;
    const title = template.siteName ? `${page.title} | ${template.siteName}` : page.title;
    return `${head}${escapeHtml(title)}${middle}\n${content}\n${tail}`;
  }
  const home = escapeHtml(context.siteBase.href);
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${style}</style>
<header><div class="wrap"><a href="${home}">${escapeHtml(context.siteBase.host)}</a></div></header>
<main class="wrap">
${content}
</main>
</html>
`;
}

function renderContent(page: Page, context: PageContext): string {
  const other = escapeHtml(new URL(contactPaths.errorPage.slice(1), context.siteBase).href);
  const paragraphs = page.body.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
  return `<h1>${escapeHtml(page.title)}</h1>
${paragraphs}
${page.submission ? renderForm(page.submission, page.field, context.canResubmit) : ''}
${page.mayHaveArrived ? '' : `<p><a href="${other}">Other ways to reach us</a></p>`}`;
}

function renderForm(submission: Submission, invalid: FieldName | undefined, canResubmit: boolean): string {
  const controls = (Object.keys(formFields) as FieldName[]).map((field) => {
    const { required, maxLength, multiline } = formFields[field];
    const marks = `${required ? ' required' : ''}${field === invalid ? ' aria-invalid="true" autofocus' : ''}`;
    const id = `contact-${field}`;
    const value = escapeHtml(submission[field]);
    const control = multiline
      ? `<textarea id="${id}" name="${field}" rows="12" maxlength="${maxLength}"${marks}>${value}</textarea>`
      : `<input id="${id}" name="${field}" value="${value}" maxlength="${maxLength}"${marks}>`;
    return `<p class="field"><label for="${id}">${fieldLabels[field]}${required ? ' (required)' : ''}</label>${control}</p>`;
  });
  const trap = `<div class="trap" aria-hidden="true"><label for="contact-${honeypotField}">Leave this field empty</label><input id="contact-${honeypotField}" name="${honeypotField}" tabindex="-1" autocomplete="off"></div>`;
  if (!canResubmit) return `<form>\n${controls.join('\n')}\n</form>`;
  return `<form method="post" action="${contactPaths.receiver}">
${controls.join('\n')}
${trap}
<p><button type="submit">Send message</button></p>
</form>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const problems = {
  missing: (label: string) => `${label} is required.`,
  'too-long': (label: string, maxLength: number) =>
    `${label} is longer than the ${maxLength} characters the form takes.`,
  malformed: (label: string) => `${label} is not in a form we can read.`,
};

/** The pages the receiver answers with, one per way a post can fail. */
export const failurePages = {
  notSent: (submission: Submission): Page => ({
    title: 'Your message was not sent',
    body: [
      'Our mail server could not take your message just now, so it did not reach us, and this server kept no copy.',
      'Your text is below: send it again in a few minutes, or copy it and use one of the other ways to reach us.',
    ],
    submission,
  }),
  unconfirmed: (submission: Submission): Page => ({
    title: 'We could not confirm that your message arrived',
    body: [
      'We sent your whole message to our mail server, but it did not confirm receiving it in time, so it may have reached us.',
      'If you hear nothing from us within two working days, please send it again. Your text is below so you can keep a copy.',
    ],
    submission,
    mayHaveArrived: true,
  }),
  invalid: (reason: FieldName | 'form', problem: Problem, submission: Submission): Page => {
    const field = reason === 'form' ? undefined : reason;
    const detail = field
      ? problems[problem](fieldLabels[field], formFields[field].maxLength)
      : 'The form held something it cannot send, such as a file.';
    return {
      title: 'Please check your message',
      body: [detail, 'Your text is below: correct it and send it again.'],
      submission,
      field,
    };
  },
  rateLimited: (submission: Submission | undefined, retryAfterSeconds: number): Page => ({
    title: 'Too many messages for now',
    body: [
      `We take a few messages at a time from each visitor. Please try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      ...(submission ? ['Your text is below so you can keep a copy.'] : []),
    ],
    submission,
  }),
  // Not read: a post from another site's page is answered before its body, and the visitor keeps their text there.
  forbidden: (): Page => ({
    title: 'Your message was not sent',
    body: [
      'This server takes messages only from the contact form on our site, and this one did not come from there.',
      'If you did use our form, your browser may be set to hide which page a form is sent from: use one of the other ways to reach us.',
    ],
  }),
  tooLarge: (): Page => ({
    title: 'Your message is longer than the form takes',
    body: [
      `The form takes up to ${formFields.message.maxLength} characters of message in any script, and less for the other fields.`,
      "Go back with your browser's back button: your text is still in the form. Shorten it and send it again.",
    ],
  }),
};
