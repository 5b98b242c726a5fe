import type { Browser, BrowserContext, Frame, Page, Request, Route } from 'playwright-core';
import type { EmbedObservation, Location, Observation, RequestType, StorageObservation } from '../observations.ts';
import { resolveUrl } from '../syntax/url.ts';
import {
  type CspViolation,
  recordCspViolations,
  recordStorageUse,
  snapshotKey,
  type StorageUse,
  violationsKey,
} from './instrument.ts';
import type { UrlMap } from './urls.ts';
import type { Outcome } from '../errors.ts';

/**
 * When a visit is over. After `load`, the page is scrolled a viewport at a time (at most `maxScrollSteps`), each step
 * waiting for the requests it started; then the network must stay idle for `idleMs`. `settleMs` bounds it all, so a
 * page that never stops fetching still ends.
 */
export interface SettleRule {
  loadMs: number;
  settleMs: number;
  idleMs: number;
  maxScrollSteps: number;
}

const requestTypes: Record<string, RequestType> = {
  stylesheet: 'style',
  image: 'image',
  media: 'media',
  texttrack: 'media',
  font: 'font',
  script: 'script',
  xhr: 'fetch',
  fetch: 'fetch',
  eventsource: 'fetch',
  ping: 'beacon',
  manifest: 'manifest',
};

/** What a font or a video is made of cannot contact anyone: the request is what matters, so its body is empty. */
const bodiesThatCannotMatter = new Set(['font', 'media']);

type Place = Location & { source: 'browser' };

/** Headers of one connection, which the answer passed to the browser does not have. */
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding']);

/**
 * Answers the site's own URLs from the loopback server and stops everything else. Pages are opened at their public
 * address, so `'self'` in their CSP is the site's real origin, as once deployed, and the browser never contacts the
 * server itself: the answers come through this route. Node fetches them, not Playwright's `route.fetch`, whose
 * cookie jar would keep the server's cookies for 127.0.0.1 instead of passing them to the page; a redirect is passed
 * on, not followed, so that the browser follows it at the public address too.
 */
async function routeRequest(route: Route, urls: UrlMap, onSetCookie: (url: string) => void): Promise<void> {
  const request = route.request();
  const local = urls.toLocal(request.url());
  if (local === undefined) return route.abort('blockedbyclient');
  if (bodiesThatCannotMatter.has(request.resourceType())) return route.fulfill({ status: 200, body: '' });
  const body = request.postDataBuffer();
  const response = await fetch(local, {
    method: request.method(),
    body: body ? new Uint8Array(body) : undefined,
    redirect: 'manual',
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!hopByHop.has(name) && name !== 'set-cookie') headers[name] = value;
  });
  // Playwright reads one Set-Cookie a line.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) {
    headers['set-cookie'] = cookies.join('\n');
    onSetCookie(request.url());
  }
  return route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
}

function typeOf(request: Request): RequestType {
  const resource = request.resourceType();
  if (resource === 'document') return request.frame().parentFrame() ? 'frame' : 'other';
  return requestTypes[resource] ?? 'other';
}

function requestObservation(url: string, type: RequestType, place: Place): Observation {
  return { kind: 'request', ...place, type, raw: url, url, host: resolveUrl(url, url)?.host ?? '' };
}

/** Requests of a context still waiting for an answer, and when the last one started or ended. */
class NetworkActivity {
  private inFlight = 0;
  private lastChange = performance.now();

  constructor(context: BrowserContext) {
    context.on('request', () => this.change(1));
    context.on('requestfinished', () => this.change(-1));
    context.on('requestfailed', () => this.change(-1));
  }

  private change(by: number): void {
    this.inFlight += by;
    this.lastChange = performance.now();
  }

  /** Resolves once nothing is in flight and nothing changed for `quietMs`, or at `deadline`. */
  async idle(quietMs: number, deadline: number): Promise<void> {
    while (performance.now() < deadline) {
      const quietFor = performance.now() - this.lastChange;
      if (this.inFlight <= 0 && quietFor >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(5, quietMs - quietFor)));
    }
  }
}

/**
 * Scrolls one viewport down and waits two frames, so lazy images and frames that came into view have started
 * loading; false at the bottom.
 */
function scrollOneViewport(): Promise<boolean> {
  const before = window.scrollY;
  window.scrollBy(0, window.innerHeight);
  const moved = window.scrollY > before;
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(moved))));
}

async function settle(page: Page, network: NetworkActivity, rule: SettleRule): Promise<void> {
  const deadline = performance.now() + rule.settleMs;
  for (let step = 0; step < rule.maxScrollSteps && performance.now() < deadline; step++) {
    const moved = await page.evaluate(scrollOneViewport).catch(() => false);
    await network.idle(0, deadline);
    if (!moved) break;
  }
  await network.idle(rule.idleMs, deadline);
}

