import { defineRule } from '../define-rule.ts';
import { personalFields } from '../helpers/personal-data.ts';

export default defineRule({
  id: 'forms/personal-data-in-script-url',
  category: 'forms',
  severity: 'error',
  policy: '/privacy/#forms',
  docs: "A script that puts what a visitor typed into a URL's query (`fetch('https://api.widget.example/send?email=' + email.value)`, a contact widget's GET request, `location.href = '/thanks?phone=' + phone`) sends their email, phone number, name or address where a GET form would: into CDN and server logs, the receiving service's analytics, browser history and the Referer header. nospy reads the parameter names of URLs a script fetches or navigates to (literal text, template literals, concatenations and `new URLSearchParams({ … })`) as it reads form field names, and reports those that take a value only known at run time.",
  fix: "Send personal data in the body of a POST to the origin server (`fetch('/contact', { method: 'POST', body: new FormData(form) })`, or a plain `<form method=\"post\">` that `nospy fix` routes to `origin`), never in the URL; replace a widget that builds such URLs with the site's own form.",
  messages: {
    personalData:
      'Script puts {fields} in the URL it sends to {host}, where logs and history keep it; send it in a POST body to the origin server.',
  },
  observes: ['request', 'navigation'],
  check(observation) {
    if (observation.source !== 'js' || observation.host === '' || !observation.queryFields) return undefined;
    const found = personalFields(observation.queryFields);
    if (found.length === 0) return undefined;
    return { messageId: 'personalData', data: { fields: found.join(', '), host: observation.host } };
  },
});
