// The parse entry both teletype formats share, and the steps of a message that they read the same way.
// A format gives its own message reader (`readMessage`: header, headline block, body, trailer form);
// the file is opened here (file.ts), each message read in turn, and a bug while reading one message
// becomes that message's error, so the file's other messages still publish. Never throws.
import type { BodyBlock, BylinePart, Diagnostic, FileParse, FormatOptions, ItemParse, SubjectCode, WireFormat, WireItem } from '../../item.ts';
import { FORMAT_NAMES } from '../../item.ts';
import { clean, excerpt } from './controls.ts';
import { findTeletypeDateline, type TeletypeDateline } from './dateline.ts';
import { FileRejection, gatherItems, internalError, openTeletypeFile, type TeletypeFile } from './file.ts';
import { correctionNote, readNoteMarks, type Marks } from './marks.ts';
import type { MessageSpan } from './messages.ts';
import { placeTrailerDate, type TrailerDate } from './trailer-date.ts';

export interface TeletypeFormat {
  format: WireFormat;
  /** What a file of the format starts with, for the message that rejects a file without a message. */
  expected: string;
  readMessage(file: TeletypeFile, span: MessageSpan): ItemParse;
}

/** Bytes of one teletype file in, one item per message out. */
export function parseTeletypeFile(bytes: Uint8Array, options: FormatOptions, reader: TeletypeFormat): FileParse {
  const { format } = reader;
  const warnings: Diagnostic[] = [];
  try {
    const file = openTeletypeFile(bytes, options, FORMAT_NAMES[format], reader.expected, warnings);
    const items = file.spans.map((span) => {
      try {
        return reader.readMessage(file, span);
      } catch (err) {
        return {
          ok: false as const,
          line: span.line,
          errors: [{ line: span.line, message: `internal parser error: ${clean(String(err)).slice(0, 200)}` }],
          warnings: [],
        };
      }
    });
    return gatherItems(format, items, warnings);
  } catch (err) {
    if (err instanceof FileRejection) return { format, items: [], errors: [err.diagnostic], warnings };
    return internalError(format, err, warnings);
  }
}

/** What a message reader reports with: its warnings, and a rejection of the message, lines kept in the file. */
export interface MessageReport {
  warnings: Diagnostic[];
  fail(line: number, message: string): ItemParse;
  warn(line: number, message: string): void;
  /** The message's last line: its EOT's, else that of its last character. */
  lastLine(): number;
}

export function messageReport(file: TeletypeFile, span: MessageSpan): MessageReport {
  const { map } = file;
  const warnings: Diagnostic[] = [];
  return {
    warnings,
    fail: (line, message) => ({ ok: false, line: span.line, errors: [{ line: map.clamp(line), message }], warnings }),
    warn: (line, message) => void warnings.push({ line: map.clamp(line), message }),
    lastLine: () => map.lineOf(span.closed ? span.end : Math.max(span.start, span.end - 1)),
  };
}

/** Where `ch` (STX, ETX) is in the message from `from` on, or -1. */
export function indexInMessage(text: string, ch: string, from: number, span: MessageSpan): number {
  const at = text.indexOf(ch, from);
  return at !== -1 && at < span.end ? at : -1;
}

/**
 * The message's time from its trailer (`date`, as the format's trailer reader read `trailerText`): an
 * ISO instant, or the message's rejection when the trailer does not read or cannot be placed in time.
 */
export function trailerTime(
  date: TrailerDate | undefined,
  trailerText: string,
  trailerLine: number,
  trailerForm: string,
  file: TeletypeFile,
  report: MessageReport,
): { iso: string } | { rejected: ItemParse } {
  if (!date)
    return { rejected: report.fail(trailerLine, `expected the trailer (${trailerForm}), found ${trailerText === '' ? 'nothing' : excerpt(trailerText)}`) };
  const placed = placeTrailerDate(date, file.zone, file.fileTime);
  if (!placed.ok) return { rejected: report.fail(trailerLine, `unreadable trailer time ${excerpt(trailerText)}: ${placed.reason}`) };
  if (placed.warning) report.warn(trailerLine, placed.warning);
  return { iso: placed.iso };
}

/** Reads the marks of the editor lines into `marks`; the correction note is the first such line once a correction is marked. */
export function readEditorNotes(notes: readonly { text: string }[], marks: Marks): string | undefined {
  let note: string | undefined;
  for (const n of notes) {
    readNoteMarks(n.text, marks);
    if (marks.correction) note ??= correctionNote(n.text);
  }
  return note;
}

/** The dateline that opens the first paragraph, taken out of it (a dateline-only paragraph is dropped). */
export function takeTeletypeDateline(body: BodyBlock[]): TeletypeDateline | undefined {
  const firstIndex = body.findIndex((b) => b.kind === 'paragraph');
  if (firstIndex === -1) return undefined;
  const first = body[firstIndex] as Extract<BodyBlock, { kind: 'paragraph' }>;
  const d = findTeletypeDateline(first.text);
  if (!d) return undefined;
  if (d.rest === '') body.splice(firstIndex, 1);
  else first.text = d.rest;
  return d;
}

export interface TeletypeStory {
  /** The story key (`slug:…`), the same for every version of the story. */
  key: string;
  marks: Marks;
  status: WireItem['status'];
  published: string;
  headline: string;
  headlineLine: number;
  subheadline?: string;
  bylineText: string;
  byline: BylinePart[];
  subjects: SubjectCode[];
  body: BodyBlock[];
  /** The correction note, when a correction is marked. */
  note?: string;
  dateline?: TeletypeDateline;
}

/**
 * The item of a message. The version is the lead or writethru number, 0 for a usable story without one;
 * a kill or withdrawal without a number has none.
 */
export function teletypeItem(format: WireFormat, span: MessageSpan, story: TeletypeStory): WireItem {
  const { key, marks, status } = story;
  const version = marks.version ?? (status === 'usable' ? 0 : undefined);
  const item: WireItem = {
    format,
    line: span.line,
    identity: version === undefined ? { key } : { key, version },
    status,
    published: story.published,
    headline: story.headline,
    headlineLine: story.headlineLine,
    bylineText: story.bylineText,
    byline: story.byline,
    subjects: story.subjects,
    body: story.body,
    quotes: [],
  };
  if (story.subheadline !== undefined) item.subheadline = story.subheadline;
  if (marks.correction) item.correction = story.note !== undefined ? { note: story.note } : {};
  if (story.dateline) {
    item.dateline = story.dateline.place;
    item.datelineText = story.dateline.text;
  }
  return item;
}
