import { describe, expect, it } from 'vitest';
import { type ReceiverConfig, receiverDefaults } from '../../origin/config.ts';
import { closeAfterTest, formValues, postForm, startReceiver, visitor } from './receiver-harness.ts';
import { type Fault, startScriptedRelay } from './scripted-relay.ts';
import { startSmtpSink } from './smtp-sink.ts';

// The receiver's timeouts scaled down about tenfold, so each fault plays out in seconds.
const fast: Partial<ReceiverConfig> = {
  smtpTimeouts: { connectMs: 500, greetingMs: 500, envelopeMs: 800 },
  requestDeadlineMs: 3000,
  mailAttempts: 3,
};

async function timed<T>(work: Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work;
  return [result, performance.now() - started];
}

async function againstRelay(fault: Fault) {
  const relay = closeAfterTest(await startScriptedRelay(fault));
  const { url, logs } = await startReceiver(relay.port, fast);
  const [answer, ms] = await timed(postForm(url, visitor));
  return { relay, logs, answer, ms };
}

describe('origin receiver under relay faults', () => {
  it('waits past the envelope timeout for a slow answer to the final ".": one copy and a thank-you', async () => {
    const sink = closeAfterTest(await startSmtpSink({ answerDataAfterMs: 1500 }));
    const { url, logs } = await startReceiver(sink.port, fast);
    const answer = await postForm(url, visitor);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('https://www.example.ca/contact/thanks/');
    expect(sink.messages).toHaveLength(1);
    expect(logs[0]).toMatchObject({ outcome: 'sent', attempts: 1 });
  });

  it('with the default timeouts, a relay taking 35 s on the final "." still gets one copy and a thank-you', async () => {
    const sink = closeAfterTest(await startSmtpSink({ answerDataAfterMs: 35_000 }));
    const { url } = await startReceiver(sink.port);
    const [answer, ms] = await timed(postForm(url, visitor));
    expect(answer.status).toBe(303);
    expect(ms).toBeGreaterThan(35_000);
    expect(sink.messages).toHaveLength(1);
    expect(sink.attempts).toBe(1);
  }, 60_000);

  it.each([
    ['says nothing after the final "."', 'silent-final'],
    ['trickles 451- lines after the final "."', 'trickle-final'],
    ['hangs up after the final "."', 'close-final'],
  ] as const)('never sends twice when the relay %s: 202, "could not confirm", the text back', async (_case, fault) => {
    const { relay, logs, answer, ms } = await againstRelay(fault);
    expect(answer.status).toBe(202);
    expect(answer.body).toContain('We could not confirm that your message arrived');
    // The site's error page says nothing arrived, which may not be true here.
    expect(answer.body).not.toContain('/contact/error/');
    expect(formValues(answer.body)).toEqual(visitor);
    expect(relay.messages).toBe(1);
    expect(relay.attempts).toBe(1);
    expect(ms).toBeLessThan(fast.requestDeadlineMs! + 1500);
    expect(logs[0]).toMatchObject({ status: 202, outcome: 'unconfirmed', attempts: 1 });
  });

  it('does not retry a relay that hangs up mid-DATA once the whole message was written: it cannot tell what arrived', async () => {
    const { relay, answer } = await againstRelay('close-mid-data');
    expect(answer.status).toBe(202);
    expect(formValues(answer.body)).toEqual(visitor);
    expect(relay.attempts).toBe(1);
  });

  it.each([
    ['never greets', 'hang'],
    ['trickles 451- lines in answer to MAIL FROM', 'trickle-envelope'],
  ] as const)('answers by the deadline when the relay %s: 503, "not sent", the text back', async (_case, fault) => {
    const { relay, logs, answer, ms } = await againstRelay(fault);
    expect(answer.status).toBe(503);
    expect(answer.body).toContain('Your message was not sent');
    expect(formValues(answer.body)).toEqual(visitor);
    expect(relay.messages).toBe(0);
    expect(ms).toBeLessThan(fast.requestDeadlineMs! + 1500);
    expect(logs[0]).toMatchObject({ status: 503, outcome: 'undeliverable' });
    expect(logs[0].attempts).toBeGreaterThan(1);
  });

  it('on shutdown, cuts off a delivery still waiting at the drain deadline, and tells its visitor', async () => {
    const relay = closeAfterTest(await startScriptedRelay('silent-final'));
    const { url, receiver } = await startReceiver(relay.port, fast);
    const posting = postForm(url, visitor);
    while (relay.messages === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const [, closeMs] = await timed(receiver.close(200));
    expect(closeMs).toBeLessThan(2000);
    expect((await posting).status).toBe(202);
    expect(relay.messages).toBe(1);
  });

  it("has a default deadline that leaves room under a reverse proxy's 60 s", () => {
    expect(receiverDefaults.requestDeadlineMs).toBeLessThanOrEqual(50_000);
  });
});

describe('origin receiver and SMTPUTF8', () => {
  async function mailFrom(email: string, withoutSmtpUtf8: boolean) {
    const sink = closeAfterTest(await startSmtpSink({ withoutSmtpUtf8 }));
    const { url } = await startReceiver(sink.port);
    expect((await postForm(url, { ...visitor, email })).status).toBe(303);
    return sink.messages[0].replace(/=\r\n/g, '');
  }

  it('sends a UTF-8 visitor address as Reply-To when the relay offers SMTPUTF8', async () => {
    expect(await mailFrom('élodie@exemple.québec', false)).toMatch(/^Reply-To: .*<élodie@exemple\.québec>\r$/m);
  });

  it('without SMTPUTF8, punycodes the domain and leaves out a mailbox name it cannot send, keeping it in the text', async () => {
    expect(await mailFrom('ada@exemple.québec', true)).toMatch(/^Reply-To: .*<ada@exemple\.xn--qubec-csa>\r$/m);
    const mail = await mailFrom('élodie@exemple.québec', true);
    expect(mail).not.toMatch(/^Reply-To:/m);
    expect(mail).toContain('Email: =C3=A9lodie@exemple.qu=C3=A9bec');
  });
});
