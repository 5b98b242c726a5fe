import { describe, expect, it } from 'vitest';
import { ampAccessUrls, ampAnalyticsUrls, ampConsentUrls } from '../../scanners/syntax/amp-config.ts';

describe('ampAnalyticsUrls', () => {
  it.each([
    ['{"requests": {"pageview": "https://t.test/pv?r=${random}"}}', ['https://t.test/pv?r=${random}']],
    [
      '{"requests": {"host": "https://t.test", "base": "${host}/collect?v=1", "pageview": "${base}&t=pageview"}}',
      ['https://t.test', 'https://t.test/collect?v=1', 'https://t.test/collect?v=1&t=pageview'],
    ],
    ['{"requests": {"event": {"baseUrl": "//t.test/e", "reportWindow": 5}}}', ['//t.test/e']],
    [
      '{"requestOrigin": "https://t.test/", "requests": {"pageview": "/pv?p=${canonicalPath}"}}',
      ['https://t.test/pv?p=${canonicalPath}'],
    ],
    ['{"requests": {"pageview": "/pv"}}', []],
    ['{"requests": {"prefix": "v=1&cid=${clientId}"}}', []],
    ['{"requests": {"dynamic": "https://${subdomain}.t.test/pv"}}', []],
    ['{"requests": {"a": "${b}", "b": "${a}"}}', []],
    ['{"vars": {"account": "UA-1"}, "triggers": {}}', []],
    ['not json', []],
    ['[]', []],
  ])('finds where %s sends beacons', (config, urls) => {
    expect(ampAnalyticsUrls(config)).toEqual(urls);
  });

  it.each([
    [
      '{"checkConsentHref": "https://cmp.test/check", "promptUISrc": "https://cmp.test/prompt.html"}',
      [
        { key: 'checkConsentHref', url: 'https://cmp.test/check' },
        { key: 'promptUISrc', url: 'https://cmp.test/prompt.html' },
      ],
    ],
    [
      '{"consents": {"eu": {"checkConsentHref": "//cmp.test/check", "promptIfUnknownForGeoGroup": "eea"}}}',
      [{ key: 'checkConsentHref', url: '//cmp.test/check' }],
    ],
    ['{"checkConsentHref": "/consent", "consentRequired": true}', []],
    ['{"checkConsentHref": true}', []],
  ])('finds what amp-consent config %s contacts', (config, urls) => {
    expect(ampConsentUrls(config)).toEqual(urls);
  });

  it.each([
    [
      '{"authorization": "https://pub.test/auth?rid=READER_ID&url=SOURCE_URL", "pingback": "https://pub.test/ping?rid=READER_ID", "login": "https://pub.test/login"}',
      [
        { key: 'authorization', url: 'https://pub.test/auth?rid=READER_ID&url=SOURCE_URL' },
        { key: 'pingback', url: 'https://pub.test/ping?rid=READER_ID' },
      ],
    ],
    [
      '[{"namespace": "a", "authorization": "https://a.test/auth"}, {"namespace": "b", "pingback": "https://b.test/ping"}]',
      [
        { key: 'authorization', url: 'https://a.test/auth' },
        { key: 'pingback', url: 'https://b.test/ping' },
      ],
    ],
    ['{"authorization": "/auth?rid=READER_ID"}', []],
  ])('finds what amp-access config %s fetches', (config, urls) => {
    expect(ampAccessUrls(config)).toEqual(urls);
  });
});
