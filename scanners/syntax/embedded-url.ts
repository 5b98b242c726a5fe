/** Drops what the URL parser drops: surrounding C0 controls and spaces, and tabs/newlines anywhere. */
function normalise(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  const trimmed = value.slice(start, end);
  return trimmed.includes('\t') || trimmed.includes('\n') || trimmed.includes('\r')
    ? trimmed.replace(/[\t\n\r]/g, '')
    : trimmed;
}

function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    // Invalid UTF-8 sequences: decode the escapes that are valid one by one.
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

function hasScheme(value: string, scheme: string): boolean {
  // Cheap first-letter test: almost every URL fails it before any string is built.
  const first = value.charCodeAt(0);
  if (first > 0x20 && (first | 0x20) !== scheme.charCodeAt(0)) return false;
  return normalise(value.slice(0, scheme.length + 64))
    .toLowerCase()
    .startsWith(scheme);
}

/** The code a `javascript:` URL runs (percent-decoded), or undefined for any other URL. */
export function javascriptUrlCode(value: string): string | undefined {
  if (!hasScheme(value, 'javascript:')) return undefined;
  return percentDecode(normalise(value).slice('javascript:'.length));
}

const DOCUMENT_TYPES = new Set(['text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/xml', 'application/xml']);

/** The media type (lower case, '' when absent) and decoded payload of a `data:` URL, or undefined for any other URL. */
function readDataUrl(value: string): { type: string; payload: string } | undefined {
  if (!hasScheme(value, 'data:')) return undefined;
  const url = normalise(value);
  const comma = url.indexOf(',');
  if (comma === -1) return undefined;
  const parameters = url
    .slice('data:'.length, comma)
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  const payload = percentDecode(url.slice(comma + 1));
  return {
    type: parameters[0]!,
    payload: parameters.includes('base64') ? Buffer.from(payload, 'base64').toString('utf8') : payload,
  };
}

/**
 * The markup inside a `data:` URL that a frame would render as a document (HTML, XHTML, SVG),
 * or undefined for any other URL: such a document can load further resources itself.
 */
export function dataUrlDocument(value: string): string | undefined {
  const data = readDataUrl(value);
  return data !== undefined && DOCUMENT_TYPES.has(data.type) ? data.payload : undefined;
}

/**
 * The code a `<script src="data:…">` runs, or undefined for any other URL. Browsers run a script of
 * any type except the few they block (images, audio, video, CSV), so `data:,code` runs too.
 */
export function dataUrlScript(value: string): string | undefined {
  const data = readDataUrl(value);
  if (data === undefined || /^(?:image|audio|video)\/|^text\/csv$/.test(data.type)) return undefined;
  return data.payload;
}

/** The CSS of a `data:text/css,…` stylesheet, or undefined for any other URL (browsers apply only text/css). */
export function dataUrlStylesheet(value: string): string | undefined {
  const data = readDataUrl(value);
  return data?.type === 'text/css' ? data.payload : undefined;
}
