import { isBunnyPlayerHost } from '../../syntax/bunny.ts';
import { entityOf, trackerOf } from '../helpers/trackers.ts';
import { findVendor, playerVendors } from '../helpers/vendors.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'embeds/third-party-player',
  category: 'embeds',
  severity: 'error',
  policy: '/privacy/#video',
  docs: "An embedded YouTube, Vimeo, Google Maps, Spotify or social-media player loads its vendor's scripts and cookies as soon as the page opens, before the visitor presses play, and tells the vendor who watched what. The policy promises that video is delivered privately through Bunny Stream: move videos to the site's Bunny library (the `BunnyVideo` component), and replace other embeds with a link or a self-hosted image. Known players fail even when their host is in `allowHosts`; any other third-party frame, object or embed fails unless its host is allowed (a `<video>` or `<audio>` playing another host's file is a request, reported once by `third-party/request`), and a tracker's frame (Tag Manager's `<noscript>` iframe) is reported as the tracker it is (`trackers/known-tracker`).",
  fix: "Replace a YouTube or Vimeo iframe with `BunnyVideo` after uploading the video to the site's Bunny library; replace a Google Maps iframe with a static map image you host and a marked link to the map; replace a Spotify, SoundCloud or social-media embed with a link (marked with the leaving-site notice) and, if needed, a self-hosted cover image.",
  messages: {
    player:
      "Page embeds a {vendor} player from {host}; host the video on the site's Bunny Stream library or link to it instead.",
    thirdParty:
      'Page embeds {host} with <{element}>, a third party the policy does not name; replace it with a link or add {host} to allowHosts and the policy.',
  },
  observes: ['embed'],
  check(observation, config) {
    const { host, url } = observation;
    // Bunny players are judged by the bunny-* rules.
    if (host === '' || config.hosts.isFirstParty(host) || isBunnyPlayerHost(host)) return undefined;
    const vendor = findVendor(playerVendors, url, host);
    if (vendor) return { messageId: 'player', data: { vendor, host }, vendor };
    // A media file a <video> or <audio> plays is a request third-party/request reports once, not a player.
    if (observation.media) return undefined;
    // A tracker's frame (a tag manager's <noscript> iframe) is trackers/known-tracker's: allowing it cannot pass.
    if (config.hosts.isAllowed(host) || trackerOf(host)) return undefined;
    const data = { host, element: observation.element ?? 'iframe' };
    return { messageId: 'thirdParty', data, vendor: entityOf(host)?.name };
  },
});
