/** The dev toolbar app's id and the messages it and the dev server exchange (a module the browser can load too). */
export const toolbarAppId = 'nospy';
/** Server to app: a page's findings, `PageFindings`. */
export const findingsEvent = 'nospy:findings';
/** App to server: `{ pathname }`, the page it shows, whose latest findings the server sends back. */
export const askEvent = 'nospy:ask';
