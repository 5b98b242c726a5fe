const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where HTML may declare its charset: `<meta charset=x>` or `<meta http-equiv=content-type content="…; charset=x">`. */
const metaCharset = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
/** Declarations that must open the file: a stylesheet's `@charset "x";`, an XML document's `<?xml … encoding="x"?>`. */
const leadingDeclaration = /^(?:@charset "([\w.:-]+)";|<\?xml\s[^?>]*?\bencoding\s*=\s*["']([\w.:-]+)["'])/;

/**
 * Decodes a file's bytes as a browser would for our purposes: a BOM wins (UTF-8 or UTF-16), then
 * strict UTF-8, then the encoding the file declares — `@charset` opening a stylesheet, `<?xml encoding>`
 * opening an XHTML or SVG document, and for HTML the `<meta charset>` in its first 1024 bytes. Returns
 * undefined when none applies, so the caller can report the file instead of guessing.
 */
export function decodeText(bytes: Uint8Array, isHtml: boolean): string | undefined {
  const utf16 = utf16Bom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    // Strips a UTF-8 BOM.
    return utf8.decode(bytes);
  } catch {
    // Not UTF-8: look for a declared encoding below.
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const leading = leadingDeclaration.exec(head);
  const label = leading ? leading[1] ?? leading[2] : isHtml ? metaCharset.exec(head)?.[1] : undefined;
  if (!label) return undefined;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return undefined;
  }
  // A file that declares UTF-8 (or UTF-16 without a BOM, which browsers read as UTF-8) but is not valid UTF-8 has no better reading.
  return decoder.encoding === 'utf-8' || decoder.encoding.startsWith('utf-16') ? undefined : decoder.decode(bytes);
}

function utf16Bom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
