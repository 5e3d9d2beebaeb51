// Bytes → text for every format. The encoding is decided by the bytes as well as the declaration:
// real feeds declare Latin-1 and send UTF-8 (AFP's feed), and declare UTF-8 (or nothing) and send
// Windows-1252 bytes. Decoding uses the WHATWG Encoding Standard's decoders (TextDecoder, with Node's
// full ICU), the same tables browsers use; "iso-8859-1" and "latin1" mean Windows-1252 there too.

export interface Decoded {
  text: string;
  /** The encoding the text was read in (a WHATWG name: `utf-8`, `windows-1252`, `utf-16le`, …). */
  encoding: string;
  /** Set when the bytes did not match the declaration: what was found, for a warning. */
  mismatch?: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** `utf-16le` / `utf-16be` when the bytes start with a UTF-16 byte-order mark. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The WHATWG encoding a label names (`ISO-8859-1` → `windows-1252`), or undefined for an unknown label. */
export function encodingForLabel(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/**
 * The text of bytes that are well-formed UTF-8 with at least one multi-byte character, else undefined.
 * (The strict decode that checks them is the text: decoding once more would cost a second pass.)
 */
function multibyteUtf8Text(bytes: Uint8Array): string | undefined {
  if (!bytes.some((b) => b >= 0x80)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes `bytes`. `declared` is the encoding the file names (an XML declaration, a charset), if any.
 * Order: a byte-order mark wins; then bytes that are well-formed multi-byte UTF-8 are UTF-8 whatever
 * the declaration says (a Latin-1 reading would turn every `é` into `Ã©`); then the declared encoding;
 * then UTF-8 when the bytes allow it, else Windows-1252 (which maps every byte, so nothing is lost).
 * Line endings are left as they are.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom16 = utf16Bom(bytes);
  if (bom16) return { text: new TextDecoder(bom16, { ignoreBOM: false }).decode(bytes), encoding: bom16 };
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  const wanted = declared === undefined ? undefined : encodingForLabel(declared);
  const text = hasUtf8Bom(bytes) ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(body) : multibyteUtf8Text(body);
  if (text !== undefined) {
    const mismatch = wanted && wanted !== 'utf-8' && !hasUtf8Bom(bytes) ? `declared ${declared} but the bytes are UTF-8; read as UTF-8` : undefined;
    return mismatch ? { text, encoding: 'utf-8', mismatch } : { text, encoding: 'utf-8' };
  }
  if (wanted && wanted !== 'utf-8' && !wanted.startsWith('utf-16')) {
    return { text: new TextDecoder(wanted, { ignoreBOM: true }).decode(body), encoding: wanted };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252', { ignoreBOM: true }).decode(body);
    const said = declared ? `declared ${declared}` : 'no encoding declared';
    return { text, encoding: 'windows-1252', mismatch: `${said} but the bytes are not UTF-8; read as Windows-1252 (Latin-1)` };
  }
}

/** 1-based line of a character offset in a text (LF, CRLF or CR line ends). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}

/** Number of lines of a text as diagnostics count them (1 for an empty file; a final newline adds none). */
export function lineCount(text: string): number {
  const normalised = text.replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n').length - (normalised.endsWith('\n') ? 1 : 0);
  return Math.max(1, lines);
}
