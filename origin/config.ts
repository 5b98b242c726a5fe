import { type SmtpSettings, type SmtpTimeouts, smtpTimeouts } from './smtp.ts';
import type { PageTemplate } from './template.ts';

/** Everything the receiver needs; `origin/env.ts` builds it from environment variables and nospy.config.json. */
export interface ReceiverConfig {
  /** The public site URL (nospy.config.json's `site`): an accepted Origin, and the base of the redirects. */
  siteUrl: string;
  /**
   * The receiver's own public URL (nospy.config.json's `origin`), when known: its recovery pages post from there, so
   * it is an accepted Origin too.
   */
  receiverUrl?: string;
  /** Who receives the messages. */
  mailTo: string;
  /** The sender address, on a domain whose SPF/DKIM the SMTP server satisfies. */
  mailFrom: string;
  /** The relay: host, port, TLS and credentials. Timeouts are the receiver's own. */
  smtp: SmtpSettings;
  /** How long each phase of an SMTP attempt may take; the answer to the final "." has the rest of the deadline. */
  smtpTimeouts: SmtpTimeouts;
  /** How many SMTP attempts at most, within the request's deadline. */
  mailAttempts: number;
  /** Wait before the second attempt; doubles for each further attempt. */
  retryDelayMs: number;
  /** From a request's arrival to its answer, whatever the relay does; below a reverse proxy's usual 60 s. */
  requestDeadlineMs: number;
  /** POSTs allowed per client in each window. */
  rateLimit: number;
  rateWindowSeconds: number;
  /** Rate counters kept at once; past it the least recently seen is forgotten, so memory stays bounded. */
  maxTrackedClients: number;
  /** Use the last X-Forwarded-For entry as the client address (set only behind your own reverse proxy). */
  trustProxy: boolean;
  /** The site's layout its pages are rendered in (origin/template.ts); without it, a plain page of its own. */
  pageTemplate?: PageTemplate;
}

/** The site's URL as the base its paths resolve against: `https://www.example.ca/shop` holds `shop/contact/`. */
export function siteBaseOf(siteUrl: string): URL {
  return new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
}

/** The settings a deployment rarely changes. */
export const receiverDefaults = {
  mailAttempts: 3,
  retryDelayMs: 1000,
  smtpTimeouts,
  requestDeadlineMs: 45_000,
  rateLimit: 5,
  rateWindowSeconds: 600,
  maxTrackedClients: 10_000,
  trustProxy: false,
} satisfies Partial<ReceiverConfig>;
