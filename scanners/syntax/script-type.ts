/** How a browser treats a `<script>` element's content, by its `type`. */
export type ScriptKind = 'classic' | 'module' | 'importmap' | 'speculationrules' | 'markup' | 'data';

const JAVASCRIPT_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
  // Scripts that a library runs later (Partytown, Rocket Loader) are still the page's JavaScript.
  'text/partytown',
  'text/rocketscript',
  'text/babel',
  'text/jsx',
]);

/** Consent managers park scripts as `type="text/plain"` with one of these attributes and run them after consent. */
const CONSENT_ATTRIBUTE = /consent|cookie|categor|usercentrics|klaro|cmp|^data-type$/;

function isConsentGated(attributes: Record<string, string>): boolean {
  for (const name in attributes) if (CONSENT_ATTRIBUTE.test(name)) return true;
  return false;
}

/**
 * Classifies a `<script>` by its `type` the way the HTML spec does, conservatively: an unknown
 * type counts as JavaScript unless it names JSON, a template or plain text; templates hold markup
 * that script will insert, and consent-gated `text/plain` scripts will run once a visitor agrees.
 */
export function scriptKind(attributes: Record<string, string>): ScriptKind {
  const type = (attributes.type ?? '').trim().toLowerCase();
  const essence = type.split(';', 1)[0]!.trim();
  if (essence === '' || JAVASCRIPT_TYPES.has(essence)) return 'classic';
  if (essence === 'module') return 'module';
  if (essence === 'importmap') return 'importmap';
  if (essence === 'speculationrules') return 'speculationrules';
  if (essence.includes('template') || essence === 'text/html' || essence.startsWith('text/x-handlebars'))
    return 'markup';
  if (essence === 'text/plain') return isConsentGated(attributes) ? 'classic' : 'data';
  if (essence.endsWith('json') || essence.startsWith('text/') || essence.startsWith('application/')) return 'data';
  return 'classic';
}

/** Whether a `<script>` names a source (`src`, or SVG's `href`/`xlink:href`); such a script ignores its inline text. */
export function hasScriptSource(attributes: Record<string, string>): boolean {
  return (attributes.src ?? attributes.href ?? attributes['xlink:href'] ?? '').trim() !== '';
}
