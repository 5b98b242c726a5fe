import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { maxBodyBytes } from '../../origin/form.ts';
import { exchange } from './http-client.ts';
import {
  closeAfterTest,
  formValues,
  postForm,
  receiverOrigin,
  site,
  startReceiver,
  visitor,
} from './receiver-harness.ts';
import { type SinkBehaviour, startSmtpSink } from './smtp-sink.ts';

/** A receiver mailing to a real SMTP sink on loopback (`down`: a port where nothing listens). */
async function start(overrides: Parameters<typeof startReceiver>[1] = {}, behaviour: SinkBehaviour | 'down' = {}) {
  const sink = await startSmtpSink(behaviour === 'down' ? {} : behaviour);
  if (behaviour === 'down') await sink.close();
  else closeAfterTest(sink);
  return { ...(await startReceiver(sink.port, overrides)), sink };
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
    ['a missing email', { email: '' }, 'email', 'Email is required.'],
    ['a malformed email', { email: 'ada at engines' }, 'email', 'Email is not in a form we can read.'],
    ['a phone number with letters', { phone: 'call me maybe' }, 'phone', 'Phone is not in a form we can read.'],
    ['a missing name', { name: '   ' }, 'name', 'Name is required.'],
    ['an empty message', { message: '' }, 'message', 'Message is required.'],
    [
      'an over-long message',
      { message: 'x'.repeat(10_001) },
      'message',
      'Message is longer than the 10000 characters the form takes.',
    ],
  ])(
    'answers %s with a page naming the field and giving every field back, and sends nothing',
    async (_case, change, field, problem) => {
      const { url, sink, logs } = await start();
      const sent = { ...visitor, ...change };
      const answer = await postForm(url, sent);
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.body).toContain(problem);
      expect(answer.body).toMatch(new RegExp(`name="${field}"[^>]*aria-invalid="true"`));
      expect(formValues(answer.body)).toEqual(
        Object.fromEntries(Object.entries(sent).map(([name, value]) => [name, value.trim()])),
      );
      expect(answer.body).toContain(`href="${site}/contact/error/"`);
      expect(logs[0]).toMatchObject({ status: 400, outcome: `invalid-${field}` });
      expect(sink.attempts).toBe(0);
    },
  );

  it('serves its pages under a policy that allows only their own style and a form posting back, never a script', async () => {
    const { url } = await start();
    const answer = await postForm(url, { ...visitor, email: '' });
    const policy = String(answer.headers['content-security-policy']);
    const style = /<style>([^<]*)<\/style>/.exec(answer.body)![1];
    const hash = createHash('sha256').update(style).digest('base64');
    expect(policy).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self' ${site}; base-uri 'none'; frame-ancestors 'none'`,
    );
    // The resubmitted post must carry an Origin, which no-referrer would send as null.
    expect(answer.headers['referrer-policy']).toBe('same-origin');
    expect(answer.body).not.toContain('<script');
  });

  it('gives markup the visitor typed back as text', async () => {
    const { url } = await start();
    const message = 'Hi </textarea><script>alert(1)</script> & "quotes"';
    const answer = await postForm(url, { ...visitor, name: '"><img src=x>', message, email: '' });
    expect(answer.body).not.toContain('<script>');
    expect(answer.body).not.toContain('<img');
    expect(formValues(answer.body)).toMatchObject({ name: '"><img src=x>', message });
  });

  it.each([
    ['Chinese', '你'],
    ['Devanagari', 'न'],
    ['emoji (4 bytes in UTF-8)', '😀'],
  ])('mails a 10,000-character message in %s, urlencoded or multipart', async (_script, char) => {
    const { url, sink } = await start();
    const message = char.repeat(10_000);
    expect((await postForm(url, { ...visitor, message })).status).toBe(303);
    const form = new FormData();
    for (const [field, value] of Object.entries({ ...visitor, message })) form.set(field, value);
    const request = new Request('http://x/', { method: 'POST', body: form });
    const multipart = await exchange(`${url}/contact`, {
      method: 'POST',
      headers: { origin: site, 'content-type': request.headers.get('content-type')! },
      body: Buffer.from(await request.arrayBuffer()),
    });
    expect(multipart.status).toBe(303);
    expect(sink.messages).toHaveLength(2);
  });

  it('counts characters, not bytes or UTF-16 units, against a field limit', async () => {
    const { url } = await start();
    const answer = await postForm(url, { ...visitor, message: '😀'.repeat(10_001) });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Message is longer than the 10000 characters');
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

  it('answers a body past what the form can send with the 413 page, without waiting for the rest of it', async () => {
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
      body: `message=${'x'.repeat(maxBodyBytes)}`,
    });
    expect(chunked.status).toBe(413);
    expect(chunked.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(chunked.body).toContain('Your message is longer than the form takes');
    expect(chunked.body).toContain('up to 10000 characters of message in any script');
    expect(sink.attempts).toBe(0);
  });

  it('logs a body that never finishes arriving as the 408 Node answers, not as a 500', async () => {
    const { url, logs } = await start({ requestDeadlineMs: 2000 });
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write(
      'POST /contact HTTP/1.1\r\nHost: x\r\nOrigin: https://www.example.ca\r\n' +
        'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nname=Ada',
    );
    const [reply] = await once(socket, 'data');
    socket.destroy();
    expect(String(reply)).toMatch(/^HTTP\/1\.1 408 /);
    await vi.waitFor(() =>
      expect(logs).toEqual([expect.objectContaining({ status: 408, outcome: 'request-timeout' })]),
    );
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

  it('answers 429 with Retry-After once a client has posted its quota in the window, giving the text back', async () => {
    const { url, sink } = await start({ rateLimit: 2, rateWindowSeconds: 60 });
    // Posts another site makes a visitor's browser send do not use up that visitor's quota.
    expect((await postForm(url, visitor, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postForm(url, visitor, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postForm(url, visitor)).status).toBe(303);
    expect((await postForm(url, visitor)).status).toBe(303);
    const limited = await postForm(url, visitor);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(formValues(limited.body).message).toBe(visitor.message);
    expect(sink.messages).toHaveLength(2);
  });

  it('counts a client behind a trusted proxy by its last X-Forwarded-For entry, and a bad one as the connection', async () => {
    const { url, logs } = await start({ rateLimit: 1, trustProxy: true });
    const from = (forwarded: string) => postForm(url, visitor, { 'x-forwarded-for': forwarded });
    expect((await from('198.51.100.1, 203.0.113.7:5000')).status).toBe(303);
    // The same client on another port, and as an IPv4-mapped address.
    expect((await from('203.0.113.7:5001')).status).toBe(429);
    expect((await from('::ffff:203.0.113.7')).status).toBe(429);
    expect((await from('2001:db8:1:2::1')).status).toBe(303);
    expect((await from('2001:db8:1:2::ffff')).status).toBe(429);
    // Garbage counts as the connection's own address (127.0.0.1): one post, then refused; never a 500.
    expect((await from('1:2:3:4:5:6:7:8::9')).status).toBe(303);
    for (const garbage of ['', ',', 'unknown', '999.0.0.1', '[::1', 'a'.repeat(5000)]) {
      expect((await from(garbage)).status).toBe(429);
    }
    expect(logs.map((entry) => entry.status)).not.toContain(500);
  });

  it('accepts a post from its own recovery page, whose Origin is the receiver', async () => {
    const { url, sink } = await start();
    expect((await postForm(url, visitor, { origin: receiverOrigin })).status).toBe(303);
    expect(sink.messages).toHaveLength(1);
  });

  it("retries a temporary refusal (451), then answers 503 with the visitor's text to send again", async () => {
    const { url, sink, logs } = await start({ mailAttempts: 3 }, { rejectWith: 451 });
    const answer = await postForm(url, visitor);
    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain('Your message was not sent');
    expect(answer.body).toContain('<form method="post" action="/contact">');
    expect(formValues(answer.body)).toEqual(visitor);
    expect(answer.body).toContain(`href="${site}/contact/error/"`);
    expect(sink.attempts).toBe(3);
    expect(logs).toEqual([expect.objectContaining({ status: 503, outcome: 'undeliverable', attempts: 3 })]);
  });

  it('does not retry a permanent refusal (550)', async () => {
    const { url, sink, logs } = await start({ mailAttempts: 3 }, { rejectWith: 550 });
    expect((await postForm(url, visitor)).status).toBe(503);
    expect(sink.attempts).toBe(1);
    expect(logs[0]).toMatchObject({ outcome: 'undeliverable', attempts: 1, errorCode: 'EMESSAGE 550' });
  });

  it('retries a relay that refuses connections, then answers 503', async () => {
    const { url, logs } = await start({ mailAttempts: 3 }, 'down');
    expect((await postForm(url, visitor)).status).toBe(503);
    expect(logs[0]).toMatchObject({ outcome: 'undeliverable', attempts: 3 });
  });

  it('logs no field value, whatever the outcome', async () => {
    const { url, logs } = await start({ rateLimit: 3 });
    await postForm(url, visitor);
    await postForm(url, { ...visitor, email: 'not-an-address' });
    await postForm(url, { ...visitor, website: 'bot' });
    await postForm(url, visitor, { origin: 'https://evil.example' });
    await postForm(url, visitor);
    expect(logs.map((entry) => entry.status)).toEqual([303, 400, 303, 403, 429]);
    const written = JSON.stringify(logs);
    for (const value of [...Object.values(visitor), 'not-an-address', 'bot', 'evil.example', '127.0.0.1']) {
      expect(written).not.toContain(value);
    }
  });
});
