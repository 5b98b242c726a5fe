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

/** The 503 page when mail could not be delivered: it says so plainly and links to the site's error page. */
export function sendUndeliverable(res: ServerResponse, errorPage: URL): void {
  const href = escapeHtml(errorPage.href);
  const html = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your message was not sent</title>
<h1>Your message was not sent</h1>
<p>Our mail server could not be reached, so your message was not delivered, and it was not kept.
Please go back, copy your message, and try again later.</p>
<p><a href="${href}">Other ways to reach us</a></p>
</html>
`;
  send(res, 503, 'text/html; charset=utf-8', html, { 'Retry-After': '300' });
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

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
