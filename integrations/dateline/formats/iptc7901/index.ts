// IPTC 7901 (dpa's English service and its partner copy): bytes of one file in, one item per message
// out. Pure: no file system, no clock (the file's "now" is options.fileTime), no machine zone. Never
// throws.
//
// Mapping decisions (Recommendation 7901; samples in ../shared/wire-samples/iptc7901-anpa/iptc7901/):
// - Bytes: UTF-8 when they are well-formed UTF-8, else Windows-1252 (Latin-1), with a warning naming the
//   first non-ASCII line. Control characters (SOH, STX, ETX, EOT, DEL, SYN, …) never reach output.
// - A file may hold several messages (SOH … EOT); each is an item, at the line of its SOH; at most 1,000.
// - Header line after SOH: service + number, priority, category, word count, optional field, sender.
//   The category becomes the subject `iptc7901:<category>`, the priority the item's urgency
//   (../urgency.ts); the word count is not kept.
// - Keyword line(s) before STX (`Germany-politics/`, trailing `/` dropped) are the slug: identity is
//   `slug:<sender>:<keyword>:<UTC day of the trailer>` (sender `dpa`, `dpa-tns`; the service code when
//   no sender). dpa keywords name a topic, not a story (`Yemen/conflict` runs for years), so the day
//   keeps one day's story and its leads together without merging every story on the topic. Without a
//   keyword the headline stands in, with a warning.
// - Headline: the lines from STX to the first ending in `=`. Handling marks above it (`1ST LEAD`,
//   `REFILE`, `EXTRA`, `(Achtung)`) are read, never printed; `By …` lines below it are the byline.
//   `Nth LEAD` is the version (plain = 0); `CORRECTION`/`CORRECTED` a correction (its note from a
//   notebook line that says what was corrected); `KILL`/`ELIMINATION` status canceled,
//   `WITHDRAWAL` withheld (no body needed; a kill without a number has no version).
// - Body: paragraphs set off by blank lines, wrapped lines joined, indent dropped, ` _ ` as a dash and
//   ``…'' as curly quotes. The story ends at the notebook (`# dpa NOTEBOOK`, `# Notebook`), the
//   `* * * *` rule or `The following information is not (intended) for publication`: notes to editors,
//   links and contacts are never published, nor the sign-off (`dpa wsz jln npr`).
// - Dateline: `Berlin (dpa) - …` → dateline `Berlin`, datelineText `Berlin (dpa) -`, removed from the
//   first paragraph.
// - Time: the trailer after ETX is `DDHHMM [zone] Mon YY` (`131137 GMT Nov 13` = 2013-11-13 11:37 GMT;
//   German month names too). The 2-digit year takes the century that puts the message latest but not
//   after options.fileTime (two days' slack); without fileTime 1970–2069, with a warning. A trailer
//   without a year takes the latest year not after fileTime, and without fileTime the item is rejected.
//   A trailer without a zone is in options.timeZone. That time is `published` (7901 has no other).
//   A missing ETX with a trailer line still there is read with a warning; no trailer: item rejected.
// - Not stories, rejected with a reason: an `ADVISORY`-marked message; dpa's `Impressum` (the copyright
//   line test, `ryryryry copyright by dpa`).
// - Text that looks like markup (never sent by an agency) goes through the sanitizer: tags and script
//   or style text are dropped.
import type { BodyBlock, FileParse, FormatOptions, ItemParse } from '../item.ts';
import {
  ETX,
  STX,
  bylineParts,
  clean,
  excerpt,
  indexInMessage,
  linesIn,
  messageReport,
  parseTeletypeFile,
  readEditorNotes,
  readerText,
  takeTeletypeDateline,
  teletypeItem,
  trailerTime,
  type MessageReport,
  type MessageSpan,
  type PhysicalLine,
  type TeletypeFile,
} from '../shared/teletype.ts';
import { iptc7901Urgency } from '../urgency.ts';
import { HEADER_FORM, parseHeaderLine } from './header.ts';
import { readHeadlineBlock } from './headline.ts';
import { readStoryText } from './body.ts';
import { TRAILER_FORM, parseTrailer } from './trailer.ts';

export { looksLikeIptc7901 } from './recognise.ts';

const FORMAT = 'iptc7901' as const;
const EXPECTED = `a message starting with SOH (0x01) and a header line (${HEADER_FORM})`;

export function parseIptc7901(bytes: Uint8Array, options: FormatOptions): FileParse {
  return parseTeletypeFile(bytes, options, { format: FORMAT, expected: EXPECTED, readMessage });
}

function endOfLine(text: string, from: number, limit: number): number {
  const re = /\r|\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < limit ? m.index : limit;
}

