// What IPTC 7901 and ANPA 1312 share, one concern per module in ./teletype/: control characters,
// lines as the file counts them, message framing, teletype typography, trailer dates without a century
// or a year, version and handling marks, editor lines, datelines, bylines, markup removal, and the parse
// entry (parse.ts: `parseTeletypeFile`, and the message steps both formats take the same way).
export * from './teletype/controls.ts';
export * from './teletype/lines.ts';
export * from './teletype/messages.ts';
export * from './teletype/typography.ts';
export * from './teletype/trailer-date.ts';
export * from './teletype/marks.ts';
export * from './teletype/editor-notes.ts';
export * from './teletype/dateline.ts';
export * from './teletype/byline.ts';
export * from './teletype/markup.ts';
export * from './teletype/text.ts';
export * from './teletype/file.ts';
export * from './teletype/parse.ts';
