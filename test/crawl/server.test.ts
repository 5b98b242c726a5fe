import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileHeaderRules } from '../../scanners/crawl/headers.ts';
import { serveDirectory, type StaticServer } from '../../scanners/crawl/server.ts';

describe('the crawl server', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'nospy-serve-'));
    await mkdir(join(root, 'about'));
    await writeFile(join(root, 'index.html'), '<p>home</p>');
    await writeFile(join(root, 'about/index.html'), '<p>about</p>');
    await writeFile(join(root, 'contact.html'), '<p>contact</p>');
    await writeFile(join(root, '404.html'), '<p>missing</p>');
    await writeFile(join(root, 'site.css'), 'p{}');
    await writeFile(join(root, 'font.woff2'), '');
    const rules = compileHeaderRules(
      [
        {
          kind: 'header',
          file: '_headers',
          line: 2,
          column: 3,
          source: 'headers',
          pattern: '/*',
          name: 'x-test',
          value: 'yes',
        },
      ],
      'www.example.ca',
    );
    server = await serveDirectory(root, rules);
  });

  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(server.origin + path, { redirect: 'manual' });

  it('listens on loopback only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves a directory index with the headers from _headers', async () => {
    const response = await get('/about/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-test')).toBe('yes');
    expect(await response.text()).toBe('<p>about</p>');
  });

  it('redirects a directory without its trailing slash', async () => {
    const response = await get('/about?x=1');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/about/?x=1');
  });

  it('serves page.html at /page, as static hosts do', async () => {
    expect(await (await get('/contact')).text()).toBe('<p>contact</p>');
  });

  it.each([
    ['/site.css', 'text/css; charset=utf-8'],
    ['/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (path, type) => {
    expect((await get(path)).headers.get('content-type')).toBe(type);
  });

  it('answers a missing path with 404.html and status 404', async () => {
    const response = await get('/nowhere/');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-test')).toBe('yes');
    expect(await response.text()).toBe('<p>missing</p>');
  });

  it('never serves a file outside the directory', async () => {
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });

  it('refuses form posts, which belong to the origin server', async () => {
    expect((await fetch(`${server.origin}/`, { method: 'POST', body: 'a=1' })).status).toBe(405);
  });
});
