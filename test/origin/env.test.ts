import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, readReceiverEnv } from '../../origin/env.ts';

const noConfig = join(tmpdir(), 'no-such-dir', 'nospy.config.json');
const minimal = {
  NOSPY_CONFIG: noConfig,
  SITE_URL: 'https://www.example.ca',
  MAIL_TO: 'office@example.ca',
  MAIL_FROM: 'Website <website@example.ca>',
  SMTP_HOST: 'smtp.example.ca',
};

describe('readReceiverEnv', () => {
  it("fills defaults: loopback on 8790 (not preview's 8787), STARTTLS required on 587, 5 posts per 10 minutes", () => {
    const { host, port, config, verifySmtp } = readReceiverEnv(minimal);
    expect({ host, port, verifySmtp }).toEqual({ host: '127.0.0.1', port: 8790, verifySmtp: true });
    expect(config.smtp).toEqual({ host: 'smtp.example.ca', port: 587, secure: false, requireTLS: true });
    expect([config.rateLimit, config.rateWindowSeconds, config.mailAttempts]).toEqual([5, 600, 3]);
    expect(config.requestDeadlineMs).toBe(45_000);
    expect(config.receiverUrl).toBeUndefined();
  });

  it('finds the built site in dist/, or the folder SITE_DIR names, and refuses a SITE_DIR that is not a folder', () => {
    expect(readReceiverEnv(minimal).siteDir).toBe('dist');
    const dir = mkdtempSync(join(tmpdir(), 'origin-env-'));
    expect(readReceiverEnv({ ...minimal, SITE_DIR: dir }).siteDir).toBe(dir);
    writeFileSync(join(dir, 'file'), '');
    for (const bad of [join(dir, 'file'), join(dir, 'missing')]) {
      expect(() => readReceiverEnv({ ...minimal, SITE_DIR: bad })).toThrow(
        new EnvError(`SITE_DIR: expected the folder of the built site, such as dist; ${bad} is not a folder`),
      );
    }
  });

  it('takes SITE_URL and ORIGIN_URL from nospy.config.json when they are unset', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'origin-env-')), 'nospy.config.json');
    writeFileSync(file, '{ // the site\n "site": "https://www.site.test", "origin": "https://origin.site.test" }');
    const fromFile = readReceiverEnv({ ...minimal, SITE_URL: undefined, NOSPY_CONFIG: file }).config;
    expect([fromFile.siteUrl, fromFile.receiverUrl]).toEqual(['https://www.site.test', 'https://origin.site.test']);
    const overridden = readReceiverEnv({ ...minimal, NOSPY_CONFIG: file, ORIGIN_URL: 'https://o.example.ca' }).config;
    expect([overridden.siteUrl, overridden.receiverUrl]).toEqual(['https://www.example.ca', 'https://o.example.ca']);
    writeFileSync(file, '{ "site": "https://www.site.test", "bogus": 1 }');
    expect(() => readReceiverEnv({ ...minimal, SITE_URL: undefined, NOSPY_CONFIG: file })).toThrow(
      /^SITE_URL: unset, and nospy\.config\.json: bogus: unknown key$/,
    );
  });

  it("reads the repository's own nospy.config.json by default", () => {
    const { NOSPY_CONFIG: _file, SITE_URL: _site, ...rest } = minimal;
    expect(readReceiverEnv(rest).config).toMatchObject({
      siteUrl: 'https://www.example.ca',
      receiverUrl: 'https://origin.example.ca',
    });
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
    [{ ORIGIN_URL: 'origin.example.ca' }, 'ORIGIN_URL'],
    [{ REQUEST_DEADLINE_SECONDS: '60' }, 'REQUEST_DEADLINE_SECONDS'],
    [{ SMTP_VERIFY: 'maybe' }, 'SMTP_VERIFY'],
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