/** Frames, objects and players in a frame's live DOM, scripts' additions included. */
async function embedsOf(frame: Frame, place: Place): Promise<EmbedObservation[]> {
  const found = await frame
    .evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('iframe, frame, object, embed, video, audio'), (element) => ({
        element: element.localName,
        media: element instanceof HTMLMediaElement,
        src:
          (element as HTMLIFrameElement).src ||
          (element as HTMLObjectElement).data ||
          (element as HTMLMediaElement).currentSrc ||
          '',
        attributes: Object.fromEntries(
          Array.from(element.attributes, (attribute) => [attribute.name, attribute.value]),
        ),
      })),
    )
    .catch(() => []);
  return found.flatMap(({ element, media, src, attributes }) => {
    const resolved = resolveUrl(src, frame.url());
    if (!resolved) return [];
    return [{ kind: 'embed', ...place, element, raw: src, url: resolved.url, host: resolved.host, media, attributes }];
  });
}

async function refusalsOf(frame: Frame, place: Place): Promise<Observation[]> {
  const violations = await frame
    .evaluate(
      (key) => [...((window as unknown as Record<symbol, CspViolation[]>)[Symbol.for(key)] ?? [])],
      violationsKey,
    )
    .catch(() => []);
  return violations.map(({ directive, blocked }) => ({
    kind: 'refusal',
    ...place,
    cause: 'csp',
    detail: directive,
    blocked,
  }));
}

/**
 * Chromium's own security messages about the page (a header it could not apply), read from the DevTools log;
 * CSP blocks are left to `refusalsOf`, which knows their directive.
 */
async function recordSecurityMessages(context: BrowserContext, page: Page, place: Place, into: Observation[]) {
  const session = await context.newCDPSession(page);
  session.on('Log.entryAdded', ({ entry }) => {
    if (entry.source !== 'security' || entry.level === 'verbose' || entry.level === 'info') return;
    if (entry.text.includes('Content Security Policy')) return;
    into.push({ kind: 'refusal', ...place, cause: 'console', detail: entry.text });
  });
  await session.send('Log.enable');
}

async function storageOf(frame: Frame): Promise<StorageUse> {
  return frame
    .evaluate(
      (key) =>
        (window as unknown as Record<symbol, (() => Promise<StorageUse>) | undefined>)[Symbol.for(key)]?.() ?? {},
      snapshotKey,
    )
    .catch(() => ({}));
}

/** The cookie jar after the visit: cookies from a response are `set-cookie`, any other came from script. */
async function cookiesOf(
  context: BrowserContext,
  setBy: ReadonlySet<string>,
): Promise<StorageUse & { 'set-cookie'?: string }> {
  const names = (await context.cookies()).map((cookie) => cookie.name).join(', ');
  if (setBy.size > 0)
    return { 'set-cookie': `Set-Cookie from ${[...setBy].sort().join(', ')}; cookies: ${names || 'none kept'}` };
  return names ? { 'document.cookie': `cookies: ${names}` } : {};
}

/**
 * Visits one page in a fresh browser context and returns what the browser did: every request (frames' too,
 * blocked ones included), the embeds in the final DOM, and each cookie or storage API used or written.
 * A page that does not load in time is a problem to report.
 */
export async function crawlPage(
  browser: Browser,
  file: string,
  url: string,
  urls: UrlMap,
  rule: SettleRule,
): Promise<Outcome<Observation[]>> {
  const place: Place = { file, line: 1, column: 1, source: 'browser' };
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const observations: Observation[] = [];
    const setCookieFrom = new Set<string>();
    const network = new NetworkActivity(context);
    await context.addInitScript(recordStorageUse, snapshotKey);
    await context.addInitScript(recordCspViolations, violationsKey);
    // Every response with a header comes through the route, which notes the ones that set a cookie.
    await context.route('**/*', (route) => routeRequest(route, urls, (from) => setCookieFrom.add(from)));
    context.on('request', (request) => observations.push(requestObservation(request.url(), typeOf(request), place)));
    const page = await context.newPage();
    await recordSecurityMessages(context, page, place, observations);
    page.on('websocket', (socket) => observations.push(requestObservation(socket.url(), 'other', place)));
    const loaded = await page.goto(url, { waitUntil: 'load', timeout: rule.loadMs }).then(
      () => true,
      (error: Error) => error.message.split('\n')[0],
    );
    if (loaded !== true) return { ok: false, problem: `page did not load in Chromium: ${loaded}` };
    await settle(page, network, rule);
    const storage: Record<string, string> = {};
    for (const frame of page.frames()) {
      observations.push(...(await embedsOf(frame, place)), ...(await refusalsOf(frame, place)));
      Object.assign(storage, await storageOf(frame));
    }
    Object.assign(storage, await cookiesOf(context, setCookieFrom));
    for (const [api, evidence] of Object.entries(storage)) {
      observations.push({ kind: 'storage', ...place, api: api as StorageObservation['api'], evidence });
    }
    // A copy: requests still firing while the context closes must not change the result.
    return { ok: true, value: observations.slice() };
  } finally {
    await context.close();
  }
}
