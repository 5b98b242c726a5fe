import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { mediaType, parseForm, readBody } from './body.ts';
import { type ReceiverConfig, siteBaseOf } from './config.ts';
import { contactPaths } from './contact-paths.ts';
import { type FormVerdict, maxBodyBytes, readSubmission } from './form.ts';
import { logToStdout, type Logger, type Outcome, type RequestLog } from './log.ts';
import { composeMail, deliver } from './mail.ts';
import { failurePages, type Page, pagePolicy, renderPage } from './pages.ts';
import { createRateLimiter, normaliseAddress, rateKeys } from './rate-limit.ts';
import { sendPage, sendRedirect, sendText } from './responses.ts';

const acceptedTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

type Handled = Omit<RequestLog, 'ms'>;

/** A started-or-startable receiver: `server.listen()` it, `close()` it to drain and stop. */
export interface Receiver {
  server: ReturnType<typeof createServer>;
  /**
   * Stops accepting connections, lets posts in flight finish for up to `drainMs`, then cuts off what is left (a
   * delivery in progress ends as its visitor's failure page) and resolves once every connection is closed.
   */
  close(drainMs?: number): Promise<void>;
}

/**
 * Builds the form receiver: a POST to the form's path mails the form and redirects back to the site, or answers a
 * page that gives the visitor their text back; `GET /healthz` answers ok.
 */
