// Bytes → text. Wire files arrive as UTF-8 (sometimes with a BOM), or from older feeds as Windows-1252;
// line endings may be CRLF or bare CR. Nothing of that may leak into the article.

export type WireEncoding = 'utf-8' | 'windows-1252';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** CRLF and bare CR become LF; stray BOMs and U+FFFD (already-damaged text) are dropped. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\uFEFF\uFFFD]/g, '');
}

/**
 * Decode a wire file: strip a UTF-8 BOM, try strict UTF-8, fall back to Windows-1252 (which maps every
 * byte to a character, so the result never holds U+FFFD). Line endings are normalised to LF.
 */
export function decodeWireBytes(bytes: Uint8Array): { text: string; encoding: WireEncoding } {
  let body = bytes;
  if (body.length >= 3 && body[0] === UTF8_BOM[0] && body[1] === UTF8_BOM[1] && body[2] === UTF8_BOM[2]) {
    body = body.subarray(3);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text: normaliseText(text), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252', { ignoreBOM: true }).decode(body);
    return { text: normaliseText(text), encoding: 'windows-1252' };
  }
}

/** Index of the first NUL byte, or -1. A NUL never occurs in a text wire file. */
export function firstNulByte(bytes: Uint8Array): number {
  return bytes.indexOf(0);
}

/**
 * True when the text looks like binary data rather than a wire story: a NUL, or more than 10% C0 control
 * characters (tab, LF, CR and form feed aside).
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  return controls > 8 && controls > text.length / 10;
}
