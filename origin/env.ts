import { existsSync, statSync } from 'node:fs';
import { loadConfig } from '../scanners/config/load.ts';
import { ConfigError } from '../scanners/errors.ts';
import { receiverDefaults, type ReceiverConfig } from './config.ts';
import { isEmail } from './form.ts';

/** The receiver's default port: beside `npm run preview`'s 8787 (and wrangler's 8788), never on it. */
export const defaultPort = 8790;

/** A missing or invalid environment variable; the message starts with its name. */
export class EnvError extends Error {}

/** Where to listen, and what to run. */
export interface ReceiverSettings {
  host: string;
  port: number;
  config: ReceiverConfig;
  /** Connect to the relay before listening, and refuse to start when it fails. */
  verifySmtp: boolean;
  /** The built site, whose contact notice page is the template of the receiver's pages (origin/template.ts). */
  siteDir: string;
}

type Env = Record<string, string | undefined>;

/**
 * Reads and checks the receiver's environment variables; throws EnvError naming the first bad one. `SITE_URL` and
 * `ORIGIN_URL`, when unset, come from nospy.config.json's `site` and `origin` (`NOSPY_CONFIG` names another file).
 */
export function readReceiverEnv(env: Env): ReceiverSettings {
  const secure = readBoolean(env, 'SMTP_SECURE', false);
  const user = env.SMTP_USER || undefined;
  const pass = env.SMTP_PASS || undefined;
  if ((user === undefined) !== (pass === undefined)) {
    throw new EnvError(`${user ? 'SMTP_PASS' : 'SMTP_USER'}: set both SMTP_USER and SMTP_PASS, or neither`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: readInteger(env, 'PORT', defaultPort, 0, 65_535),
    verifySmtp: readBoolean(env, 'SMTP_VERIFY', true),
    siteDir: readSiteDir(env),
    config: {
      ...readUrls(env),
      mailTo: readAddress(env, 'MAIL_TO'),
      mailFrom: readAddress(env, 'MAIL_FROM'),
      smtp: {
        host: readRequired(env, 'SMTP_HOST'),
        port: readInteger(env, 'SMTP_PORT', secure ? 465 : 587, 1, 65_535),
        secure,
        // Without implicit TLS, STARTTLS is required: form contents never cross a network in clear text.
        requireTLS: !secure && readBoolean(env, 'SMTP_REQUIRE_TLS', true),
        ...(user && pass ? { auth: { user, pass } } : {}),
      },
      mailAttempts: readInteger(env, 'MAIL_ATTEMPTS', receiverDefaults.mailAttempts, 1, 10),
      retryDelayMs: receiverDefaults.retryDelayMs,
      smtpTimeouts: receiverDefaults.smtpTimeouts,
      requestDeadlineMs:
        readInteger(env, 'REQUEST_DEADLINE_SECONDS', receiverDefaults.requestDeadlineMs / 1000, 5, 55) * 1000,
      rateLimit: readInteger(env, 'RATE_LIMIT', receiverDefaults.rateLimit, 1, 10_000),
      rateWindowSeconds: readInteger(env, 'RATE_WINDOW_SECONDS', receiverDefaults.rateWindowSeconds, 1, 86_400),
      maxTrackedClients: receiverDefaults.maxTrackedClients,
      trustProxy: readBoolean(env, 'TRUST_PROXY', receiverDefaults.trustProxy),
    },
  };
}

function readRequired(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new EnvError(`${name}: required`);
  return value;
}

function readUrls(env: Env): Pick<ReceiverConfig, 'siteUrl' | 'receiverUrl'> {
  const file = env.NOSPY_CONFIG?.trim() || 'nospy.config.json';
  let siteUrl = env.SITE_URL?.trim();
  let receiverUrl = env.ORIGIN_URL?.trim() || undefined;
  if (!siteUrl || !receiverUrl) {
    const config = readConfigFile(file, !siteUrl);
    siteUrl ||= config?.site;
    receiverUrl ??= config?.origin;
  }
  if (!siteUrl) throw new EnvError(`SITE_URL: required, or a ${file} with "site"`);
  return {
    siteUrl: checkUrl('SITE_URL', siteUrl, 'the https URL of the site, such as https://www.example.ca'),
    ...(receiverUrl ? { receiverUrl: checkUrl('ORIGIN_URL', receiverUrl, 'the https URL of this receiver') } : {}),
  };
}

// The same file and loader as the gate and the site; absent is fine unless it is the only source of the site's URL.
function readConfigFile(file: string, needed: boolean): { site: string; origin?: string } | undefined {
  if (!needed && !existsSync(file)) return undefined;
  try {
    return loadConfig(file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (!needed) return undefined;
    throw new EnvError(`SITE_URL: unset, and ${error.message}`);
  }
}

function checkUrl(name: string, value: string, expected: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const local = url?.hostname === 'localhost' || url?.hostname === '127.0.0.1';
  if (!url || !(url.protocol === 'https:' || (local && url.protocol === 'http:'))) {
    throw new EnvError(`${name}: expected ${expected}`);
  }
  return value;
}

// Unset, dist/ may be missing (the receiver then warns and uses its own pages); named, it must be there.
function readSiteDir(env: Env): string {
  const value = env.SITE_DIR?.trim();
  if (!value) return 'dist';
  if (!statSync(value, { throwIfNoEntry: false })?.isDirectory()) {
    throw new EnvError(`SITE_DIR: expected the folder of the built site, such as dist; ${value} is not a folder`);
  }
  return value;
}

function readAddress(env: Env, name: string): string {
  const value = readRequired(env, name);
  // Either a bare address or `Display Name <address>`.
  const address = /<([^<>]+)>$/.exec(value)?.[1] ?? value;
  if (!isEmail(address)) throw new EnvError(`${name}: expected an email address, such as office@example.ca`);
  return value;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new EnvError(`${name}: expected a whole number from ${min} to ${max}`);
  }
  return number;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new EnvError(`${name}: expected true or false`);
}
