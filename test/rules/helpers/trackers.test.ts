import { describe, expect, it } from 'vitest';
import { entityOf, trackerOf } from '../../../scanners/rules/helpers/trackers.ts';

describe('trackerOf', () => {
  it.each([
    ['www.google-analytics.com', 'Google Analytics'],
    ['region1.google-analytics.com', 'Google Analytics'],
    ['www.googletagmanager.com', 'Google Tag Manager'],
    ['fonts.googleapis.com', 'Google Fonts'],
    ['maps.googleapis.com', 'Google Maps'],
    ['ajax.googleapis.com', 'Google CDN'],
    ['connect.facebook.net', 'Facebook'],
    ['www.clarity.ms', 'Clarity'],
    ['static.hotjar.com', 'Hotjar'],
    ['www.youtube.com', 'YouTube'],
  ])('counts %s as the tracker %s', (host, name) => {
    expect(trackerOf(host)?.name).toBe(name);
  });

  it.each(['cdn.jsdelivr.net', 'unpkg.com', 'fonts.bunny.net', 'player.mediadelivery.net', 'www.example.ca', ''])(
    'does not count %s',
    (host) => {
      expect(trackerOf(host)).toBeUndefined();
    },
  );

  it('still names non-tracking companies', () => {
    expect(entityOf('cdn.jsdelivr.net')).toMatchObject({ name: 'JSDelivr CDN', tracking: false });
  });

  it('answers repeated lookups from its cache with the same entity', () => {
    expect(entityOf('www.googletagmanager.com')).toBe(entityOf('www.googletagmanager.com'));
  });
});
