import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'forms/insecure-action',
  category: 'forms',
  severity: 'error',
  policy: '/privacy/#forms',
  docs: 'A form that posts over plain `http:` sends what the visitor typed (name, email, message) unencrypted across every network between them and the server, where anyone on the path can read or change it. Browsers warn about it too. Post to an `https:` URL.',
  fix: 'Change the action to `https:` (`<form method="post" action="https://origin.example.ca/contact">`), and serve the receiving server over TLS; the starter\'s `ContactForm` posts to the configured https `origin`.',
  messages: {
    insecure: 'Form posts over plain http to {url}; use an https URL so what visitors type is encrypted.',
  },
  observes: ['form'],
  check(observation) {
    if (observation.method !== 'post' || !observation.url.startsWith('http:')) return undefined;
    return { messageId: 'insecure', data: { url: observation.url } };
  },
});
