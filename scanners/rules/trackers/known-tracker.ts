import { isConfiguredBunnyPlayer } from '../../syntax/bunny.ts';
import { trackerOf } from '../helpers/trackers.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'trackers/known-tracker',
  category: 'trackers',
  severity: 'error',
  policy: '/privacy/#tracking',
  docs: "A request to a host of an advertising, analytics, social or other tracking company tells it who visited which page, by IP address and browser, whether or not a cookie is set. nospy asks who owns each host, first in its own small supplement sourced from vendors' documentation (Cookiebot, CookieYes, Leadfeeder, Warmly, the US government's Digital Analytics Program, Microsoft Clarity, which third-party-web files as utilities or not at all), then in the third-party-web database (MIT), and counts as tracking advertising, analytics, social, marketing, tag-manager, customer-success, consent-provider and video entities and every other Google and Meta host (Google Fonts, Maps and reCAPTCHA log visitors' IPs too). Google's Hosted Libraries CDN (`ajax.googleapis.com`) serves open-source files and is a third party `allowHosts` can pass, not a tracker. `allowHosts` does not silence this rule: a tracker breaks the policy's promise wherever it is listed; self-host the file or use a private alternative (Bunny Fonts, Bunny Stream).",
  fix: "Remove the tracker's script and its tag (Google Analytics' `gtag.js`, the Meta pixel, Hotjar …), including its `<noscript>` fallback image or iframe; allowing the host does not help, a tracker stays a tracker. Replace Google Fonts with self-hosted fonts or Bunny Fonts, a YouTube embed with `BunnyVideo`, and a reCAPTCHA with the form's honeypot.",
  messages: {
    tracker:
      'Page requests {host} ({type}), run by the tracker {vendor}; remove it, self-host the file or use a private alternative.',
    literal: 'Script contains a URL of {vendor} ({host}); remove the tracking code, the site promises no tracking.',
  },
  observes: ['request'],
  check(observation, config) {
    const { host } = observation;
    if (host === '' || config.hosts.isFirstParty(host)) return undefined;
    const tracker = trackerOf(host);
    if (!tracker || isConfiguredBunnyPlayer(observation.url, host, config)) return undefined;
    const data = { vendor: tracker.name, host, type: observation.type };
    return { messageId: observation.type === 'literal' ? 'literal' : 'tracker', data, vendor: tracker.name };
  },
});
