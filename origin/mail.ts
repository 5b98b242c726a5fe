import { setTimeout as sleep } from 'node:timers/promises';
import { domainToASCII } from 'node:url';
import type { Options as MailOptions } from 'nodemailer/lib/mailer';
import type { SmtpSettings } from './smtp.ts';
import { type FieldName, fieldLabels, type Submission } from './form.ts';
import { type Compose, type SmtpTimeouts, sendOnce } from './smtp.ts';

/**
 * A plain-text message with every field; replying answers the visitor. Without SMTPUTF8 a relay may mangle a UTF-8
 * address, so the visitor's domain is sent as punycode and a non-ASCII mailbox name leaves Reply-To out (the address
 * is still in the text).
 */
export function composeMail(submission: Submission, from: string, to: string, smtpUtf8: boolean): MailOptions {
  const { message, ...single } = submission;
  const lines = (Object.keys(single) as Exclude<FieldName, 'message'>[]).map(
    (field) => `${fieldLabels[field]}: ${single[field] || '-'}`,
  );
  const replyTo = smtpUtf8 ? submission.email : asciiAddress(submission.email);
  return {
    from,
    to,
    // nodemailer encodes the display name; the form already stripped CR/LF from it.
    ...(replyTo ? { replyTo: { name: submission.name, address: replyTo } } : {}),
    subject: `Website contact from ${submission.name}`,
    text: `${lines.join('\n')}\n\n${fieldLabels.message}:\n${message}\n`,
  };
}

function asciiAddress(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = domainToASCII(address.slice(at + 1));
  return /^[\x00-\x7f]*$/.test(local) && domain ? `${local}@${domain}` : undefined;
}

/**
 * How delivery ended: `sent`; `failed`, the relay did not take it (the visitor should send it again); `unconfirmed`,
 * the whole message went out but no answer came before the deadline, so it may have arrived and is not sent again.
 * `errorCode` is nodemailer's code or the SMTP reply code, never text that could hold an address.
 */
export type Delivery =
  | { outcome: 'sent'; attempts: number }
  | { outcome: 'failed' | 'unconfirmed'; attempts: number; errorCode: string };

export interface DeliveryPlan {
  smtp: SmtpSettings;
  timeouts: SmtpTimeouts;
  attempts: number;
  retryDelayMs: number;
  /** Epoch ms by which delivery must have ended. */
  deadline: number;
  /** Aborts the attempt in progress and any further one (shutdown). */
  signal?: AbortSignal;
}

/**
 * Sends one message, trying again only when the relay cannot have it: after a temporary (4xx) refusal or a failure
 * before the end of the data, with doubling delays, while the deadline allows. Never twice.
 */
export async function deliver(compose: Compose, plan: DeliveryPlan): Promise<Delivery> {
  let errorCode = 'unknown';
  for (let attempt = 1; attempt <= plan.attempts; attempt += 1) {
    if (attempt > 1) {
      const delay = plan.retryDelayMs * 2 ** (attempt - 2);
      if (plan.signal?.aborted || Date.now() + delay >= plan.deadline) {
        return { outcome: 'failed', attempts: attempt - 1, errorCode };
      }
      await sleep(delay, undefined, { signal: plan.signal }).catch(() => undefined);
    }
    const result = await sendOnce(plan.smtp, plan.timeouts, compose, plan.deadline, plan.signal);
    if (result.kind === 'accepted') return { outcome: 'sent', attempts: attempt };
    if (result.kind === 'unknown') return { outcome: 'unconfirmed', attempts: attempt, errorCode: result.errorCode };
    errorCode = result.errorCode;
    if (result.permanent) return { outcome: 'failed', attempts: attempt, errorCode };
  }
  return { outcome: 'failed', attempts: plan.attempts, errorCode };
}
