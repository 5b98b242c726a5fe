import { defineRule, type Hit } from '../define-rule.ts';

type MessageId = 'postToCdn' | 'noOrigin';

export default defineRule({
  id: 'forms/post-to-cdn',
  category: 'forms',
  severity: 'error',
  policy: '/privacy/#forms',
  docs: 'A POST form whose action is the page itself, a relative path or the public site host sends what the visitor types to the CDN, which logs and may cache it, rather than to the origin server that the policy says receives it. `nospy fix` points same-site POST forms at the configured `origin`; set `origin` in the config and run it (the Astro integration does this at build).',
  fix: 'Set `"origin": "https://origin.example.ca"` in `nospy.config.json`, run the origin receiver there (`npm run origin`), and run `nospy fix <dir>` (the Astro integration does it at build): it rewrites same-site POST actions to the origin.',
  messages: {
    postToCdn: 'Form posts to {host}, the CDN; send it to the origin server {origin} (nospy fix does this).',
    noOrigin:
      'Form posts to {host}, the CDN; set "origin" in nospy.config.json to the server that receives forms and run nospy fix.',
  },
  observes: ['form'],
  check(observation, config): Hit<MessageId> | undefined {
    const { host } = observation;
    if (observation.method !== 'post' || host === '' || !config.hosts.isFirstParty(host)) return undefined;
    if (!config.origin) return { messageId: 'noOrigin', data: { host } };
    if (host === config.hosts.originHost) return undefined;
    return { messageId: 'postToCdn', data: { host, origin: config.origin } };
  },
});
