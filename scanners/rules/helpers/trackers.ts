import { createRequire } from 'node:module';

/** An organisation third-party-web knows, as far as rules need it. */
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
 * Companies whose every host sees the visitor's IP and page for an ad profile, whatever the service (Fonts, Maps, CDN,
 * reCAPTCHA).
 */
const trackingCompanies = new Set(['Google', 'Facebook', 'Meta']);
/** Microsoft products that are tracking even though third-party-web files Clarity under "utility". */
const trackingEntities = new Set(['Clarity', 'Bing Ads']);

function isTracking(entity: { name: string; company: string; category: string }): boolean {
  return (
    trackingCategories.has(entity.category) ||
    trackingCompanies.has(entity.company) ||
    trackingEntities.has(entity.name)
  );
}

let api: EntityApi | undefined;
const byHost = new Map<string, Entity | null>();

/**
 * The third-party-web (MIT) entity that owns `host`, or undefined. The data set costs ~50 ms to load,
 * so it loads on the first lookup (a site with only first-party hosts never pays) and answers are cached by host.
 */
export function entityOf(host: string): Entity | undefined {
  let entity = byHost.get(host);
  if (entity === undefined) {
    api ??= createRequire(import.meta.url)('third-party-web/nostats-subset.js') as EntityApi;
    const found = host === '' ? undefined : api.getEntity(`https://${host}/`);
    entity = found
      ? { name: found.name, company: found.company, category: found.category, tracking: isTracking(found) }
      : null;
    byHost.set(host, entity);
  }
  return entity ?? undefined;
}

/** The tracking entity behind `host`, if nospy counts it as one. */
export function trackerOf(host: string): Entity | undefined {
  const entity = entityOf(host);
  return entity?.tracking ? entity : undefined;
}
