import type { FieldName } from './form.ts';

/** Why a request ended as it did; logs carry this code, never a field value or an address. */
export type Outcome =
  | 'health'
  | 'not-found'
  | 'method'
  | 'rate-limit'
  | 'origin'
  | 'content-type'
  | 'too-large'
  | 'malformed'
  | 'honeypot'
  | `invalid-${FieldName | 'form'}`
  | 'sent'
  | 'undeliverable'
  | 'unconfirmed'
  | 'request-timeout'
  | 'client-error'
  | 'aborted'
  | 'internal';

/** One line per request: status, timing and outcome only, so no visitor data can reach a log. */
export interface RequestLog {
  status: number;
  outcome: Outcome;
  ms: number;
  /** SMTP attempts made, when mail was tried. */
  attempts?: number;
  /** nodemailer's error code and the SMTP reply code of the last failure. */
  errorCode?: string;
}

export type Logger = (entry: RequestLog) => void;

/** Writes each entry as a JSON line on stdout. */
export const logToStdout: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};
