// What both teletype parsers do with a whole file before reading its messages: bytes to text (raw
// Latin-1 or UTF-8, decided by the bytes), the options checked, line lengths bounded, the messages found,
// and the per-message results gathered into one file result.
import type { Diagnostic, FileParse, FormatOptions, ItemParse, WireFormat } from '../../item.ts';
import { decodeBytes } from '../decode.ts';
import { isIanaZone } from '../zone.ts';
import { LineMap } from './lines.ts';
import { MAX_MESSAGES, splitMessages, type MessageSpan } from './messages.ts';
import { clean, excerpt } from './controls.ts';

export const DEFAULT_MAX_LINE_LENGTH = 100_000;

export interface TeletypeFile {
  text: string;
  map: LineMap;
  spans: MessageSpan[];
  zone: string;
  fileTime?: number;
}

/** Stops reading the file at a file-level problem. */
export class FileRejection {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    this.diagnostic = diagnostic;
  }
}

function firstHighByteLine(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return line;
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) line++;
  }
  return 1;
}

/** The text and messages of a teletype file; throws FileRejection for a file-level problem. */
export function openTeletypeFile(bytes: Uint8Array, options: FormatOptions, formatName: string, expected: string, warnings: Diagnostic[]): TeletypeFile {
  if (!(bytes instanceof Uint8Array)) throw new FileRejection({ line: 1, message: `expected the bytes of a ${formatName} file` });
  const zone = typeof options?.timeZone === 'string' ? options.timeZone : '';
  if (!isIanaZone(zone))
    throw new FileRejection({ line: 1, message: `unknown time zone ${JSON.stringify(zone)} (expected an IANA zone such as Asia/Karachi)` });
  const decoded = decodeBytes(bytes);
  const text = decoded.text;
  const map = new LineMap(text);
  if (decoded.encoding === 'windows-1252' && bytes.some((b) => b >= 0x80)) {
    warnings.push({ line: map.clamp(firstHighByteLine(bytes)), message: 'the bytes are not UTF-8: read as Windows-1252 (Latin-1), as teletype services send' });
  } else if (decoded.encoding.startsWith('utf-16')) {
    warnings.push({ line: 1, message: `read as ${decoded.encoding.toUpperCase()} (byte-order mark)` });
  }
  const maxLine = typeof options.maxLineLength === 'number' && options.maxLineLength >= 1 ? Math.floor(options.maxLineLength) : DEFAULT_MAX_LINE_LENGTH;
  const longLine = /[^\r\n]+/g;
  for (let m = longLine.exec(text); m; m = longLine.exec(text)) {
    if (m[0].length > maxLine)
      throw new FileRejection({ line: map.lineOf(m.index), message: `line is ${m[0].length} characters long, over the limit of ${maxLine}` });
  }
  const spans = splitMessages(text, map);
  if (spans.length === 0) {
    const first = /[^\s]/.exec(clean(text));
    throw new FileRejection({
      line: 1,
      message: `not ${formatName}: expected ${expected}, found ${first ? excerpt(text.slice(0, 200)) : 'no text'}`,
    });
  }
  if (spans.length > MAX_MESSAGES) {
    throw new FileRejection({ line: spans[MAX_MESSAGES]!.line, message: `more than ${MAX_MESSAGES} messages in one file: split the file` });
  }
  const before = clean(text.slice(0, spans[0]!.start));
  if (before !== '') warnings.push({ line: 1, message: `text before the first message ignored: ${excerpt(before)}` });
  const file: TeletypeFile = { text, map, spans, zone };
  if (typeof options.fileTime === 'number' && Number.isFinite(options.fileTime)) file.fileTime = options.fileTime;
  return file;
}

/** The file result: its items, or (no item could be read) the items' errors as the file's. */
export function gatherItems(format: WireFormat, items: ItemParse[], warnings: Diagnostic[]): FileParse {
  if (items.some((i) => i.ok)) return { format, items, errors: [], warnings };
  const errors = items.flatMap((i) => (i.ok ? [] : i.errors));
  const itemWarnings = items.flatMap((i) => i.warnings);
  return { format, items: [], errors, warnings: [...warnings, ...itemWarnings] };
}

export function internalError(format: WireFormat, err: unknown, warnings: Diagnostic[]): FileParse {
  const message = err instanceof Error ? err.message : String(err);
  return { format, items: [], errors: [{ line: 1, message: `internal parser error: ${clean(message).slice(0, 200)}` }], warnings };
}
