import { parseBunnyPlayerUrl } from '../../syntax/bunny.ts';
import { defineRule, type Hit } from '../define-rule.ts';

type MessageId = 'notLazy' | 'noTitle' | 'autoplay' | 'preload';

export default defineRule({
  id: 'embeds/bunny-not-private',
  category: 'embeds',
  severity: 'warning',
  policy: '/privacy/#video',
  docs: 'A Bunny player embedded without `loading="lazy"`, `preload=false` and `autoplay=false` contacts Bunny and fetches video before the visitor asks for it. Lazy loading keeps the frame from loading until it scrolls into view, `preload=false` stops the player fetching the video before play, and `autoplay=false` leaves the choice to the visitor. A `title` names the frame for screen-reader users. A link inside a frame\'s own document (`<iframe srcdoc>`) that loads the player there is not judged: the player loads on the visitor\'s click, so `autoplay=true` plays what they asked for. The `BunnyVideo` component embeds this way.',
  fix: 'Use the starter\'s `BunnyVideo` component (`<BunnyVideo libraryId="123456" videoId="…" title="Product tour" />`), which loads the player only on a click, or write a player iframe with `loading="lazy"`, a `title`, and `?autoplay=false&preload=false` on the `player.mediadelivery.net/embed/LIBRARY/VIDEO` URL.',
  messages: {
    notLazy:
      'Bunny player frame loads eagerly; add loading="lazy" so Bunny is contacted only when the video scrolls into view.',
    noTitle: 'Bunny player frame has no title; add a title that names the video for screen-reader users.',
    autoplay: 'Bunny player URL has autoplay=true; set autoplay=false so the video plays only when the visitor asks.',
    preload:
      'Bunny player URL does not set preload=false; add it so the video is fetched only when the visitor presses play.',
  },
  observes: ['embed'],
  check(observation) {
    const player = parseBunnyPlayerUrl(observation.url, observation.host);
    // A link in a frame loads the player when the visitor clicks it: playing at once is what they asked for.
    if (!player || observation.element === 'a' || observation.element === 'area') return undefined;
    const hits: Hit<MessageId>[] = [];
    const { attributes } = observation;
    if (observation.element === 'iframe') {
      if (attributes.loading?.toLowerCase() !== 'lazy') hits.push({ messageId: 'notLazy' });
      if (!attributes.title?.trim()) hits.push({ messageId: 'noTitle' });
    }
    const params = new URLSearchParams(player.query);
    if (params.get('autoplay')?.toLowerCase() === 'true') hits.push({ messageId: 'autoplay' });
    if (params.get('preload')?.toLowerCase() !== 'false') hits.push({ messageId: 'preload' });
    return hits;
  },
});
