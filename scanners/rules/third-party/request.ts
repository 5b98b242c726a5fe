import { isUnacceptedThirdParty } from '../helpers/parties.ts';
import { isReferenceHost } from '../helpers/reference-hosts.ts';
import { isLocalHost, isNoOnesHost } from '../helpers/reserved-hosts.ts';
import { entityOf } from '../helpers/trackers.ts';
import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'third-party/request',
  category: 'third-party',
  severity: 'error',
  policy: '/privacy/#tracking',
  docs: "A request to a host that is neither the site's own nor in `allowHosts` hands another company the visitor's IP address, browser and the page they are reading, while the policy names every third party visitors may contact. Only the site's hosts, `allowHosts` and the players of configured Bunny Stream libraries pass: self-host the file, or add the host to `allowHosts` and name it in the privacy policy. Known trackers are reported by `trackers/known-tracker` instead. A URL string in a script counts too, since code can fetch it in ways no static reading follows: a string that is the URL, or that puts it where markup or CSS fetches it (`<img src>`, `url()`). A URL in prose, in a link (`<a href>`, `{ href }` props, `a.href =`) or as a JSON value inside a longer string is only mentioned, and so is one on a documentation host of library error messages (react.dev, github.com, developer.mozilla.org …) or on a host that is no one's (localhost, names without a dot, private addresses, `*.invalid`). A real request to the visitor's own device or network, such as a development server URL left in the build, is still reported.",
  fix: 'Self-host what the page fetches: download the font files and serve them from the site instead of Google Fonts (`@font-face { src: url(/fonts/inter.woff2) }`), bundle the library instead of loading it from a public CDN, copy images into the site. If the third party is intended, add it to `allowHosts` (`"allowHosts": ["fonts.bunny.net"]`) and name it in the privacy policy.',
  messages: {
    request:
      'Page requests {host} ({type}), a third party the policy does not name; self-host the file or add {host} to allowHosts and the policy.',
    localHost:
      "Page requests {host} ({type}), which is the visitor's own device or network, not this site; replace the development or internal URL with the site's own.",
    literal:
      'Script contains a URL on {host}, a third party the policy does not name; self-host what it fetches or add {host} to allowHosts and the policy.',
  },
  observes: ['request'],
  check(observation, config) {
    const { host, type } = observation;
    if (!isUnacceptedThirdParty(observation.url, host, config)) return undefined;
    if (type === 'literal' && (isReferenceHost(host) || isNoOnesHost(host))) return undefined;
    const entity = entityOf(host);
    if (entity?.tracking) return undefined;
    return {
      messageId: type === 'literal' ? 'literal' : isLocalHost(host) ? 'localHost' : 'request',
      data: { host, type },
      vendor: entity?.name,
    };
  },
});
