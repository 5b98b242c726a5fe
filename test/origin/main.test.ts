import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exchange } from './http-client.ts';

const mainFile = fileURLToPath(new URL('../../origin/main.ts', import.meta.url));
const validEnv = {
  SITE_URL: 'https://www.example.ca',
  MAIL_TO: 'office@example.ca',
  MAIL_FROM: 'website@example.ca',
  SMTP_HOST: '127.0.0.1',
  PORT: '0',
};

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, [mainFile], { env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return { child, output: () => ({ stdout, stderr }) };
}

describe('origin/main.ts', () => {
  it('exits 2 with one line naming the missing variable', async () => {
    const { child, output } = run({ ...validEnv, MAIL_TO: '' });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(output().stderr).toBe('origin: MAIL_TO: required\n');
  }, 20_000);

  it('serves /healthz once started, and stops cleanly on SIGTERM', async () => {
    const { child, output } = run(validEnv);
    while (!output().stdout.includes('listening')) await once(child.stdout, 'data');
    const url = /http:\/\/\S+/.exec(output().stdout)![0];
    expect((await exchange(`${url}/healthz`, {})).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  }, 20_000);
});
