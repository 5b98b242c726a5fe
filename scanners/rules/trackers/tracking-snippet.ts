import { defineRule } from '../define-rule.ts';

/** Globals that tracking snippets define, by the vendor behind them. */
const vendorBySnippet: Record<string, string> = {
  gtag: 'Google Analytics',
  ga: 'Google Analytics',
  _gaq: 'Google Analytics',
  dataLayer: 'Google Tag Manager',
  fbq: 'Meta Pixel',
  _fbq: 'Meta Pixel',
  _paq: 'Matomo',
  _mtm: 'Matomo Tag Manager',
  _hsq: 'HubSpot',
  hj: 'Hotjar',
  _hjSettings: 'Hotjar',
  clarity: 'Microsoft Clarity',
  uetq: 'Microsoft Advertising',
  twq: 'X (Twitter) Pixel',
  ttq: 'TikTok Pixel',
  snaptr: 'Snap Pixel',
  pintrk: 'Pinterest Tag',
  lintrk: 'LinkedIn Insight Tag',
  _linkedin_partner_id: 'LinkedIn Insight Tag',
  mixpanel: 'Mixpanel',
  amplitude: 'Amplitude',
  analytics: 'Segment',
  posthog: 'PostHog',
  heap: 'Heap',
  Intercom: 'Intercom',
  _kmq: 'Kissmetrics',
  plausible: 'Plausible',
  umami: 'Umami',
  fathom: 'Fathom',
  _satellite: 'Adobe Experience Platform Launch',
  s_gi: 'Adobe Analytics',
  AppMeasurement: 'Adobe Analytics',
  ym: 'Yandex Metrica',
  _tfa: 'Taboola',
  obApi: 'Outbrain',
};

export default defineRule({
  id: 'trackers/tracking-snippet',
  category: 'trackers',
  severity: 'error',
  policy: '/privacy/#tracking',
  docs: "Code that calls a tracking vendor's global (`gtag`, `fbq`, `_paq` …) is the snippet that loads and feeds that vendor's tracker, even when its script is bundled, renamed or served from the site's own host where no request rule can see it. An AMP page's `<amp-analytics type>` or `<amp-ad type>` is the same in markup: the AMP runtime runs that vendor's tracking config. Remove the snippet; a site that promises not to track has no use for it.",
  fix: "Delete the snippet (`window.dataLayer = …; gtag('config', 'G-…')`, `fbq('init', …)`, `_paq.push(…)`) together with the script it feeds; if the team needs visit counts, read the CDN's or the origin's aggregate request logs instead of tracking visitors in the browser.",
  messages: {
    snippet: 'Script calls {name}, the {vendor} tracking snippet; remove it, the site promises no tracking.',
    tag: 'Page has <{element} type="{name}">, which has the AMP runtime send visits to {vendor}; remove it, the site promises no tracking.',
  },
  observes: ['snippet'],
  check(observation) {
    const vendor = Object.hasOwn(vendorBySnippet, observation.name)
      ? vendorBySnippet[observation.name]
      : observation.name;
    // An AMP analytics or ad tag names its vendor in markup; the runtime runs the vendor's code.
    const messageId = observation.source === 'html' ? 'tag' : 'snippet';
    return {
      messageId,
      data: { name: observation.name, vendor, element: observation.element ?? 'amp-analytics' },
      vendor,
    };
  },
});
