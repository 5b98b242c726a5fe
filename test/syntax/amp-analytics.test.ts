import { describe, expect, it } from 'vitest';
import { ampAnalyticsUrls } from '../../scanners/syntax/amp-analytics.ts';

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
});
