const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Where HTML may declare its charset: `<meta charset=x>` or `<meta http-equiv=content-type content="…; charset=x">`.
 */
const metaCharset = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
/** Declarations that must open the file: a stylesheet's `@charset "x";`, an XML document's `<?xml … encoding="x"?>`. */
const leadingDeclaration = /^(?:@charset "([\w.:-]+)";|<\?xml\s[^?>]*?\bencoding\s*=\s*["']([\w.:-]+)["'])/;

/**
 * Decodes a file's bytes as a browser would: a BOM wins (UTF-8 or UTF-16); then the encoding the file
 * declares — `@charset` opening a stylesheet, `<?xml encoding>` opening an XHTML or SVG document, and for
 * HTML the `<meta charset>` in its first 1024 bytes — even when the bytes are also valid UTF-8 (ISO-2022-JP
 * is 7-bit: read as UTF-8 it hides or invents markup); then strict UTF-8. Returns undefined when none
 * applies, so the caller can report the file instead of guessing.
 */
export function decodeText(bytes: Uint8Array, isHtml: boolean): string | undefined {
  const bom = bomEncoding(bytes);
  if (bom?.startsWith('utf-16')) return new TextDecoder(bom).decode(bytes);
  const declared = bom ? undefined : declaredDecoder(bytes, isHtml);
  if (declared) return declared.decode(bytes);
  try {
    // Strips a UTF-8 BOM.
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The decoder for a declared legacy encoding; none for UTF-8 or UTF-16 (read as UTF-8 without a BOM) or an unknown
 * label.
 */
function declaredDecoder(bytes: Uint8Array, isHtml: boolean): TextDecoder | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const leading = leadingDeclaration.exec(head);
  const label = leading ? (leading[1] ?? leading[2]) : isHtml ? metaCharset.exec(head)?.[1] : undefined;
  if (!label) return undefined;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    // Unknown labels, and the "replacement" encodings (ISO-2022-KR …) TextDecoder refuses: keep the UTF-8 reading.
    return undefined;
  }
  return decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16') ? undefined : decoder;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
