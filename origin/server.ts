import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import nodemailer from 'nodemailer';
import { mediaType, parseForm, readBody } from './body.ts';
import type { ReceiverConfig } from './config.ts';
import { readSubmission } from './form.ts';
import { logToStdout, type Logger, type Outcome, type RequestLog } from './log.ts';
import { composeMail, deliver } from './mail.ts';
import { clientKey, createRateLimiter } from './rate-limit.ts';
import { sendRedirect, sendText, sendUndeliverable } from './responses.ts';

/** The largest body read; the real form's fields fit many times over. */
export const maxBodyBytes = 32 * 1024;

const acceptedTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

type Handled = Omit<RequestLog, 'status' | 'ms'>;

/** A started-or-startable receiver: `server.listen()` it, `close()` it to stop timers and SMTP connections. */
export interface Receiver {
  server: Server;
  close(): Promise<void>;
}

/**
 * Builds the form receiver: `POST /contact` mails the form and redirects back to the site; `GET /healthz` answers ok.
 */
export function createReceiver(config: ReceiverConfig, log: Logger = logToStdout): Receiver {
  const siteBase = new URL(config.siteUrl.endsWith('/') ? config.siteUrl : `${config.siteUrl}/`);
  const thanksPage = new URL('contact/thanks/', siteBase);
  const errorPage = (reason: string) => new URL(`contact/error/?reason=${reason}`, siteBase);
  const limiter = createRateLimiter({
    limit: config.rateLimit,
    windowMs: config.rateWindowSeconds * 1000,
    maxClients: config.maxTrackedClients,
  });
  // Short timeouts, so a visitor waits seconds, not minutes, for a dead mail server; and nodemailer never logs.
  const transport = nodemailer.createTransport({
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...config.smtp,
    logger: false,
    debug: false,
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<Handled> {
    const answer = (outcome: Outcome, status: number, text: string, headers?: Record<string, string>): Handled => {
      sendText(res, status, text, headers);
      return { outcome };
    };
    const redirect = (outcome: Outcome, location: URL): Handled => {
      sendRedirect(res, location);
      return { outcome };
    };
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    if (path === '/healthz') {
      if (req.method === 'GET' || req.method === 'HEAD') return answer('health', 200, 'ok');
      return answer('method', 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    if (path !== '/contact') return answer('not-found', 404, 'Not found');
    if (req.method !== 'POST') return answer('method', 405, 'Method not allowed', { Allow: 'POST' });
    if (!isFromSite(req, siteBase.origin)) return answer('origin', 403, 'Forbidden');
    // Counted after the Origin check, so another site cannot spend a visitor's quota by making their browser post.
    const rate = limiter.take(clientKey(clientAddress(req, config.trustProxy)));
    if (!rate.allowed) {
      return answer('rate-limit', 429, 'Too many messages; try again later', {
        'Retry-After': String(rate.retryAfterSeconds),
      });
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!acceptedTypes.has(mediaType(contentType))) return answer('content-type', 415, 'Unsupported media type');
    // Answer before reading a body already known to be too big; closing the connection ends the upload.
    const tooLarge = { Connection: 'close' };
    if (Number(req.headers['content-length']) > maxBodyBytes) return answer('too-large', 413, 'Too large', tooLarge);
    const body = await readBody(req, maxBodyBytes);
    if (body === 'too-large') return answer('too-large', 413, 'Too large', tooLarge);

    const form = await parseForm(body, contentType).catch(() => undefined);
    if (!form) return answer('malformed', 400, 'Bad request');
    const verdict = readSubmission(form);
    // A bot that filled the honeypot gets the same answer as a person, and learns nothing.
    if (verdict.kind === 'spam') return redirect('honeypot', thanksPage);
    if (verdict.kind === 'invalid') return redirect(`invalid-${verdict.reason}`, errorPage(verdict.reason));
    const mail = composeMail(verdict.submission, config.mailFrom, config.mailTo);
    const delivery = await deliver(transport, mail, config.mailAttempts, config.retryDelayMs);
    if (delivery.sent) {
      sendRedirect(res, thanksPage);
      return { outcome: 'sent', attempts: delivery.attempts };
    }
    sendUndeliverable(res, errorPage('delivery'));
    return { outcome: 'undeliverable', attempts: delivery.attempts, errorCode: delivery.errorCode };
  }

  const server = createServer(async (req, res) => {
    const started = performance.now();
    let handled: Handled;
    try {
      handled = await handle(req, res);
    } catch {
      // The error itself may quote what the visitor sent, so only the outcome is logged.
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
      handled = { outcome: 'internal' };
    }
    log({ status: res.statusCode, ms: Math.round(performance.now() - started), ...handled });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  return {
    server,
    async close() {
      limiter.dispose();
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// Browsers send Origin on every cross-origin POST; those from before 2020 sent only a Referer, which is accepted
// instead.
function isFromSite(req: IncomingMessage, siteOrigin: string): boolean {
  const { origin, referer } = req.headers;
  if (origin !== undefined) return origin === siteOrigin;
  return referer !== undefined && URL.canParse(referer) && new URL(referer).origin === siteOrigin;
}

// Behind our own reverse proxy, the proxy appends the real client as the last X-Forwarded-For entry.
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') return forwarded.split(',').at(-1)!.trim();
  return req.socket.remoteAddress ?? 'unknown';
}
