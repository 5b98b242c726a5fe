import type { ServerResponse } from 'node:http';

// Every answer: nothing cached, sniffed, framed, scripted or referred; and never a cookie.
const securityHeaders = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
} as const;

/** Ends the response with the security headers, `headers` and a short text body. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  send(res, status, 'text/plain; charset=utf-8', `${text}\n`, headers);
}

/** A 303, so the browser follows with a GET and a reload never posts the form again. */
export function sendRedirect(res: ServerResponse, location: URL): void {
  send(res, 303, 'text/plain; charset=utf-8', `See ${location.href}\n`, { Location: location.href });
}

/** An HTML page of the receiver's own (see pages.ts), under that page's Content-Security-Policy. */
export function sendPage(
  res: ServerResponse,
  status: number,
  html: string,
  policy: string,
  headers: Record<string, string> = {},
): void {
  // same-origin: a post from the page's own form must carry its Origin, which no-referrer would send as null.
  send(res, status, 'text/html; charset=utf-8', html, {
    'Content-Security-Policy': policy,
    'Referrer-Policy': 'same-origin',
    ...headers,
  });
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
