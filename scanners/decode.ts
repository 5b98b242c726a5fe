const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where HTML may declare its charset: `<meta charset=x>` or `<meta http-equiv=content-type content="…; charset=x">`. */
const declaredCharset = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/**
 * Decodes a file's bytes as a browser would for our purposes: a BOM wins (UTF-8 or UTF-16), then
 * strict UTF-8, then, for HTML only, the charset declared in the first 1024 bytes. Returns
 * undefined when none applies, so the caller can report the file instead of guessing.
 */
export function decodeText(bytes: Uint8Array, isHtml: boolean): string | undefined {
  const utf16 = utf16Bom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    // Strips a UTF-8 BOM.
    return utf8.decode(bytes);
  } catch {
    if (!isHtml) return undefined;
  }
  const label = declaredCharset.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)))?.[1];
  if (!label) return undefined;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return undefined;
  }
  // A page that declares UTF-8 but is not valid UTF-8 has no better reading.
  return decoder.encoding === 'utf-8' ? undefined : decoder.decode(bytes);
}

function utf16Bom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
