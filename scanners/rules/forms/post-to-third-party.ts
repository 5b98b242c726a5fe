import { entityOf } from '../helpers/trackers.ts';
import { findVendor, formVendors } from '../helpers/vendors.ts';
import { defineRule, type Hit } from '../define-rule.ts';

type MessageId = 'vendor' | 'thirdParty';

export default defineRule({
  id: 'forms/post-to-third-party',
  category: 'forms',
  severity: 'error',
  policy: '/privacy/#forms',
  docs: "A form that posts to a hosted form service (Formspree, HubSpot, Mailchimp, Typeform …) hands everything the visitor types to that company, which stores it under its own terms and often feeds it into marketing tools. The policy promises form data goes only to the site's own server: post to the configured `origin`, where nospy's form receiver mails it on and keeps nothing. `allowHosts` does not change this.",
  fix: 'Replace the Formspree/HubSpot/Mailchimp action with the site\'s origin (`<form method="post" action="https://origin.example.ca/contact">`, or the starter\'s `ContactForm`): nospy\'s origin receiver mails the message on and keeps nothing. For newsletters, link to the provider\'s sign-up page with the leaving-site notice instead of posting to it.',
  messages: {
    vendor:
      "Form posts to {vendor} ({host}); post it to the site's origin server instead, the policy promises form data stays with the site.",
    thirdParty:
      "Form posts to {host}, a third party; post it to the site's origin server instead, the policy promises form data stays with the site.",
  },
  observes: ['form'],
  check(observation, config): Hit<MessageId> | undefined {
    const { host, url } = observation;
    if (observation.method !== 'post' || host === '' || config.hosts.isFirstParty(host)) return undefined;
    const vendor = findVendor(formVendors, url, host) ?? entityOf(host)?.name;
    if (vendor) return { messageId: 'vendor', data: { vendor, host }, vendor };
    return { messageId: 'thirdParty', data: { host } };
  },
});
