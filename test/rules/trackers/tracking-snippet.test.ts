import { describe } from 'vitest';
import rule from '../../../scanners/rules/trackers/tracking-snippet.ts';
import { observe, testRule } from '../support.ts';

describe('trackers/tracking-snippet', () => {
  testRule(rule, {
    valid: [],
    invalid: [
      { name: 'gtag() as Google Analytics', observations: [observe.snippet({ name: 'gtag' })], errors: [{ messageId: 'snippet', vendor: 'Google Analytics' }] },
      { name: 'fbq() as the Meta Pixel', observations: [observe.snippet({ name: 'fbq' })], errors: [{ messageId: 'snippet', vendor: 'Meta Pixel' }] },
      { name: '_paq as Matomo', observations: [observe.snippet({ name: '_paq' })], errors: [{ messageId: 'snippet', vendor: 'Matomo' }] },
      { name: 'an unlisted snippet under its own name', observations: [observe.snippet({ name: 'newTracker' })], errors: [{ messageId: 'snippet', vendor: 'newTracker' }] },
      { name: 'a name that Object.prototype also has, under its own name', observations: [observe.snippet({ name: 'constructor' })], errors: [{ messageId: 'snippet', vendor: 'constructor' }] },
    ],
  });
});
