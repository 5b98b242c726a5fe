import type { SMTPTransportOptions } from 'nodemailer';

/** Everything the receiver needs; `origin/env.ts` builds it from environment variables. */
export interface ReceiverConfig {
  /** The public site URL (nospy.config.json's `site`): the only accepted Origin, and the base of the redirects. */
  siteUrl: string;
  /** Who receives the messages. */
  mailTo: string;
  /** The sender address, on a domain whose SPF/DKIM the SMTP server satisfies. */
  mailFrom: string;
  /** Passed to nodemailer as is; short timeouts are added unless set. */
  smtp: SMTPTransportOptions;
  /** How many SMTP attempts before answering 503. */
  mailAttempts: number;
  /** Wait before the second attempt; doubles for each further attempt. */
  retryDelayMs: number;
  /** POSTs allowed per client in each window. */
  rateLimit: number;
  rateWindowSeconds: number;
  /** Clients tracked at once; past it new clients get 429, so memory stays bounded under an address-spraying flood. */
  maxTrackedClients: number;
  /** Use the last X-Forwarded-For entry as the client address (set only behind your own reverse proxy). */
  trustProxy: boolean;
}

/** The settings a deployment rarely changes. */
export const receiverDefaults = {
  mailAttempts: 3,
  retryDelayMs: 1000,
  rateLimit: 5,
  rateWindowSeconds: 600,
  maxTrackedClients: 10_000,
  trustProxy: false,
} satisfies Partial<ReceiverConfig>;
