import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Options as MailOptions } from 'nodemailer/lib/mailer';
import SMTPConnection, { type SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';

/** How long each phase of one SMTP attempt may take. */
/** How to reach the relay: nodemailer's connection options that a deployment sets, and the login. */
export type SmtpSettings = Pick<
  SMTPConnectionOptions,
  'host' | 'port' | 'secure' | 'requireTLS' | 'ignoreTLS' | 'tls'
> & {
  auth?: { user: string; pass: string };
};

export interface SmtpTimeouts {
  connectMs: number;
  greetingMs: number;
  envelopeMs: number;
}

/** The phases' defaults, well inside the request's deadline. */
export const smtpTimeouts = {
  /** TCP (and implicit TLS) connect. */
  connectMs: 10_000,
  /** The relay's greeting, and a STARTTLS upgrade. */
  greetingMs: 10_000,
  /** From the attempt's start until the last byte of the message went out: greeting, EHLO, AUTH, envelope, data. */
  envelopeMs: 15_000,
  // The answer to the final "." then has whatever is left of the request's deadline: content filters take their time.
} satisfies SmtpTimeouts;

/**
 * How one attempt ended. `refused`: the relay did not take the message (it said no, or the attempt stopped before the
 * end of the data), so trying again cannot duplicate it. `unknown`: the whole message went out and no answer came, so
 * the relay may have stored it; trying again could deliver it twice.
 */
export type Attempt =
  | { kind: 'accepted' }
  | { kind: 'refused'; permanent: boolean; errorCode: string }
  | { kind: 'unknown'; errorCode: string };

/** Builds the message once the relay's extensions are known; `smtpUtf8` says whether it takes UTF-8 addresses. */
export type Compose = (smtpUtf8: boolean) => MailOptions;

/** One SMTP transaction on a new connection, stopped at `deadline` (epoch ms) or when `signal` aborts. */
export function sendOnce(
  smtp: SmtpSettings,
  timeouts: SmtpTimeouts,
  compose: Compose,
  deadline: number,
  signal?: AbortSignal,
): Promise<Attempt> {
  if (signal?.aborted) return Promise.resolve({ kind: 'refused', permanent: false, errorCode: 'EABORTED' });
  const remaining = () => Math.max(deadline - Date.now(), 1);
  const connection = openConnection(smtp, timeouts, remaining());
  return new Promise((resolve) => {
    let dataSent = false;
    let settled = false;
    const finish = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (attempt.kind === 'accepted') connection.quit();
      else connection.close();
      resolve(attempt);
    };
    const fail = (error: unknown) => {
      const { errorCode, responseCode } = describeFailure(error);
      // A reply is the relay's decision; silence after the data leaves the outcome open.
      if (dataSent && responseCode === undefined) finish({ kind: 'unknown', errorCode });
      else finish({ kind: 'refused', permanent: isPermanent(error, responseCode), errorCode });
    };
    const stop = (code: string) => () => fail(Object.assign(new Error(code), { code }));
    const onAbort = stop('EABORTED');
    let timer = setTimeout(stop('ETIMEDOUT'), Math.min(timeouts.envelopeMs, remaining()));
    signal?.addEventListener('abort', onAbort, { once: true });

    connection.on('error', fail);
    startSession(connection, smtp)
      .then(async ({ smtpUtf8 }) => {
        const mail = new MailComposer(compose(smtpUtf8)).compile();
        const message = Readable.from([await mail.build()]);
        message.once('end', () => {
          if (settled) return;
          // Everything but the final answer is out: from now on only the request's deadline applies.
          dataSent = true;
          clearTimeout(timer);
          timer = setTimeout(stop('ETIMEDOUT'), remaining());
        });
        if (settled) return;
        connection.send(mail.getEnvelope(), message, (error) => (error ? fail(error) : finish({ kind: 'accepted' })));
      })
      .catch(fail);
  });
}

/**
 * Connects, authenticates and closes, to find a wrong host, port, TLS setting or password before any visitor does.
 * Resolves undefined when all is well, or one line saying what is wrong.
 */