export function createReceiver(config: ReceiverConfig, log: Logger = logToStdout): Receiver {
  const siteBase = siteBaseOf(config.siteUrl);
  const thanksPage = new URL(contactPaths.thanksPage.slice(1), siteBase);
  const allowedOrigins = new Set([
    siteBase.origin,
    ...(config.receiverUrl ? [new URL(config.receiverUrl).origin] : []),
  ]);
  const { pageTemplate: template } = config;
  const pageContext = { siteBase, canResubmit: config.receiverUrl !== undefined, template };
  const policy = pagePolicy(siteBase.origin, template);
  const limiter = createRateLimiter({
    limit: config.rateLimit,
    windowMs: config.rateWindowSeconds * 1000,
    maxClients: config.maxTrackedClients,
  });
  const inFlight = new Map<Promise<void>, AbortController>();
  // Sockets whose request a handler is reading, and those Node's request timeout cut off: that handler logs a 408.
  const reading = new WeakSet<Duplex>();
  const timedOut = new WeakSet<Duplex>();

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    deadline: number,
    signal: AbortSignal,
  ): Promise<Handled> {
    const answer = (outcome: Outcome, status: number, text: string, headers?: Record<string, string>): Handled => {
      sendText(res, status, text, headers);
      return { status, outcome };
    };
    const page = (outcome: Outcome, status: number, content: Page, headers?: Record<string, string>): Handled => {
      sendPage(res, status, renderPage(content, pageContext), policy, headers);
      return { status, outcome };
    };
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    if (path === '/healthz') {
      if (req.method === 'GET' || req.method === 'HEAD') return answer('health', 200, 'ok');
      return answer('method', 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    if (path !== contactPaths.receiver) return answer('not-found', 404, 'Not found');
    if (req.method !== 'POST') return answer('method', 405, 'Method not allowed', { Allow: 'POST' });
    if (!isFromSite(req, allowedOrigins)) return page('origin', 403, failurePages.forbidden());
    const contentType = req.headers['content-type'] ?? '';
    if (!acceptedTypes.has(mediaType(contentType))) return answer('content-type', 415, 'Unsupported media type');
    // Answer before reading a body already known to be too big; closing the connection ends the upload.
    const tooLarge = { Connection: 'close' };
    if (Number(req.headers['content-length']) > maxBodyBytes) {
      return page('too-large', 413, failurePages.tooLarge(), tooLarge);
    }
    reading.add(req.socket);
    const body = await readBody(req, maxBodyBytes);
    reading.delete(req.socket);
    if (body === 'too-large') return page('too-large', 413, failurePages.tooLarge(), tooLarge);
    if (body === 'aborted') {
      return timedOut.has(req.socket)
        ? { status: 408, outcome: 'request-timeout' }
        : { status: 499, outcome: 'aborted' };
    }

    const form = await parseForm(body, contentType).catch(() => undefined);
    if (!form) return answer('malformed', 400, 'Bad request');
    const verdict = readSubmission(form);
    // Counted after the Origin check, so another site cannot spend a visitor's quota by making their browser post;
    // and after reading the body, so a refused visitor still gets their text back.
    const rate = limiter.take(rateKeys(clientAddress(req, config.trustProxy)));
    if (!rate.allowed) {
      const retryAfter = { 'Retry-After': String(rate.retryAfterSeconds) };
      return page(
        'rate-limit',
        429,
        failurePages.rateLimited(submissionOf(verdict), rate.retryAfterSeconds),
        retryAfter,
      );
    }
    // A bot that filled the honeypot gets the same answer as a person, and learns nothing.
    if (verdict.kind === 'spam') {
      sendRedirect(res, thanksPage);
      return { status: 303, outcome: 'honeypot' };
    }
    if (verdict.kind === 'invalid') {
      const content = failurePages.invalid(verdict.reason, verdict.problem, verdict.submission);
      return page(`invalid-${verdict.reason}`, 400, content);
    }
    const { submission } = verdict;
    const delivery = await deliver((smtpUtf8) => composeMail(submission, config.mailFrom, config.mailTo, smtpUtf8), {
      smtp: config.smtp,
      timeouts: config.smtpTimeouts,
      attempts: config.mailAttempts,
      retryDelayMs: config.retryDelayMs,
      deadline,
      signal,
    });
    const { attempts } = delivery;
    if (delivery.outcome === 'sent') {
      sendRedirect(res, thanksPage);
      return { status: 303, outcome: 'sent', attempts };
    }
    const { errorCode } = delivery;
    // 202: the relay may hold the message; a 5xx would invite sending it again.
    if (delivery.outcome === 'unconfirmed') {
      return { ...page('unconfirmed', 202, failurePages.unconfirmed(submission)), attempts, errorCode };
    }
    const notSent = page('undeliverable', 503, failurePages.notSent(submission), { 'Retry-After': '300' });
    return { ...notSent, attempts, errorCode };
  }

  // The body must be in well before the deadline, which delivery needs too. Node checks these every second.
  const requestTimeout = Math.min(30_000, Math.round(config.requestDeadlineMs / 2));
  const timeouts = {
    requestTimeout,
    headersTimeout: Math.min(10_000, requestTimeout),
    connectionsCheckingInterval: 1000,
  };
  const server = createServer(timeouts, async (req, res) => {
    const started = performance.now();
    const abort = new AbortController();
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    inFlight.set(done, abort);
    let handled: Handled;
    try {
      handled = await handle(req, res, Date.now() + config.requestDeadlineMs, abort.signal);
    } catch {
      // The error itself may quote what the visitor sent, so only the outcome is logged.
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
      handled = { status: 500, outcome: 'internal' };
    }
    log({ ms: Math.round(performance.now() - started), ...handled });
    inFlight.delete(done);
    finished();
  });
  // Node's own answer to a timed-out or unparsable request, logged as what it is.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET') return void socket.destroy();
    const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (timeout) timedOut.add(socket);
    const status = timeout ? 408 : 400;
    // A request timeout only strikes while the request is still arriving, before any answer was written.
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${timeout ? 'Request Timeout' : 'Bad Request'}\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy();
    // A request whose body the handler is reading is logged there, once.
    if (!reading.has(socket)) log({ status, outcome: timeout ? 'request-timeout' : 'client-error', ms: 0 });
  });

  return {
    server,
    async close(drainMs = config.requestDeadlineMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cutOff = setTimeout(() => {
        for (const abort of inFlight.values()) abort.abort();
      }, drainMs);
      await Promise.all(inFlight.keys());
      clearTimeout(cutOff);
      server.closeAllConnections();
      await closed;
    },
  };
}

function submissionOf(verdict: FormVerdict) {
  return verdict.kind === 'spam' ? undefined : verdict.submission;
}

// Browsers send Origin on every cross-origin POST; those from before 2020 sent only a Referer, which is accepted
// instead.
function isFromSite(req: IncomingMessage, allowedOrigins: ReadonlySet<string>): boolean {
  const { origin, referer } = req.headers;
  if (origin !== undefined) return allowedOrigins.has(origin);
  return referer !== undefined && URL.canParse(referer) && allowedOrigins.has(new URL(referer).origin);
}

// Behind our own reverse proxy, the proxy appends the real client as the last X-Forwarded-For entry; a header that
// holds no address there leaves the connection's own address.
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const socketAddress = normaliseAddress(req.socket.remoteAddress ?? '') ?? '0.0.0.0';
  const forwarded = req.headers['x-forwarded-for'];
  if (!trustProxy || typeof forwarded !== 'string') return socketAddress;
  return normaliseAddress(forwarded.split(',').at(-1)!) ?? socketAddress;
}
