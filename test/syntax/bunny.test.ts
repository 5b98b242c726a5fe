import { describe, expect, it } from 'vitest';
import { isConfiguredBunnyPlayer, parseBunnyPlayerUrl } from '../../scanners/syntax/bunny.ts';
import { testConfig } from '../rules/support.ts';

describe('parseBunnyPlayerUrl', () => {
  it.each([
    [
      'https://player.mediadelivery.net/embed/123456/0d1e-2f3a',
      { libraryId: '123456', videoId: '0d1e-2f3a', query: '' },
    ],
    [
      'https://player.mediadelivery.net/embed/123456/abc/?autoplay=false&preload=false',
      { libraryId: '123456', videoId: 'abc', query: 'autoplay=false&preload=false' },
    ],
    ['https://iframe.mediadelivery.net/play/42/abc#t=10', { libraryId: '42', videoId: 'abc', query: '' }],
    ['https://player.mediadelivery.net/embed/42/abc?x=1#frag', { libraryId: '42', videoId: 'abc', query: 'x=1' }],
  ])('takes apart %s', (url, expected) => {
    expect(parseBunnyPlayerUrl(url, new URL(url).hostname)).toEqual(expected);
  });

  it.each([
    'https://player.mediadelivery.net/',
    'https://player.mediadelivery.net/embed/123456',
    'https://player.mediadelivery.net/embed/abc/def',
    'https://player.mediadelivery.net/embed/123456/abc/extra',
    'https://player.mediadelivery.net/thumbnail/123456/abc',
    'https://video.bunnycdn.com/embed/123456/abc',
    'https://player.mediadelivery.net.evil.test/embed/123456/abc',
  ])('rejects %s', (url) => {
    expect(parseBunnyPlayerUrl(url, new URL(url).hostname)).toBeUndefined();
  });
});

describe('isConfiguredBunnyPlayer', () => {
  const url = 'https://player.mediadelivery.net/embed/123456/abc';

  it('accepts players of the configured libraries only', () => {
    expect(isConfiguredBunnyPlayer(url, 'player.mediadelivery.net', testConfig())).toBe(true);
    expect(isConfiguredBunnyPlayer(url.replace('123456', '1234567'), 'player.mediadelivery.net', testConfig())).toBe(
      false,
    );
  });

  it('accepts none when the config has no bunny section', () => {
    expect(isConfiguredBunnyPlayer(url, 'player.mediadelivery.net', testConfig({ bunny: undefined }))).toBe(false);
  });
});
