import { describe, expect, it } from 'vitest';
import { EnvError, readReceiverEnv } from '../../origin/env.ts';

const minimal = {
  SITE_URL: 'https://www.example.ca',
  MAIL_TO: 'office@example.ca',
  MAIL_FROM: 'Website <website@example.ca>',
  SMTP_HOST: 'smtp.example.ca',
};

describe('readReceiverEnv', () => {
  it('fills defaults: loopback on 8787, STARTTLS required on port 587, 5 posts per 10 minutes', () => {
    const { host, port, config } = readReceiverEnv(minimal);
    expect({ host, port }).toEqual({ host: '127.0.0.1', port: 8787 });
    expect(config.smtp).toEqual({ host: 'smtp.example.ca', port: 587, secure: false, requireTLS: true });
    expect([config.rateLimit, config.rateWindowSeconds, config.mailAttempts]).toEqual([5, 600, 3]);
  });

  it('uses port 465 with implicit TLS and passes credentials when both are set', () => {
    const { config } = readReceiverEnv({ ...minimal, SMTP_SECURE: 'true', SMTP_USER: 'web', SMTP_PASS: 'secret' });
    expect(config.smtp).toEqual({
      host: 'smtp.example.ca',
      port: 465,
      secure: true,
      requireTLS: false,
      auth: { user: 'web', pass: 'secret' },
    });
  });

  it.each([
    [{ SITE_URL: undefined }, 'SITE_URL'],
    [{ SITE_URL: 'http://www.example.ca' }, 'SITE_URL'],
    [{ SITE_URL: 'www.example.ca' }, 'SITE_URL'],
    [{ MAIL_TO: '' }, 'MAIL_TO'],
    [{ MAIL_FROM: 'website' }, 'MAIL_FROM'],
    [{ SMTP_HOST: undefined }, 'SMTP_HOST'],
    [{ SMTP_PORT: '70000' }, 'SMTP_PORT'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ SMTP_SECURE: 'yes please' }, 'SMTP_SECURE'],
    [{ SMTP_USER: 'web' }, 'SMTP_PASS'],
    [{ RATE_LIMIT: '0' }, 'RATE_LIMIT'],
  ])('rejects %o with an error naming %s', (change, name) => {
    const read = () => readReceiverEnv({ ...minimal, ...change });
    expect(read).toThrow(EnvError);
    expect(read).toThrow(new RegExp(`^${name}: `));
  });

  it('never repeats a password in its errors', () => {
    expect(() => readReceiverEnv({ ...minimal, SMTP_PASS: 'hunter2' })).toThrow(/^SMTP_USER: (?!.*hunter2)/);
  });
});
