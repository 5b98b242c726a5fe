import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { receiverDefaults, type ReceiverConfig } from '../../origin/config.ts';
import type { RequestLog } from '../../origin/log.ts';
import { createReceiver, type Receiver } from '../../origin/server.ts';
import { exchange } from './http-client.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const site = 'https://www.example.ca';
const visitor = {
  name: 'Ada Lovelace',
  business: 'Analytical Engines Ltd',
  position: 'Chief Programmer',
  email: 'ada@engines.example',
  phone: '+1 (604) 555-0199',
  message: 'Could you build us a site?\nNo cookies, please.',
};

const running: { receiver?: Receiver; sink?: SmtpSink } = {};
afterEach(async () => {
  await running.receiver?.close();
  await running.sink?.close();
  running.receiver = running.sink = undefined;
});

/** A receiver on loopback mailing to a real SMTP sink; returns its URL, the sink and the captured log. */
async function start(overrides: Partial<ReceiverConfig> = {}, sinkReply?: number | 'down') {
  const sink = await startSmtpSink(sinkReply === 'down' ? undefined : sinkReply);
  running.sink = sink;
  if (sinkReply === 'down') await sink.close();
  const logs: RequestLog[] = [];
  const receiver = createReceiver(
    {
      ...receiverDefaults,
      siteUrl: site,
      mailTo: 'office@example.ca',
      mailFrom: 'website@example.ca',
      smtp: { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true },
      retryDelayMs: 5,
      ...overrides,
    },
    (entry) => logs.push(entry),
  );
  running.receiver = receiver;
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, sink, logs };
}

