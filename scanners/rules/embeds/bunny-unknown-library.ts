import { isBunnyPlayerHost, parseBunnyPlayerUrl } from '../../syntax/bunny.ts';
import { defineRule, type Hit } from '../define-rule.ts';

type MessageId = 'unknownLibrary' | 'noBunnyConfig' | 'notAPlayer';

export default defineRule({
  id: 'embeds/bunny-unknown-library',
  category: 'embeds',
  severity: 'error',
  policy: '/privacy/#video',
  docs: "A Bunny Stream player from a library that is not the site's own plays under someone else's settings (tracking, ads, domain rules), while the policy promises video comes from libraries the site controls. A Bunny URL that is not a player is a link nobody checked. List the site's library ids in `bunny.libraryIds`, and embed only videos from them.",
  fix: 'Upload the video to the site\'s own Bunny Stream library and embed it from there, or, if the library is the site\'s, list its id in the config: `"bunny": { "libraryIds": ["123456"] }`. A Bunny URL that is no player (`/play/…`, a CDN file) should become the player URL `https://player.mediadelivery.net/embed/LIBRARY/VIDEO`.',
  messages: {
    unknownLibrary:
      "Page embeds a video of Bunny library {libraryId}, which is not in bunny.libraryIds; use one of the site's libraries or add {libraryId} if it is the site's own.",
    noBunnyConfig:
      "Page embeds a video of Bunny library {libraryId} but the config has no bunny.libraryIds; add the site's library ids to the config.",
    notAPlayer:
      "Page embeds {url}, which is not a Bunny Stream player URL (/embed/LIBRARY/VIDEO); use the player URL of a video in the site's library.",
  },
  observes: ['embed'],
  check(observation, config): Hit<MessageId> | undefined {
    const { url, host } = observation;
    if (!isBunnyPlayerHost(host)) return undefined;
    const player = parseBunnyPlayerUrl(url, host);
    if (!player) return { messageId: 'notAPlayer', data: { url } };
    if (!config.bunny) return { messageId: 'noBunnyConfig', data: { libraryId: player.libraryId } };
    if (config.bunny.libraryIds.includes(player.libraryId)) return undefined;
    return { messageId: 'unknownLibrary', data: { libraryId: player.libraryId } };
  },
});