export async function verifyRelay(
  smtp: SmtpSettings,
  addresses: string[],
  timeoutMs: number,
): Promise<string | undefined> {
  const connection = openConnection(smtp, smtpTimeouts, timeoutMs);
  const failed = new Promise<never>((_resolve, reject) => {
    connection.on('error', reject);
    setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), timeoutMs).unref();
  });
  try {
    const { smtpUtf8 } = await Promise.race([startSession(connection, smtp), failed]);
    if (addresses.some((address) => /[^\x00-\x7f]/.test(address)) && !smtpUtf8) {
      return 'the relay does not offer SMTPUTF8, which MAIL_FROM or MAIL_TO needs';
    }
    connection.quit();
    return undefined;
  } catch (error) {
    connection.close();
    return explainRelayFailure(error, `${smtp.host}:${connection.port}`);
  } finally {
    failed.catch(() => undefined);
  }
}

// For the operator at start-up, when no visitor data exists yet: the error's own message may be quoted.
function explainRelayFailure(error: unknown, relay: string): string {
  const { errorCode } = describeFailure(error);
  // One line: OpenSSL's messages end in a line break.
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  const detail = `${errorCode}: ${message}`;
  if (errorCode.startsWith('ETLS')) {
    return `${relay} offers no STARTTLS, which SMTP_REQUIRE_TLS requires (${detail}); a port-465 relay needs SMTP_SECURE=true`;
  }
  if (errorCode.startsWith('EAUTH')) return `${relay} refused the login (${detail}); check SMTP_USER and SMTP_PASS`;
  if (/TLS|SSL|CERT|EPROTO/i.test(detail))
    return `TLS with ${relay} failed (${detail}); check SMTP_SECURE and SMTP_PORT`;
  return `cannot reach ${relay} (${detail})`;
}

/** nodemailer's error code and the relay's reply code, never the reply's text, which can quote an address. */
export function describeFailure(error: unknown): { errorCode: string; responseCode?: number } {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const reply = typeof responseCode === 'number' ? responseCode : undefined;
  const errorCode = [code, reply].filter((part) => typeof part === 'string' || typeof part === 'number').join(' ');
  return { errorCode: errorCode || 'unknown', responseCode: reply };
}

// A 5xx reply is final (RFC 5321 4.2.1), and so are a refused login and a TLS setting the relay cannot meet.
function isPermanent(error: unknown, responseCode: number | undefined): boolean {
  if (responseCode !== undefined) return responseCode >= 500;
  const { code } = (error ?? {}) as { code?: unknown };
  return code === 'EAUTH' || code === 'ETLS';
}

function openConnection(smtp: SmtpSettings, timeouts: SmtpTimeouts, timeoutMs: number): SMTPConnection {
  const { auth: _auth, ...options } = smtp;
  return new SMTPConnection({
    ...options,
    connectionTimeout: Math.min(timeouts.connectMs, timeoutMs),
    greetingTimeout: Math.min(timeouts.greetingMs, timeoutMs),
    // The receiver's own timers end the attempt; nodemailer's idle timer only has to outlast them.
    socketTimeout: timeoutMs + 1000,
    logger: false,
    debug: false,
  });
}

/** Connects (with STARTTLS as configured) and logs in; resolves whether the relay takes UTF-8 addresses. */
function startSession(connection: SMTPConnection, smtp: SmtpSettings): Promise<{ smtpUtf8: boolean }> {
  return new Promise((resolve, reject) => {
    connection.connect((error) => {
      if (error) return reject(error);
      // Right after connect(), the last reply is the EHLO's, one extension per line.
      const smtpUtf8 = /^250[ -]SMTPUTF8\b/im.test(connection.lastServerResponse || '');
      if (!smtp.auth) return resolve({ smtpUtf8 });
      connection.login(smtp.auth, (loginError) => (loginError ? reject(loginError) : resolve({ smtpUtf8 })));
    });
  });
}