function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return exchange(`${url}/contact`, {
    method: 'POST',
    headers: { origin: site, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('origin form receiver', () => {
  it('mails a valid form with every field and Reply-To the visitor, then redirects to the thank-you page', async () => {
    const { url, sink, logs } = await start();
    const answer = await postForm(url, { ...visitor, website: '' });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`${site}/contact/thanks/`);
    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail).toMatch(/^Reply-To: Ada Lovelace <ada@engines\.example>\r$/m);
    expect(mail).toMatch(/^To: office@example\.ca\r$/m);
    expect(mail).toMatch(/^From: website@example\.ca\r$/m);
    for (const value of Object.values(visitor)) expect(mail.replace(/\r\n/g, '\n')).toContain(value);
    expect(logs).toEqual([expect.objectContaining({ status: 303, outcome: 'sent', attempts: 1 })]);
  });

  it('accepts the same form sent as multipart/form-data', async () => {
    const { url, sink } = await start();
    const form = new FormData();
    for (const [field, value] of Object.entries(visitor)) form.set(field, value);
    const request = new Request('http://x/', { method: 'POST', body: form });
    const answer = await exchange(`${url}/contact`, {
      method: 'POST',
      headers: { origin: site, 'content-type': request.headers.get('content-type')! },
      body: Buffer.from(await request.arrayBuffer()),
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`${site}/contact/thanks/`);
    expect(sink.messages).toHaveLength(1);
  });

  it('keeps a line break in the name out of the mail headers', async () => {
    const { url, sink } = await start();
    await postForm(url, { ...visitor, name: 'Ada\r\nBcc: victim@example.org' });
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]).not.toMatch(/^Bcc:/im);
    expect(sink.messages[0]).toMatch(/^Reply-To: "?Ada Bcc: victim@example\.org"? <ada@engines\.example>\r$/m);
  });

  it('answers a filled honeypot exactly like a success, and sends nothing', async () => {
    const { url, sink, logs } = await start();
    const answer = await postForm(url, { ...visitor, website: 'https://spam.example' });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`${site}/contact/thanks/`);
    expect(sink.attempts).toBe(0);
    expect(logs[0].outcome).toBe('honeypot');
  });

  it.each([
    ['a missing email', { email: '' }, 'email'],
    ['a malformed email', { email: 'ada at engines' }, 'email'],
    ['a phone number with letters', { phone: 'call me maybe' }, 'phone'],
    ['a missing name', { name: '   ' }, 'name'],
    ['an empty message', { message: '' }, 'message'],
    ['an over-long message', { message: 'x'.repeat(10_001) }, 'message'],
  ])('redirects %s to the error page with a reason, and sends nothing', async (_case, change, reason) => {
    const { url, sink } = await start();
    const answer = await postForm(url, { ...visitor, ...change });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`${site}/contact/error/?reason=${reason}`);
    expect(sink.attempts).toBe(0);
  });

  it('refuses a post from another site with 403, and sends nothing', async () => {
    const { url, sink } = await start();
    expect((await postForm(url, visitor, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postForm(url, visitor, { origin: 'null' })).status).toBe(403);
    expect(sink.attempts).toBe(0);
  });

  it('accepts a post without Origin only when its Referer is a page of the site', async () => {
    const { url, sink } = await start();
    const noOrigin = async (headers: Record<string, string>) =>
      exchange(`${url}/contact`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(visitor).toString(),
      });
    expect((await noOrigin({ referer: `${site}/contact/` })).status).toBe(303);
    expect((await noOrigin({ referer: 'https://evil.example/contact/' })).status).toBe(403);
    expect((await noOrigin({})).status).toBe(403);
    expect(sink.messages).toHaveLength(1);
  });

  it('answers 413 to a body over 32 KiB, without waiting for the rest of it', async () => {
    const { url, sink } = await start();
    const declared = await exchange(`${url}/contact`, {
      method: 'POST',
      headers: { origin: site, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(1 << 20) },
      body: 'name=Ada',
    }).catch((error: unknown) => error);
    expect(declared).toMatchObject({ status: 413 });
    const chunked = await exchange(`${url}/contact`, {
      method: 'POST',
      headers: { origin: site, 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      body: `message=${'x'.repeat(40 * 1024)}`,
    });
    expect(chunked.status).toBe(413);
    expect(sink.attempts).toBe(0);
  });

  it('answers 415 to a content type other than a form', async () => {
    const { url } = await start();
    const answer = await exchange(`${url}/contact`, {
      method: 'POST',
      headers: { origin: site, 'content-type': 'application/json' },
      body: JSON.stringify(visitor),
    });
    expect(answer.status).toBe(415);
  });

  it('answers 405 with Allow to other methods, 404 to other paths, and 200 to /healthz', async () => {
    const { url } = await start();
    const get = await exchange(`${url}/contact`, {});
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect((await exchange(`${url}/elsewhere`, { method: 'POST' })).status).toBe(404);
    const health = await exchange(`${url}/healthz`, {});
    expect([health.status, health.body]).toEqual([200, 'ok\n']);
  });

  it('sends no cookie and forbids caching on every answer', async () => {
    const { url } = await start();
    for (const answer of [await exchange(`${url}/healthz`, {}), await postForm(url, visitor)]) {
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers 429 with Retry-After once a client has posted its quota in the window', async () => {
    const { url, sink } = await start({ rateLimit: 2, rateWindowSeconds: 60 });
    // Posts another site makes a visitor's browser send do not use up that visitor's quota.
    expect((await postForm(url, visitor, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postForm(url, visitor, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postForm(url, visitor)).status).toBe(303);
    expect((await postForm(url, visitor)).status).toBe(303);
    const limited = await postForm(url, visitor);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(sink.messages).toHaveLength(2);
  });

  it.each([
    ['is down', 'down' as const],
    ['defers with 451', 451],
    ['rejects with 550', 550],
  ])('retries when the mail server %s, then answers 503 linking the error page', async (_case, sinkReply) => {
    const { url, sink, logs } = await start({ mailAttempts: 3 }, sinkReply);
    const answer = await postForm(url, visitor);
    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.body).toContain(`href="${site}/contact/error/?reason=delivery"`);
    expect(answer.body).toContain('not sent');
    if (sinkReply !== 'down') expect(sink.attempts).toBe(3);
    expect(logs).toEqual([expect.objectContaining({ status: 503, outcome: 'undeliverable', attempts: 3 })]);
  });

  it('logs no field value, whatever the outcome', async () => {
    const { url, logs } = await start({ rateLimit: 3 });
    await postForm(url, visitor);
    await postForm(url, { ...visitor, email: 'not-an-address' });
    await postForm(url, { ...visitor, website: 'bot' });
    await postForm(url, visitor, { origin: 'https://evil.example' });
    await postForm(url, visitor);
    expect(logs.map((entry) => entry.status)).toEqual([303, 303, 303, 403, 429]);
    const written = JSON.stringify(logs);
    for (const value of [...Object.values(visitor), 'not-an-address', 'bot', 'evil.example', '127.0.0.1']) {
      expect(written).not.toContain(value);
    }
  });
});
