import { describe, expect, it } from 'vitest';
import { trackerSupplement } from '../../../scanners/rules/helpers/tracker-supplement.ts';
import { entityOf, trackerOf } from '../../../scanners/rules/helpers/trackers.ts';

describe('trackerOf', () => {
  it.each([
    ['www.google-analytics.com', 'Google Analytics'],
    ['region1.google-analytics.com', 'Google Analytics'],
    ['www.googletagmanager.com', 'Google Tag Manager'],
    ['fonts.googleapis.com', 'Google Fonts'],
    ['maps.googleapis.com', 'Google Maps'],
    ['www.gstatic.com', 'Google CDN'],
    ['connect.facebook.net', 'Facebook'],
    ['www.clarity.ms', 'Clarity'],
    ['scripts.clarity.ms', 'Clarity'],
    ['consent.cookiebot.com', 'Cookiebot'],
    ['consentcdn.cookiebot.com', 'Cookiebot'],
    ['cdn-cookieyes.com', 'CookieYes'],
    ['log.cookieyes.com', 'CookieYes'],
    ['sc.lfeeder.com', 'Leadfeeder'],
    ['opps-widget.getwarmly.com', 'Warmly'],
    ['dap.digitalgov.gov', 'Digital Analytics Program'],
    ['js.albacross.com', 'Albacross'],
    ['secure.leadforensics.com', 'Lead Forensics'],
    ['tag.clearbitscripts.com', 'Clearbit'],
    ['reveal.clearbit.com', 'Clearbit'],
    ['static.hotjar.com', 'Hotjar'],
    ['www.youtube.com', 'YouTube'],
  ])('counts %s as the tracker %s', (host, name) => {
    expect(trackerOf(host)?.name).toBe(name);
  });

  it.each([
    'cdn.jsdelivr.net',
    'unpkg.com',
    'fonts.bunny.net',
    'player.mediadelivery.net',
    'www.example.ca',
    '',
    'ajax.googleapis.com',
    'notcookiebot.com',
    'cookiebot.com.evil.test',
    'digitalgov.gov',
    'analytics.usa.gov',
  ])('does not count %s', (host) => {
    expect(trackerOf(host)).toBeUndefined();
  });

  it('still names non-tracking companies', () => {
    expect(entityOf('cdn.jsdelivr.net')).toMatchObject({ name: 'JSDelivr CDN', tracking: false });
  });

  it("files Google's Hosted Libraries as the CDN it is, while Google Fonts stays a tracker", () => {
    expect(entityOf('ajax.googleapis.com')).toMatchObject({
      name: 'Google Hosted Libraries',
      category: 'cdn',
      tracking: false,
    });
    expect(trackerOf('fonts.googleapis.com')?.name).toBe('Google Fonts');
  });

  it('names, for every supplement entry, a vendor documentation page and domains that are host names', () => {
    for (const entry of trackerSupplement) {
      expect(entry.source, entry.name).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      for (const domain of entry.domains) expect(domain, entry.name).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('answers repeated lookups from its cache with the same entity', () => {
    expect(entityOf('www.googletagmanager.com')).toBe(entityOf('www.googletagmanager.com'));
  });
});
