import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { headersFor, type HeaderRule } from './headers.ts';

/** A running local server of a built site. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.vtt': 'text/vtt',
};

type Resolved = { status: 200 | 404; file: string } | { status: 301; location: string } | { status: 404 };

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** Maps a URL path to a file the way static hosts do: exact file, directory index, `.html` sibling, then 404.html. */
async function resolvePath(root: string, pathname: string): Promise<Resolved> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 404 };
  }
  const path = normalize(join(root, decoded));
  // A path that climbs out of the site is not part of it.
  if (path !== root && !path.startsWith(root + sep)) return { status: 404 };
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return { status: 200, file: path };
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return { status: 301, location: `${pathname}/` };
    if (await isFile(join(path, 'index.html'))) return { status: 200, file: join(path, 'index.html') };
  }
  if (!pathname.endsWith('/') && (await isFile(`${path}.html`))) return { status: 200, file: `${path}.html` };
  const notFound = join(root, '404.html');
  return (await isFile(notFound)) ? { status: 404, file: notFound } : { status: 404 };
}

async function handle(
  root: string,
  rules: readonly HeaderRule[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const { pathname, search } = new URL(request.url ?? '/', 'http://localhost');
  for (const [name, value] of Object.entries(headersFor(rules, pathname))) response.setHeader(name, value);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const resolved = await resolvePath(root, pathname);
  if (resolved.status === 301) {
    response.writeHead(301, { location: resolved.location + search }).end();
  } else if (!('file' in resolved)) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  } else {
    response.writeHead(resolved.status, {
      'content-type': mimeTypes[extname(resolved.file).toLowerCase()] ?? 'application/octet-stream',
    });
    if (request.method === 'HEAD') response.end();
    else
      createReadStream(resolved.file)
        .on('error', () => response.destroy())
        .pipe(response);
  }
}

/** Serves `root` on 127.0.0.1 (a free port) with the `_headers` rules applied to every response. */
export async function serveDirectory(directory: string, rules: readonly HeaderRule[]): Promise<StaticServer> {
  // Without a trailing separator, so the check that a path stays inside it holds.
  const root = resolve(directory);
  const server = createServer((request, response) => {
    handle(root, rules, request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
