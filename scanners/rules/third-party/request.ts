import { isUnacceptedThirdParty } from '../helpers/parties.ts';
import { isReferenceHost } from '../helpers/reference-hosts.ts';
import { entityOf } from '../helpers/trackers.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'third-party/request',
  category: 'third-party',
  severity: 'error',
  policy: '/privacy/#tracking',
  docs: 'A request to a host that is neither the site\'s own nor in `allowHosts` hands another company the visitor\'s IP address, browser and the page they are reading, while the policy names every third party visitors may contact. Only the site\'s hosts, `allowHosts` and the players of configured Bunny Stream libraries pass: self-host the file, or add the host to `allowHosts` and name it in the privacy policy. Known trackers are reported by `trackers/known-tracker` instead. A URL that a script only mentions counts too, since code can fetch it in ways no static reading follows, except documentation hosts that libraries name in their error messages (react.dev, github.com, developer.mozilla.org …).',
  messages: {
    request: 'Page requests {host} ({type}), a third party the policy does not name; self-host the file or add {host} to allowHosts and the policy.',
    literal: 'Script contains a URL on {host}, a third party the policy does not name; self-host what it fetches or add {host} to allowHosts and the policy.',
  },
  observes: ['request'],
  check(observation, config) {
    if (!isUnacceptedThirdParty(observation.url, observation.host, config)) return undefined;
    if (observation.type === 'literal' && isReferenceHost(observation.host)) return undefined;
    const entity = entityOf(observation.host);
    if (entity?.tracking) return undefined;
    const data = { host: observation.host, type: observation.type };
    return { messageId: observation.type === 'literal' ? 'literal' : 'request', data, vendor: entity?.name };
  },
});
