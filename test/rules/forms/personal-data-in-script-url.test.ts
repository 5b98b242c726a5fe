import { describe } from 'vitest';
import rule from '../../../scanners/rules/forms/personal-data-in-script-url.ts';
import { observe, testRule } from '../support.ts';

const script = (code: string) => `<script>\n${code}\n</script>`;

describe('forms/personal-data-in-script-url', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a search widget that sends only the query',
        html: script("fetch('https://search.other.test/q?index=docs&query=' + encodeURIComponent(input.value))"),
      },
      {
        name: 'a constant support address in a URL',
        html: script("fetch('https://api.other.test/config?email=support%40example.ca&lang=' + lang)"),
      },
      {
        name: 'personal data sent in a POST body',
        html: script(
          "fetch('/contact', { method: 'POST', body: JSON.stringify({ email: email.value, phone: phone.value }) })",
        ),
      },
      {
        name: 'a mailto: link a script opens',
        html: script("location.href = 'mailto:hello@example.ca?subject=' + encodeURIComponent(subject.value)"),
      },
      {
        name: 'a request the HTML gatherer made (a GET form is forms/personal-data-in-url)',
        observations: [observe.request({ url: 'https://api.other.test/s?email=x', source: 'html' })],
      },
    ],
    invalid: [
      {
        name: "a widget's GET request built with concat",
        html: script(
          "fetch('https://api.widget.example/send?site=a1'.concat('&email=', encodeURIComponent(email.value)))",
        ),
        errors: [{ messageId: 'personalData', line: 2 }],
      },
      {
        name: "a contact widget's GET request with the email and phone typed",
        html: script(
          "fetch('https://api.widget.example/send?email=' + encodeURIComponent(email.value) + '&phone=' + phone.value)",
        ),
        errors: [{ messageId: 'personalData', line: 2 }],
      },
      {
        name: 'an XMLHttpRequest GET built from a template literal',
        html: script("xhr.open('GET', `https://api.widget.example/v2/lead?site=1&first_name=${f.name.value}`)"),
        errors: [{ messageId: 'personalData', line: 2 }],
      },
      {
        name: 'URLSearchParams of form fields',
        html: script(
          'const params = new URLSearchParams({ name: form.elements.name.value, email: form.elements.email.value });\nfetch(`/api/subscribe?${params}`)',
        ),
        errors: [{ messageId: 'personalData', line: 3 }],
      },
      {
        name: 'a tracking pixel that carries the email',
        html: script("new Image().src = 'https://px.other.test/p.gif?em=1&user_email=' + user.email"),
        errors: [{ messageId: 'personalData', line: 2 }],
      },
      {
        name: 'a thank-you page the script sends the visitor to with their phone number',
        html: script("location.href = '/thanks/?tel=' + encodeURIComponent(phone.value)"),
        errors: [{ messageId: 'personalData', line: 2 }],
      },
    ],
  });
});
