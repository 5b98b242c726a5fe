import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixture/', import.meta.url));
const startupTimeoutMs = 60_000;

/** Distinct ports nobody listens on right now, from the kernel (held together, so none comes back twice). */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Resolves once wrangler prints its "Ready on" line; rejects if it exits or takes too long. */
function waitUntilReady(child: ChildProcess): Promise<void> {
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`wrangler dev did not start:\n${output.join('')}`)),
      startupTimeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('Ready on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`wrangler dev exited with ${code}:\n${output.join('')}`));
    });
  });
}

describe('npm run preview (wrangler dev over the repository wrangler.jsonc)', () => {
  let child: ChildProcess;
  let state: string;
  let base: string;

  beforeAll(
    async () => {
      state = await mkdtemp(join(tmpdir(), 'nospy-preview-'));
      // A port the kernel found free can be taken by a parallel test before wrangler binds it: try fresh ports then.
      for (let attempt = 1; ; attempt += 1) {
        const [port, inspectorPort] = await freePorts(2);
        base = `http://127.0.0.1:${port}`;
        // The repository's own config, with the fixture standing in for dist/.
        child = spawn(
          process.execPath,
          [
            join(root, 'node_modules/wrangler/bin/wrangler.js'),
            'dev',
            '--local',
            '--config',
            join(root, 'wrangler.jsonc'),
            '--assets',
            fixture,
            '--persist-to',
            state,
            '--ip',
            '127.0.0.1',
            '--port',
            String(port),
            '--inspector-port',
            String(inspectorPort),
            '--show-interactive-dev-session=false',
            '--log-level',
            'info',
          ],
          {
            cwd: root,
            detached: true,
            env: {
              ...process.env,
              WRANGLER_SEND_METRICS: 'false',
              CLOUDFLARE_CF_FETCH_ENABLED: 'false',
              WRANGLER_HIDE_BANNER: 'true',
              CI: 'true',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        try {
          await waitUntilReady(child);
          break;
        } catch (error) {
          if (attempt === 3 || !String(error).includes('Address already in use')) throw error;
        }
      }
    },
    3 * startupTimeoutMs + 5_000,
  );

  afterAll(async () => {
    // wrangler runs workerd as a child: end the whole process group it leads.
    if (child?.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    if (state) await rm(state, { recursive: true, force: true });
  });

  it('serves a page with the headers from _headers', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-test')).toBe('yes');
    expect(await response.text()).toContain('Preview fixture home');
  });

  it('serves a directory page at its trailing-slash URL', async () => {
    const response = await fetch(`${base}/about`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/about/');
    expect(await (await fetch(`${base}/about/`)).text()).toContain('Preview fixture about');
  });

  it('applies the redirects from _redirects', async () => {
    const response = await fetch(`${base}/old`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/about/');
  });

  it('answers an unknown path with 404.html and status 404', async () => {
    const response = await fetch(`${base}/no-such-page/`, { headers: { 'sec-fetch-mode': 'navigate' } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Preview fixture 404');
  });
});
