import type { Attributes, DocumentGatherer } from './document-gatherer.ts';
import { type ElementHandler, embedded, image, mediaElement } from './elements.ts';
import { srcdocDocument } from './embedded.ts';

/**
 * The host each common `<amp-analytics type>` sends its beacons to, from the vendor configs bundled in the AMP
 * runtime (ampproject/amphtml extensions/amp-analytics/0.1/vendors/*.json). Any other type is a vendor the runtime
 * knows too, reported as the tracking tag it is.
 */
const ANALYTICS_HOSTS: Readonly<Record<string, string>> = {
  googleanalytics: 'www.google-analytics.com',
  gtag: 'www.googletagmanager.com',
  googleadwords: 'www.googleadservices.com',
  facebookpixel: 'www.facebook.com',
  chartbeat: 'ping.chartbeat.net',
  comscore: 'sb.scorecardresearch.com',
  metrika: 'mc.yandex.ru',
  parsely: 'srv.pixel.parsely.com',
  segment: 'api.segment.io',
};

/** The ad server each common `<amp-ad type>` / `<amp-embed type>` loads its script from (amphtml ads/). */
const AD_HOSTS: Readonly<Record<string, string>> = {
  adsense: 'pagead2.googlesyndication.com',
  doubleclick: 'securepubads.g.doubleclick.net',
};

/** AMP's player components: the attribute naming what to play, and the frame the runtime builds from it. */
const PLAYERS: Readonly<Record<string, readonly [attribute: string, frame: (id: string) => string]>> = {
  'amp-youtube': ['data-videoid', (id) => `https://www.youtube.com/embed/${id}`],
  'amp-vimeo': ['data-videoid', (id) => `https://player.vimeo.com/video/${id}`],
  'amp-dailymotion': ['data-videoid', (id) => `https://www.dailymotion.com/embed/video/${id}`],
  'amp-instagram': ['data-shortcode', (id) => `https://www.instagram.com/p/${id}/embed/`],
  'amp-twitter': ['data-tweetid', (id) => `https://platform.twitter.com/embed/Tweet.html?id=${id}`],
  'amp-facebook': ['data-href', () => 'https://www.facebook.com/plugins/post.php'],
  'amp-soundcloud': ['data-trackid', (id) => `https://w.soundcloud.com/player/?url=${id}`],
};

/** A vendor the runtime contacts for a `type`: at its known host, or as a tracking tag named by the type. */
function vendorType(
  g: DocumentGatherer,
  name: string,
  attributes: Attributes,
  hosts: Readonly<Record<string, string>>,
) {
  const type = attributes.type?.trim().toLowerCase();
  // A custom ad names its server in data-url; an analytics tag without a type sends only where its config says.
  if (type === undefined || type === '' || type === 'custom') return;
  const host = Object.hasOwn(hosts, type) ? hosts[type] : undefined;
  if (host !== undefined)
    g.urlAttribute(name === 'amp-analytics' ? 'beacon' : 'script', name, 'type', `https://${host}/`);
  else g.observations.push({ kind: 'snippet', name: type, ...g.at(name, 'type') });
}

/** `<amp-analytics>`: its vendor type, a remote `config` the runtime fetches, and its inline JSON requests. */
function analytics(g: DocumentGatherer, name: string, attributes: Attributes): void {
  g.ampComponent = 'amp-analytics';
  vendorType(g, name, attributes, ANALYTICS_HOSTS);
  g.urlAttribute('fetch', name, 'config', attributes.config);
}

/**
 * `<amp-install-serviceworker>`: the runtime registers `src` as the site's service worker (client storage, as any
 * registration), and may load `data-iframe-src` in a hidden frame to install it.
 */
function serviceWorker(g: DocumentGatherer, name: string, attributes: Attributes): void {
  if (g.urlAttribute('script', name, 'src', attributes.src) !== undefined)
    g.observations.push({ kind: 'storage', api: 'serviceWorker', ...g.at(name, 'src') });
  g.urlAttribute('frame', name, 'data-iframe-src', attributes['data-iframe-src']);
}

/** `<amp-ad>` and `<amp-embed>`: an ad network's script in a frame, or a custom ad server's JSON. */
function ad(g: DocumentGatherer, name: string, attributes: Attributes): void {
  vendorType(g, name, attributes, AD_HOSTS);
  g.urlAttribute('fetch', name, 'data-url', attributes['data-url']);
  g.urlAttribute('script', name, 'src', attributes.src);
}

function ampIframe(g: DocumentGatherer, name: string, attributes: Attributes): void {
  embedded(g, 'frame', name, 'src', attributes.src, attributes);
  if (attributes.srcdoc !== undefined) srcdocDocument(g, attributes.srcdoc);
}

function player(g: DocumentGatherer, name: string, attributes: Attributes): void {
  const [attribute, frame] = PLAYERS[name]!;
  const id = attributes[attribute]?.trim();
  if (id) embedded(g, 'frame', name, attribute, frame(encodeURIComponent(id)), attributes);
}

/** `<amp-list src>`: JSON the runtime fetches, unless it names the page's own state or script (`amp-state:…`). */
function list(g: DocumentGatherer, name: string, attributes: Attributes): void {
  if (!/^\s*amp-(?:state|script):/i.test(attributes.src ?? '')) g.urlAttribute('fetch', name, 'src', attributes.src);
}

/** `<amp-story>`'s posters and publisher logo: images the runtime shows in story lists and the story itself. */
const STORY_IMAGES = ['poster-portrait-src', 'poster-square-src', 'poster-landscape-src', 'publisher-logo-src'];

function story(g: DocumentGatherer, name: string, attributes: Attributes): void {
  for (const attribute of STORY_IMAGES) g.urlAttribute('image', name, attribute, attributes[attribute]);
}

/**
 * AMP components (https://amp.dev/documentation/components/): custom elements the AMP runtime turns into requests,
 * frames and beacons once it runs, from attributes no browser reads itself.
 */
export const AMP_HANDLERS: ReadonlyMap<string, ElementHandler> = new Map<string, ElementHandler>([
  ['amp-img', image],
  ['amp-anim', image],
  ['amp-video', mediaElement],
  ['amp-audio', mediaElement],
  ['amp-iframe', ampIframe],
  ['amp-pixel', (g, name, a) => g.urlAttribute('beacon', name, 'src', a.src)],
  ['amp-list', list],
  ['amp-analytics', analytics],
  ['amp-ad', ad],
  ['amp-embed', ad],
  ['amp-auto-ads', ad],
  [
    'amp-consent',
    (g) => {
      g.ampComponent = 'amp-consent';
    },
  ],
  ['amp-script', (g, name, a) => g.urlAttribute('script', name, 'src', a.src)],
  ['amp-state', (g, name, a) => g.urlAttribute('fetch', name, 'src', a.src)],
  ['amp-install-serviceworker', serviceWorker],
  ['amp-story', story],
  ...Object.keys(PLAYERS).map((element) => [element, player] as const),
]);
