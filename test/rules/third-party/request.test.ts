import { describe } from 'vitest';
import rule from '../../../scanners/rules/third-party/request.ts';
import { observe, testConfig, testRule } from '../support.ts';

describe('third-party/request', () => {
  testRule(rule, {
    valid: [
      { name: 'the site\'s own host', observations: [observe.request({ url: 'https://www.example.ca/app.js' })] },
      { name: 'another first-party subdomain', observations: [observe.request({ url: 'https://cdn.example.ca/app.js' })] },
      { name: 'a host in allowHosts', observations: [observe.request({ type: 'style', url: 'https://fonts.bunny.net/css' })] },
      {
        name: 'a subdomain matched by a "*." pattern',
        config: testConfig({ allowHosts: ['*.bunnycdn.test'] }),
        observations: [observe.request({ url: 'https://a.bunnycdn.test/x.js' })],
      },
      { name: 'the configured Bunny player', observations: [observe.request({ type: 'frame', url: 'https://player.mediadelivery.net/embed/123456/abc' })] },
      { name: 'the legacy Bunny player host', observations: [observe.request({ type: 'frame', url: 'https://iframe.mediadelivery.net/play/123456/abc' })] },
      { name: 'a known tracker (reported by trackers/known-tracker)', observations: [observe.request({ url: 'https://www.google-analytics.com/analytics.js' })] },
      { name: 'data: and blob: URLs', observations: [observe.request({ type: 'image', url: 'data:image/gif;base64,R0lG' })] },
    ],
    invalid: [
      {
        name: 'a script from an unlisted host',
        observations: [observe.request({ url: 'https://cdn.unknown-vendor.test/x.js', line: 4, column: 9 })],
        errors: [{ messageId: 'request', line: 4, column: 9 }],
      },
      {
        name: 'a Bunny player of another library',
        observations: [observe.request({ type: 'frame', url: 'https://player.mediadelivery.net/embed/999/abc' })],
        errors: [{ messageId: 'request' }],
      },
      {
        name: 'the Bunny player when no library is configured',
        config: testConfig({ bunny: undefined }),
        observations: [observe.request({ type: 'frame', url: 'https://player.mediadelivery.net/embed/123456/abc' })],
        errors: [{ messageId: 'request' }],
      },
      {
        name: 'a URL literal in a script with its own message',
        observations: [observe.request({ type: 'literal', source: 'js', url: 'https://api.unknown-vendor.test/v1' })],
        errors: [{ messageId: 'literal' }],
      },
    ],
  });
});
