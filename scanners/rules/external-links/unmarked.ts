import { leavingPageFile, leavingPagePath } from '../../syntax/leaving-page.ts';
import { defineRule, type Hit } from '../define-rule.ts';

type MessageId = 'unmarked' | 'direct' | 'script';

export default defineRule({
  id: 'external-links/unmarked',
  category: 'external-links',
  severity: 'error',
  policy: '/privacy/#external-links',
  docs: "An external link without the leaving-site notice breaks the policy's promise that visitors are told when a link takes them to another site, whose own privacy practices then apply. In inline mode an external link must carry `data-leaving` (the visible leaving-site notice) and `rel=\"noopener noreferrer\"`, so the other site learns neither the page the visitor came from nor gets a handle on its window; in interstitial mode it must go through the site's leaving page for its address, whose marked continue link is the one way there. `nospy fix` (and the Astro integration) marks links this way. A link inside a video facade (`<lite-youtube>`, `<lite-vimeo>`) is not a way off the site: the facade's script turns the click into the player, which the embeds rules judge.",
  fix: 'Run `nospy fix <dir>` after the build (the Astro integration does it for you): it adds `data-leaving` and `rel="noopener noreferrer"` to every external `<a>`/`<area>`, or points them at the leaving page in interstitial mode. In components, use `ExternalLink`. Script navigations (`location.href = \'https://…\'`, `window.open`) must become links the visitor clicks.',
  messages: {
    unmarked:
      'Link to {host} leaves the site unmarked; add data-leaving and rel="noopener noreferrer" (nospy fix does this).',
    direct:
      'Link to {host} leaves the site without passing the leaving page; point it at {leavingPage} (nospy fix does this).',
    script:
      'Script sends visitors to {host} without the leaving-site notice; replace it with a marked link the visitor chooses to follow.',
  },
  observes: ['navigation'],
  check(observation, config): Hit<MessageId> | undefined {
    const { host } = observation;
    if (observation.via !== 'link' || host === '' || config.hosts.isFirstParty(host)) return undefined;
    // Script navigations (location.href, window.open) cannot carry the notice.
    if (observation.source === 'js') return { messageId: 'script', data: { host } };
    if (config.externalLinks.mode === 'interstitial') {
      const { leavingPage } = config.externalLinks;
      // The continue link of the destination's own leaving page is the way off the site that page announces.
      if (observation.marked && observation.file === leavingPageFile(observation.url, leavingPage)) return undefined;
      return { messageId: 'direct', data: { host, leavingPage: leavingPagePath(observation.url, leavingPage) } };
    }
    return observation.marked ? undefined : { messageId: 'unmarked', data: { host } };
  },
});
