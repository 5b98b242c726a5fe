/**
 * An organisation nospy files itself, where third-party-web files it under a category that hides what it does
 * ("utility") or not at all. `category` uses third-party-web's names; `source` is the vendor's own description
 * of what its script does, so each entry can be checked against it.
 */
export interface SupplementEntry {
  name: string;
  company: string;
  category: string;
  /** Domains whose hosts (the domain and every subdomain) belong to it. */
  domains: readonly string[];
  source: string;
}

/**
 * Facts written here from vendors' documentation, never copied from a blocklist (Ghostery's, DuckDuckGo's and
 * Disconnect's licences forbid commercial use). An entry here wins over third-party-web for its hosts.
 */
export const trackerSupplement: readonly SupplementEntry[] = [
  {
    // Loads the consent banner, stores a consent ID per visitor and logs each consent on Cookiebot's servers,
    // as the consent-provider entities third-party-web files elsewhere do (it files Cookiebot as "utility").
    name: 'Cookiebot',
    company: 'Usercentrics',
    category: 'consent-provider',
    domains: ['cookiebot.com'],
    source: 'https://www.cookiebot.com/en/developer/',
  },
  {
    // A consent banner that logs each visitor's consent (a consent ID, their anonymised IP) on CookieYes' servers;
    // third-party-web does not know it.
    name: 'CookieYes',
    company: 'CookieYes',
    category: 'consent-provider',
    domains: ['cdn-cookieyes.com', 'cookieyes.com'],
    source: 'https://www.cookieyes.com/blog/cookieyes-logging-and-demonstration-of-cookie-consent/',
  },
  {
    // B2B visitor identification: the tracker sends each visitor's IP address and pages to identify their employer.
    name: 'Leadfeeder',
    company: 'Dealfront',
    category: 'marketing',
    domains: ['lfeeder.com'],
    source: 'https://help.dealfront.com/en/articles/7936730-website-tracker-data-processing-roles',
  },
  {
    // B2B visitor identification by IP address, a cookie to recognise returning visitors, and session replay.
    name: 'Warmly',
    company: 'Warmly',
    category: 'marketing',
    domains: ['getwarmly.com'],
    source: 'https://help.warmly.ai/en/articles/8002445-the-warmly-script-performance',
  },
  {
    // The US government's Digital Analytics Program: a script that sends every visit to Google Analytics 4.
    name: 'Digital Analytics Program',
    company: 'U.S. General Services Administration',
    category: 'analytics',
    domains: ['dap.digitalgov.gov'],
    source: 'https://github.com/digital-analytics-program/gov-wide-code',
  },
  {
    // Session recordings and heatmaps of every visitor's interactions (third-party-web files it as "utility").
    name: 'Clarity',
    company: 'Microsoft',
    category: 'analytics',
    domains: ['clarity.ms'],
    source: 'https://github.com/microsoft/clarity',
  },
  {
    // Google's Hosted Libraries: versioned open-source files (jQuery, D3 …) on a CDN, no tag, no script of Google's
    // own. A third party a site may name in its policy, not a tracker.
    name: 'Google Hosted Libraries',
    company: 'Google',
    category: 'cdn',
    domains: ['ajax.googleapis.com'],
    source: 'https://developers.google.com/speed/libraries',
  },
];
