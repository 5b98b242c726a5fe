import { setTimeout as sleep } from 'node:timers/promises';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type { FieldName, Submission } from './form.ts';

const labels: Record<FieldName, string> = {
  name: 'Name',
  business: 'Business',
  position: 'Position',
  email: 'Email',
  phone: 'Phone',
  message: 'Message',
};

/** A plain-text message with every field; replying answers the visitor. */
export function composeMail(submission: Submission, from: string, to: string): SendMailOptions {
  const { message, ...single } = submission;
  const lines = (Object.keys(single) as Exclude<FieldName, 'message'>[]).map(
    (field) => `${labels[field]}: ${single[field] || '-'}`,
  );
  return {
    from,
    to,
    // nodemailer encodes the display name; the form already stripped CR/LF from it.
    replyTo: { name: submission.name, address: submission.email },
    subject: `Website contact from ${submission.name}`,
    text: `${lines.join('\n')}\n\n${labels.message}:\n${message}\n`,
  };
}

/**
 * How delivery ended; `errorCode` is nodemailer's code or the SMTP reply code, never text that could hold an address.
 */
export type Delivery = { sent: true; attempts: number } | { sent: false; attempts: number; errorCode: string };

/** Sends `mail`, retrying any failure with doubling delays, up to `attempts` tries. */
export async function deliver(
  transport: Transporter,
  mail: SendMailOptions,
  attempts: number,
  retryDelayMs: number,
): Promise<Delivery> {
  let errorCode = 'unknown';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    if (attempt > 1) await sleep(retryDelayMs * 2 ** (attempt - 2));
    try {
      await transport.sendMail(mail);
      return { sent: true, attempts: attempt };
    } catch (error) {
      errorCode = describeFailure(error);
    }
  }
  return { sent: false, attempts, errorCode };
}

function describeFailure(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return (
    [code, responseCode].filter((part) => typeof part === 'string' || typeof part === 'number').join(' ') || 'unknown'
  );
}
