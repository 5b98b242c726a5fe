/**
 * A service known by its domain (and subdomains), optionally only under a path: `['google.com', 'Google Maps',
 * '/maps']`.
 */
export type VendorEntry = readonly [domain: string, vendor: string, pathPrefix?: string];

/** Video, audio, map and social players a page can embed; each logs the visitor as it loads. */
export const playerVendors: readonly VendorEntry[] = [
  ['youtube.com', 'YouTube'],
  ['youtube-nocookie.com', 'YouTube'],
  ['youtu.be', 'YouTube'],
  ['vimeo.com', 'Vimeo'],
  ['wistia.com', 'Wistia'],
  ['wistia.net', 'Wistia'],
  ['dailymotion.com', 'Dailymotion'],
  ['dai.ly', 'Dailymotion'],
  ['loom.com', 'Loom'],
  ['maps.google.com', 'Google Maps'],
  ['google.com', 'Google Maps', '/maps'],
  ['maps.googleapis.com', 'Google Maps'],
  ['spotify.com', 'Spotify'],
  ['soundcloud.com', 'SoundCloud'],
  ['mixcloud.com', 'Mixcloud'],
  ['bandcamp.com', 'Bandcamp'],
  ['twitch.tv', 'Twitch'],
  ['tiktok.com', 'TikTok'],
  ['facebook.com', 'Facebook'],
  ['instagram.com', 'Instagram'],
  ['twitter.com', 'X (Twitter)'],
  ['x.com', 'X (Twitter)'],
  ['linkedin.com', 'LinkedIn'],
  ['jwplayer.com', 'JW Player'],
  ['jwplatform.com', 'JW Player'],
  ['jwpcdn.com', 'JW Player'],
  ['brightcove.net', 'Brightcove'],
  ['brightcove.com', 'Brightcove'],
  ['vidyard.com', 'Vidyard'],
  ['kaltura.com', 'Kaltura'],
  ['streamable.com', 'Streamable'],
  ['rumble.com', 'Rumble'],
  ['ted.com', 'TED'],
  ['podcasts.apple.com', 'Apple Podcasts'],
  ['music.apple.com', 'Apple Music'],
];

/** Hosted form back-ends: whatever a visitor types goes to them. */
export const formVendors: readonly VendorEntry[] = [
  ['formspree.io', 'Formspree'],
  ['hsforms.com', 'HubSpot'],
  ['hsforms.net', 'HubSpot'],
  ['hubspot.com', 'HubSpot'],
  ['list-manage.com', 'Mailchimp'],
  ['typeform.com', 'Typeform'],
  ['jotform.com', 'Jotform'],
  ['docs.google.com', 'Google Forms', '/forms'],
  ['usebasin.com', 'Basin'],
  ['getform.io', 'Getform'],
  ['formkeep.com', 'FormKeep'],
  ['web3forms.com', 'Web3Forms'],
  ['zapier.com', 'Zapier'],
  ['salesforce.com', 'Salesforce'],
  ['pardot.com', 'Pardot'],
  ['marketo.com', 'Marketo'],
  ['mktoweb.com', 'Marketo'],
  ['formsubmit.co', 'FormSubmit'],
  ['formcarry.com', 'Formcarry'],
  ['staticforms.xyz', 'Static Forms'],
  ['wufoo.com', 'Wufoo'],
  ['cognitoforms.com', 'Cognito Forms'],
  ['paperform.co', 'Paperform'],
  ['sibforms.com', 'Brevo'],
  ['convertkit.com', 'Kit'],
  ['kit.com', 'Kit'],
  ['mailerlite.com', 'MailerLite'],
  ['createsend.com', 'Campaign Monitor'],
  ['aweber.com', 'AWeber'],
];

function onDomain(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46) /* . */;
}

/** The vendor of the first entry whose domain covers `host` (and whose path prefix starts the URL's path). */
export function findVendor(table: readonly VendorEntry[], url: string, host: string): string | undefined {
  for (const [domain, vendor, pathPrefix] of table) {
    if (!onDomain(host, domain)) continue;
    if (pathPrefix === undefined || new URL(url).pathname.startsWith(pathPrefix)) return vendor;
  }
  return undefined;
}