function readMessage(file: TeletypeFile, span: MessageSpan): ItemParse {
  const { text, map } = file;
  const report = messageReport(file, span);
  const { fail, warn } = report;

  // The header line after SOH, and the keyword lines before STX.
  const headerEnd = endOfLine(text, span.start + 1, span.end);
  const headerText = clean(text.slice(span.start + 1, headerEnd));
  const header = parseHeaderLine(headerText);
  if (!header) return fail(span.line, `expected the IPTC 7901 header line after SOH (${HEADER_FORM}), found ${excerpt(headerText) || 'nothing'}`);

  const stx = text.indexOf(STX, headerEnd);
  if (stx === -1 || stx >= span.end) {
    return fail(report.lastLine(), 'expected STX (0x02) before the headline, found none in the message');
  }
  const keyword = linesIn(text, headerEnd, stx, map)
    .map((l) => clean(l.text).replace(/\/+$/, '').trim())
    .filter((k) => k !== '')
    .join('/');

  // The headline block after STX.
  const etx = indexInMessage(text, ETX, stx, span);
  const bodyLines = linesIn(text, stx + 1, etx === -1 ? span.end : etx, map);
  const block = readHeadlineBlock(bodyLines);
  if (!('headline' in block)) return fail(block.line, block.message);
  if (!block.closed) warn(block.headlineLine, 'the headline does not end with "=" (7901\'s end of headline); read to the first blank line');
  const trailer = readTrailer(file, span, etx, bodyLines.slice(block.next), report);
  if ('rejected' in trailer) return trailer.rejected;
  const story = readStoryText(trailer.storyLines, header.sender);

  const marks = block.marks;
  const note = readEditorNotes(story.notes, marks);
  const paragraphs = story.paragraphs.map((p) => ({ text: readerText(p.text), line: p.line })).filter((p) => p.text !== '');

  if (/^Impressum$/i.test(keyword) || paragraphs.some((p) => /(?:ry){3,}/i.test(p.text))) {
    return fail(
      block.headlineLine,
      `not a story: the sender's imprint or line test (keyword ${excerpt(keyword)}, "ryry…" copyright lines); not for publication`,
    );
  }
  if (marks.advisory) return fail(block.headlineLine, `not a story: an advisory to editors (${excerpt(block.headline)}); not for publication`);

  const body: BodyBlock[] = paragraphs.map((p) => ({ kind: 'paragraph', text: p.text, line: p.line }));
  const dateline = takeTeletypeDateline(body);
  const status = marks.status ?? 'usable';
  const headline = readerText(block.headline);
  if (status === 'usable') {
    if (headline === '') return fail(block.headlineLine, 'expected a headline after STX, found none');
    if (body.length === 0) {
      const at = bodyLines[block.next]?.line ?? block.headlineLine;
      return fail(
        at,
        `expected at least one paragraph of story text after the headline, found ${story.notesLine !== undefined ? 'only notes to editors' : 'none'}`,
      );
    }
  }

  // Identity: the keyword (else the headline), its sender and the UTC day of the trailer.
  const source = header.sender ?? dateline?.agency ?? header.service;
  let slug = keyword;
  if (slug === '') {
    slug = headline;
    warn(map.lineOf(headerEnd), 'no keyword line before STX: the headline stands in as the slug');
  }
  const bylineText = readerText(block.byline.join(' '));
  const item = teletypeItem(FORMAT, span, {
    key: `slug:${source}:${slug}:${new Date(trailer.published).toISOString().slice(0, 10)}`,
    marks,
    status,
    published: trailer.published,
    headline,
    headlineLine: block.headlineLine,
    bylineText,
    byline: bylineText === '' ? [] : bylineParts([bylineText]),
    subjects: [{ code: `iptc7901:${header.category}` }],
    body,
    ...(note ? { note: readerText(note) } : {}),
    ...(dateline ? { dateline } : {}),
  });
  const urgency = iptc7901Urgency(header.priority);
  if (urgency !== undefined) item.urgency = urgency;
  return { ok: true, item, warnings: report.warnings };
}

/**
 * The message's time from its trailer, and the story lines before it: the trailer follows ETX; without
 * ETX, the last line of the message is read as one if it reads as one (with a warning).
 */
function readTrailer(
  file: TeletypeFile,
  span: MessageSpan,
  etx: number,
  afterHeadline: PhysicalLine[],
  report: MessageReport,
): { storyLines: PhysicalLine[]; published: string } | { rejected: ItemParse } {
  const { text, map } = file;
  let storyLines = afterHeadline;
  let trailerLine: number;
  let trailerText: string;
  if (etx !== -1) {
    const after = linesIn(text, etx + 1, span.end, map).find((l) => clean(l.text) !== '');
    trailerLine = after?.line ?? map.lineOf(etx);
    trailerText = after ? clean(after.text) : '';
  } else {
    let k = storyLines.length - 1;
    while (k >= 0 && clean(storyLines[k]!.text) === '') k--;
    const last = storyLines[k];
    trailerLine = last?.line ?? map.lineOf(span.end - 1);
    if (!last || !parseTrailer(clean(last.text))) {
      return { rejected: report.fail(trailerLine, `expected ETX (0x03) and the trailer (${TRAILER_FORM}), found the end of the message`) };
    }
    trailerText = clean(last.text);
    storyLines = storyLines.slice(0, k);
    report.warn(trailerLine, 'no ETX (0x03) before the trailer; the trailer line was read as one');
  }
  const time = trailerTime(parseTrailer(trailerText), trailerText, trailerLine, TRAILER_FORM, file, report);
  if ('rejected' in time) return time;
  return { storyLines, published: time.iso };
}
