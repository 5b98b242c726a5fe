/**
 * Globals that known tracking snippets define. The gatherer reports uses as `snippet` observations named
 * after the global; the trackers rule maps names to vendors.
 */

/** Called as functions, directly or through `window.` (gtag('config', …), window.fbq('track', …)). */
export const SNIPPET_FUNCTIONS: ReadonlySet<string> = new Set([
  'gtag',
  'ga',
  'fbq',
  'hj',
  'clarity',
  'twq',
  'snaptr',
  'pintrk',
  'lintrk',
  'Intercom',
  'plausible',
  'ym',
  's_gi',
  'AppMeasurement',
  'obApi',
]);

/** Distinctive enough to report on any use (_paq.push(…), window._hjSettings = …). */
export const SNIPPET_VARIABLES: ReadonlySet<string> = new Set([
  '_gaq',
  '_paq',
  '_hsq',
  '_kmq',
  '_mtm',
  '_fbq',
  '_hjSettings',
  '_linkedin_partner_id',
  '_tfa',
  'uetq',
  '_satellite',
]);

/** Objects whose methods are the tracking calls: `true` for any method, otherwise the methods. */
export const SNIPPET_OBJECTS: ReadonlyMap<string, true | ReadonlySet<string>> = new Map<
  string,
  true | ReadonlySet<string>
>([
  ['dataLayer', new Set(['push'])],
  ['mixpanel', true],
  ['amplitude', true],
  ['analytics', new Set(['track', 'identify', 'page'])],
  ['posthog', true],
  ['heap', true],
  ['ttq', true],
  ['umami', new Set(['track'])],
  ['fathom', new Set(['trackPageview'])],
]);

/** Every snippet name, for the quick "could this script contain one" test. */
export const SNIPPET_NAMES: readonly string[] = [...SNIPPET_FUNCTIONS, ...SNIPPET_VARIABLES, ...SNIPPET_OBJECTS.keys()];
