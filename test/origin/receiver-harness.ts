import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { receiverDefaults, type ReceiverConfig } from '../../origin/config.ts';
import type { RequestLog } from '../../origin/log.ts';
import { createReceiver, type Receiver } from '../../origin/server.ts';
import { exchange } from './http-client.ts';

export const site = 'https://www.example.ca';
export const receiverOrigin = 'https://origin.example.ca';

export const visitor = {
  name: 'Ada Lovelace',
  business: 'Analytical Engines Ltd',
  position: 'Chief Programmer',
  email: 'ada@engines.example',
  phone: '+1 (604) 555-0199',
  message: 'Could you build us a site?\nNo cookies, please.',
};

const running = new Set<{ close(): Promise<void> }>();
afterEach(async () => {
  for (const peer of running) await peer.close();
  running.clear();
});

/** Closes `peer` after the test. */
export function closeAfterTest<T extends { close(): Promise<void> }>(peer: T): T {
  running.add(peer);
  return peer;
}

/** A receiver on loopback mailing to the SMTP peer on `smtpPort`; returns its URL, the receiver and its log. */
export async function startReceiver(smtpPort: number, overrides: Partial<ReceiverConfig> = {}) {
  const logs: RequestLog[] = [];
  const receiver: Receiver = createReceiver(
    {
      ...receiverDefaults,
      siteUrl: site,
      receiverUrl: receiverOrigin,
      mailTo: 'office@example.ca',
      mailFrom: 'website@example.ca',
      smtp: { host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true },
      retryDelayMs: 5,
      ...overrides,
    },
    (entry) => logs.push(entry),
  );
  closeAfterTest({ close: () => receiver.close(0) });
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, receiver, logs };
}

/** POSTs `fields` urlencoded from the site, as the browser does. */
export function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return exchange(`${url}/contact`, {
    method: 'POST',
    headers: { origin: site, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The text of each form control on a page the receiver answered, as the browser would submit it again. */
export function formValues(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  const decode = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  for (const [, name, value] of html.matchAll(/<input id="[^"]*" name="([^"]+)" value="([^"]*)"/g)) {
    values[name] = decode(value);
  }
  for (const [, name, value] of html.matchAll(/<textarea id="[^"]*" name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    values[name] = decode(value);
  }
  return values;
}
