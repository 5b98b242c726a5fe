import { describe, expect, it } from 'vitest';
import { bunnyEmbedUrl, isConfiguredBunnyPlayer, parseBunnyPlayerUrl } from '../../scanners/syntax/bunny.ts';
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

describe('bunnyEmbedUrl', () => {
  it('builds the private embed the rules accept: nothing fetched before play, the configured library allowed', () => {
    const url = bunnyEmbedUrl('123456', 'a1b2c3d4-video');
    expect(url).toBe(
      'https://player.mediadelivery.net/embed/123456/a1b2c3d4-video?autoplay=false&preload=false&responsive=true',
    );
    expect(parseBunnyPlayerUrl(url, 'player.mediadelivery.net')).toEqual({
      libraryId: '123456',
      videoId: 'a1b2c3d4-video',
      query: 'autoplay=false&preload=false&responsive=true',
    });
    expect(isConfiguredBunnyPlayer(url, 'player.mediadelivery.net', testConfig())).toBe(true);
  });

  it('escapes ids into their path segments and lets options override the defaults', () => {
    expect(bunnyEmbedUrl('1', 'a/b?c', { autoplay: 'true' })).toBe(
      'https://player.mediadelivery.net/embed/1/a%2Fb%3Fc?autoplay=true&preload=false&responsive=true',
    );
  });
});
