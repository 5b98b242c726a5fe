import { isUnacceptedThirdParty } from '../helpers/parties.ts';
import { trackerOf } from '../helpers/trackers.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'third-party/request',
  category: 'third-party',
  severity: 'error',
  policy: '/privacy/#tracking',
  docs: 'Every request to another company\'s host hands it the visitor\'s IP address, browser and the page they are reading, so the policy names each third party visitors may contact. A request to any host that is not the site\'s own, not in `allowHosts` and not a configured Bunny Stream library fails: self-host the file, or add the host to `allowHosts` and name it in the privacy policy. Known trackers are reported by `trackers/known-tracker` instead.',
  messages: {
    request: 'Page makes a {type} request to {host}, a third party the policy does not name; self-host the file or add {host} to allowHosts and the policy.',
    literal: 'Script contains a URL on {host}, a third party the policy does not name; self-host what it fetches or add {host} to allowHosts and the policy.',
  },
  observes: ['request'],
  check(observation, config) {
    if (!isUnacceptedThirdParty(observation.url, observation.host, config) || trackerOf(observation.host)) return undefined;
    const data = { host: observation.host, type: observation.type };
    return { messageId: observation.type === 'literal' ? 'literal' : 'request', data };
  },
});
