import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** A real SMTP server on loopback that keeps what it receives, or refuses it with a given reply code. */
export interface SmtpSink {
  port: number;
  /** Raw messages accepted, headers and body. */
  messages: string[];
  /** Delivery attempts seen (MAIL FROM commands), accepted or not. */
  attempts: number;
  close(): Promise<void>;
}

export interface SinkBehaviour {
  /** Refuse every message with this SMTP code, after its data. */
  rejectWith?: number;
  /** Answer the final "." only after this long, as a relay's content filter does. */
  answerDataAfterMs?: number;
  /** Leave SMTPUTF8 out of the EHLO reply. */
  withoutSmtpUtf8?: boolean;
}

/** Starts a sink on 127.0.0.1 on a free port. */
export async function startSmtpSink(behaviour: SinkBehaviour = {}): Promise<SmtpSink> {
  const sink = { messages: [] as string[], attempts: 0 };
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    hideSMTPUTF8: behaviour.withoutSmtpUtf8 ?? false,
    logger: false,
    onMailFrom(_address, _session, callback) {
      sink.attempts += 1;
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (behaviour.rejectWith) {
          callback(Object.assign(new Error('Refused by the test sink'), { responseCode: behaviour.rejectWith }));
          return;
        }
        // Stored as soon as the data is in, as a relay does before its filters answer.
        sink.messages.push(Buffer.concat(chunks).toString('utf8'));
        setTimeout(() => callback(), behaviour.answerDataAfterMs ?? 0);
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
