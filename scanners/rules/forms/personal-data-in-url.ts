import { defineRule } from '../define-rule.ts';
import { personalFields } from '../helpers/personal-data.ts';

export default defineRule({
  id: 'forms/personal-data-in-url',
  category: 'forms',
  severity: 'error',
  policy: '/privacy/#forms',
  docs: 'A GET form puts every field in the URL of the next page, so a visitor\'s email, phone number, name, address, password or card details end up in browser history, CDN and server logs, analytics and the Referer header sent to other sites. Forms that carry personal data must use `method="post"` (to the origin server).',
  fix: 'Use `method="post"` with the origin server as the action (`<form method="post" action="/contact">`, which `nospy fix` routes to `origin`); keep GET only for forms whose fields are not personal, such as a site search box.',
  messages: {
    personalData:
      'GET form sends {fields} in the URL, where logs and history keep it; use method="post" to the origin server.',
  },
  observes: ['form'],
  check(observation) {
    if (observation.method !== 'get' || observation.host === '') return undefined;
    const found = personalFields(observation.fields);
    if (found.length === 0) return undefined;
    return { messageId: 'personalData', data: { fields: found.join(', ') } };
  },
});
