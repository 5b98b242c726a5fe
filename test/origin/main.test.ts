import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exchange } from './http-client.ts';
import { closeAfterTest, postForm, site, visitor } from './receiver-harness.ts';
import { startSmtpSink } from './smtp-sink.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const validEnv = {
  SITE_URL: site,
  MAIL_TO: 'office@example.ca',
  MAIL_FROM: 'website@example.ca',
  SMTP_HOST: '127.0.0.1',
  PORT: '0',
};

function run(env: Record<string, string>, command = process.execPath, args = ['origin/main.ts']) {
  const child = spawn(command, args, { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  return { child, output: () => ({ stdout, stderr }) };
}

async function listeningUrl(child: ChildProcess, output: () => { stdout: string }): Promise<string> {
  while (!output().stdout.includes('listening')) await once(child.stdout!, 'data');
  return /http:\/\/\S+/.exec(output().stdout)![0];
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

// A relay without STARTTLS, for the start-up check.
async function plainRelay(behaviour = {}) {
  return closeAfterTest(await startSmtpSink(behaviour));
}

describe('origin/main.ts', () => {
  it('exits 2 with one line naming the missing variable', async () => {
    const { child, output } = run({ ...validEnv, MAIL_TO: '' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output().stderr).toBe('origin: MAIL_TO: required\n');
  }, 20_000);

  it('checks the relay before listening: exit 2 and one line when nothing answers', async () => {
    const relay = await plainRelay();
    await relay.close();
    const { child, output } = run({ ...validEnv, SMTP_PORT: String(relay.port) });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output().stderr).toMatch(
      new RegExp(
        `^origin: SMTP: cannot reach 127\\.0\\.0\\.1:${relay.port} \\(ESOCKET: .*ECONNREFUSED.*\\); SMTP_VERIFY=false skips this check\n$`,
      ),
    );
  }, 20_000);

  it('refuses to start when STARTTLS is required and the relay does not offer it', async () => {
    const relay = await plainRelay();
    const { child, output } = run({ ...validEnv, SMTP_PORT: String(relay.port) });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output().stderr).toMatch(
      /^origin: SMTP: 127\.0\.0\.1:\d+ offers no STARTTLS, which SMTP_REQUIRE_TLS requires/,
    );
    expect(output().stderr.trim().split('\n')).toHaveLength(1);
  }, 20_000);

  it('refuses to start when SMTP_SECURE expects TLS from a relay that speaks plain SMTP', async () => {
    const relay = await plainRelay();
    const { child, output } = run({ ...validEnv, SMTP_PORT: String(relay.port), SMTP_SECURE: 'true' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output().stderr).toMatch(
      /^origin: SMTP: TLS with 127\.0\.0\.1:\d+ failed \(.*\); check SMTP_SECURE and SMTP_PORT;/,
    );
    expect(output().stderr.trim().split('\n')).toHaveLength(1);
  }, 20_000);

  it('starts without the check when SMTP_VERIFY=false', async () => {
    const { child, output } = run({ ...validEnv, SMTP_PORT: '1', SMTP_VERIFY: 'false' });
    const url = await listeningUrl(child, output);
    expect((await exchange(`${url}/healthz`, {})).status).toBe(200);
    child.kill('SIGTERM');
    expect(await once(child, 'exit')).toEqual([0, null]);
  }, 20_000);

  it('says the relay answered, then on SIGTERM finishes a post in flight before it exits', async () => {
    const relay = await plainRelay({ answerDataAfterMs: 1500 });
    const env = { ...validEnv, SMTP_PORT: String(relay.port), SMTP_REQUIRE_TLS: 'false' };
    const { child, output } = run(env);
    const url = await listeningUrl(child, output);
    expect(output().stdout).toContain(`origin: SMTP relay 127.0.0.1:${relay.port} accepted the connection`);
    const posting = postForm(url, visitor);
    while (relay.messages.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGTERM');
    expect((await posting).status).toBe(303);
    expect(await once(child, 'exit')).toEqual([0, null]);
    expect(output().stdout).toContain('origin: stopped');
  }, 20_000);

  it('warns once when the built site has no template, answers with its own pages, and uses the template when there', async () => {
    const notBuilt = mkdtempSync(join(tmpdir(), 'origin-site-'));
    const built = mkdtempSync(join(tmpdir(), 'origin-site-'));
    mkdirSync(join(built, 'contact/notice'), { recursive: true });
    cpSync(fileURLToPath(new URL('template/notice.html', import.meta.url)), join(built, 'contact/notice/index.html'));
    const refused = async (siteDir: string) => {
      const { child, output } = run({ ...validEnv, SMTP_VERIFY: 'false', SITE_DIR: siteDir });
      const answer = await postForm(await listeningUrl(child, output), visitor, { origin: 'https://evil.example' });
      child.kill('SIGTERM');
      await once(child, 'exit');
      return { answer, stderr: output().stderr };
    };
    const plain = await refused(notBuilt);
    expect(plain.stderr).toBe(
      `origin: warning: no ${join(notBuilt, 'contact/notice/index.html')}: the receiver's pages use their own plain layout, not the site's (build the site with npm run build, or set SITE_DIR to its folder)\n`,
    );
    expect(plain.answer.status).toBe(403);
    expect(plain.answer.body).toMatch(/<style>/);
    const designed = await refused(built);
    expect(designed.stderr).toBe('');
    expect(designed.answer.status).toBe(403);
    expect(designed.answer.body).toContain('<footer class="site-footer">');
  }, 20_000);

  it('`npm run origin` passes SIGTERM on to node, which lets go of its port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const { child, output } = run({ ...validEnv, PORT: String(port), SMTP_VERIFY: 'false' }, 'npm', [
      'run',
      '--silent',
      'origin',
    ]);
    await listeningUrl(child, output);
    expect(await portIsFree(port)).toBe(false);
    child.kill('SIGTERM');
    await once(child, 'exit');
    // Give an orphan, if there were one, time to show it still holds the port.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await portIsFree(port)).toBe(true);
  }, 30_000);
});
