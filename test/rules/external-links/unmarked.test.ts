import { describe } from 'vitest';
import rule from '../../../scanners/rules/external-links/unmarked.ts';
import { observe, testConfig, testRule } from '../support.ts';

const interstitial = testConfig({ externalLinks: { mode: 'interstitial' } });

describe('external-links/unmarked', () => {
  testRule(rule, {
    valid: [
      { name: 'a marked external link', observations: [observe.navigation({ url: 'https://other.example.org/', marked: true })] },
      { name: 'a same-site link', observations: [observe.navigation({ url: 'https://www.example.ca/about/' })] },
      { name: 'a link to a first-party subdomain', observations: [observe.navigation({ url: 'https://shop.example.ca/' })] },
      { name: 'mailto: and tel: links', observations: [observe.navigation({ url: 'mailto:hi@example.org' }), observe.navigation({ url: 'tel:+15555550100' })] },
      { name: 'a meta refresh (another rule)', observations: [observe.navigation({ via: 'refresh', url: 'https://other.example.org/' })] },
      { name: 'a link to the leaving page in interstitial mode', config: interstitial, observations: [observe.navigation({ url: 'https://www.example.ca/leaving/?to=https%3A%2F%2Fother.example.org%2F' })] },
    ],
    invalid: [
      { name: 'an unmarked external link', observations: [observe.navigation({ url: 'https://other.example.org/', line: 7, column: 3 })], errors: [{ messageId: 'unmarked', line: 7, column: 3 }] },
      { name: 'an unmarked image-map area', observations: [observe.navigation({ element: 'area', url: 'https://other.example.org/' })], errors: [{ messageId: 'unmarked' }] },
      { name: 'a link to an allowed host, which is still another site', observations: [observe.navigation({ url: 'https://fonts.bunny.net/' })], errors: [{ messageId: 'unmarked' }] },
      { name: 'a direct external link in interstitial mode, even marked', config: interstitial, observations: [observe.navigation({ url: 'https://other.example.org/', marked: true })], errors: [{ messageId: 'direct' }] },
    ],
  });
});
