import { createRequire } from 'node:module';
import { type SupplementEntry, trackerSupplement } from './tracker-supplement.ts';

/** An organisation third-party-web or nospy's supplement knows, as far as rules need it. */
export interface Entity {
  name: string;
  company: string;
  category: string;
  /** True when nospy counts every request to it as tracking (see `isTracking`). */
  tracking: boolean;
}

interface EntityApi {
  getEntity(url: string): { name: string; company: string; category: string } | undefined;
}

/** third-party-web categories whose business is following visitors, or that log them as a side effect of embedding. */
const trackingCategories = new Set([
  'ad',
  'analytics',
  'social',
  'marketing',
  'tag-manager',
  'customer-success',
  'consent-provider',
  'video',
]);
/**
 * Companies whose every host sees the visitor's IP and page for an ad profile, whatever the service (Fonts, Maps,
 * reCAPTCHA, gstatic), unless the supplement files a host as what it is (Google's Hosted Libraries CDN).
 */
const trackingCompanies = new Set(['Google', 'Facebook', 'Meta']);

/**
 * A tracker is an entity in a tracking category, or any other service of Google or Meta as third-party-web files
 * it. The supplement's entries are judged by their category alone: they say what the vendor's own docs say.
 */
function isTracking(entity: { company: string; category: string }, supplemented: boolean): boolean {
  return trackingCategories.has(entity.category) || (!supplemented && trackingCompanies.has(entity.company));
}

function supplementOf(host: string): SupplementEntry | undefined {
  return trackerSupplement.find(({ domains }) =>
    domains.some((domain) => host === domain || host.endsWith(`.${domain}`)),
  );
}

let api: EntityApi | undefined;
const byHost = new Map<string, Entity | null>();

function lookUp(host: string): Entity | undefined {
  if (host === '') return undefined;
  const supplemented = supplementOf(host);
  if (supplemented) {
    const { name, company, category } = supplemented;
    return { name, company, category, tracking: isTracking(supplemented, true) };
  }
  api ??= createRequire(import.meta.url)('third-party-web/nostats-subset.js') as EntityApi;
  const found = api.getEntity(`https://${host}/`);
  if (!found) return undefined;
  const { name, company, category } = found;
  return { name, company, category, tracking: isTracking(found, false) };
}

/**
 * The organisation that owns `host`: nospy's supplement (tracker-supplement.ts) first, then third-party-web (MIT).
 * The data set costs ~50 ms to load, so it loads on the first lookup the supplement does not answer (a site with only
 * first-party hosts never pays) and answers are cached by host.
 */
export function entityOf(host: string): Entity | undefined {
  let entity = byHost.get(host);
  if (entity === undefined) {
    entity = lookUp(host) ?? null;
    byHost.set(host, entity);
  }
  return entity ?? undefined;
}

/** The tracking entity behind `host`, if nospy counts it as one. */
export function trackerOf(host: string): Entity | undefined {
  const entity = entityOf(host);
  return entity?.tracking ? entity : undefined;
}
