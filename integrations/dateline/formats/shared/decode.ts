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

const ascii = (bytes: Uint8Array, at: number, text: string) => text.split('').every((c, i) => bytes[at + i] === c.charCodeAt(0));
const starts = (bytes: Uint8Array, ...values: number[]) => values.every((v, i) => bytes[i] === v);

/**
 * What kind of binary file the bytes are, by their magic number (`PNG image`), or undefined. Only
 * signatures no wire file can start with: a picture or a document saved under a wire file's name.
 */
export function binaryKind(bytes: Uint8Array): string | undefined {
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'PNG image';
  if (starts(bytes, 0xff, 0xd8, 0xff)) return 'JPEG image';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'GIF image';
  if (ascii(bytes, 0, 'RIFF') && bytes.length >= 12) {
    if (ascii(bytes, 8, 'WEBP')) return 'WebP image';
    if (ascii(bytes, 8, 'WAVE')) return 'WAV audio';
    if (ascii(bytes, 8, 'AVI ')) return 'AVI video';
  }
  if (ascii(bytes, 4, 'ftyp') && bytes.length >= 12) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (brand === 'avif' || brand === 'avis') return 'AVIF image';
    if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return 'HEIF image';
    return 'MP4 or QuickTime video';
  }
  if (ascii(bytes, 0, 'II*\0') || ascii(bytes, 0, 'MM\0*')) return 'TIFF image';
  if (ascii(bytes, 0, '8BPS')) return 'Photoshop image';
  if (ascii(bytes, 0, '%PDF-')) return 'PDF document';
  if (starts(bytes, 0x50, 0x4b) && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6) || (bytes[2] === 7 && bytes[3] === 8))) {
    // An Office or OpenDocument file is a ZIP archive: its first entries' names say which.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    if (head.includes('word/')) return 'Word document (.docx, a ZIP archive)';
    if (head.includes('xl/')) return 'Excel workbook (.xlsx, a ZIP archive)';
    if (head.includes('ppt/')) return 'PowerPoint presentation (.pptx, a ZIP archive)';
    if (head.includes('application/vnd.oasis.opendocument')) return 'OpenDocument file (a ZIP archive)';
    if (head.includes('application/epub+zip')) return 'EPUB book (a ZIP archive)';
    return 'ZIP archive';
  }
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'Microsoft Office document (.doc, .xls or .ppt)';
  if (starts(bytes, 0x1f, 0x8b)) return 'gzip-compressed file';
  if (ascii(bytes, 0, 'BZh') && ascii(bytes, 4, '1AY&SY')) return 'bzip2-compressed file';
  if (starts(bytes, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz-compressed file';
  if (starts(bytes, 0x28, 0xb5, 0x2f, 0xfd)) return 'zstd-compressed file';
  if (starts(bytes, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return '7-Zip archive';
  if (ascii(bytes, 0, 'Rar!\u001a\u0007')) return 'RAR archive';
  if (ascii(bytes, 0, 'SQLite format 3\0')) return 'SQLite database';
  if (starts(bytes, 0x7f, 0x45, 0x4c, 0x46)) return 'ELF executable';
  if (ascii(bytes, 0, 'OggS')) return 'Ogg audio or video';
  if (ascii(bytes, 0, 'ID3') && bytes.length >= 5 && bytes[3]! >= 2 && bytes[3]! <= 4 && bytes[4] === 0) return 'MP3 audio';
  if (ascii(bytes, 0, 'wOFF') || ascii(bytes, 0, 'wOF2')) return 'web font';
  return undefined;
}

/**
 * `a binary file (PNG image)` for a known signature; `a binary file` for bytes with NULs in their
 * first kilobyte (no text format has them, UTF-16 aside); else undefined.
 */
export function describeBinary(bytes: Uint8Array): string | undefined {
  const kind = binaryKind(bytes);
  if (kind) return `a binary file (${kind})`;
  if (!utf16Bom(bytes) && bytes.subarray(0, 1024).includes(0)) return 'a binary file';
  return undefined;
}
