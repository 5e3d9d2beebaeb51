// ANPA 1312 (AP's wire): bytes of one file in, one item per message out. Pure: no file system, no
// clock (the file's "now" is options.fileTime), no machine zone. Never throws.
//
// Mapping decisions (NAA/ANPA Bulletin 1312 as AP sends it; samples in
// ../shared/wire-samples/iptc7901-anpa/anpa1312/):
// - Bytes: UTF-8 when well-formed, else Windows-1252 (Latin-1), with a warning. SYN, SOH, US, DC1–DC4,
//   STX, ETX, FF, EOT, BS, RS, DLE, DEL mark structure and never reach output.
// - A file (`.tst`) may hold several messages (SYN SYN SOH … EOT): each is an item at the line of its
//   SOH; at most 1,000.
// - Header: service-level letter + message number, selector; then priority, category, format
//   identifier, keyword, date, word count (header.ts). The category is the subject `anpa:<code>` (with
//   AP's name for the common codes); the priority is the item's urgency (../urgency.ts); selector and
//   word counts are not kept.
// - Slug line (first `^` line after STX): keyword, marks, word count. Identity `slug:<sender>:<keyword>`
//   with the cycle (`BC-`, `AM-`, `PM-`, `AP-`), trailing marks (`-Correction`, `-Kill`) and spaces
//   removed (`slug:AP:BKN--Heat-Hawks`), so the versions, corrections and kills of one story share it.
//   Sender: the trailer's (`AP-WF-…` → `AP`), else the dateline's agency, else `ANPA`. No slug line:
//   the header keyword (cut to 24 characters by the header) stands in.
// - Version: `Nth Ld`/`Nth Ld-Writethru` in the slug line or header (`1stLd-Writethru` = 1), `Writethru`
//   alone 1, none 0. Correction: `Correction`/`CORRECTS`/`CORRECTED` in the slug, header or an `Eds:`
//   line (its clause is the note). Kill: `KILL`/`ELIMINATION` (status canceled), `WITHDRAWAL` (withheld),
//   in the slug, a mark-only headline or the `Eds:` line; a kill needs no body, and has no version
//   unless it carries a number.
// - Headline: the first `^` line after the slug that is not an editor line; a short ended line under it
//   is the subheadline; a long one is AP's abstract of the lede and is dropped. An APNewsAlert has no
//   headline line: its first paragraph (dateline removed) stands in.
// - Not for readers: `Eds:`/`EDITOR'S NOTE` lines, `AP Photo …`, release instructions; the
//   trailer; the `^*9006` reference. Messages whose slug names an advisory or budget, and messages with
//   only editor lines, are rejected as not stories.
// - Byline: `By …=` and the title or agency line after it (`AP Sports Writer`, `Associated Press`);
//   bylineText joins them with a comma; titles are not byline parts.
// - Body: each TAB line is a paragraph (a line without a lead continues it), `^…=` lines and short
//   capitals lines are crossheads, BS rows of an agate table become one list (cells joined by spaces,
//   `_` as a dash), `___` rules are dropped. ` _ ` is a dash, ``…'' curly quotes.
// - Dateline: `ATLANTA (AP) _ …` → dateline `ATLANTA`, datelineText `ATLANTA (AP) —`
//   (`BUENOS AIRES, Argentina` keeps its country).
// - Time: trailer `AP-WF-MM-DD-YY HHMMGMT` after ETX; the 2-digit year takes the century that puts the
//   message latest but not after options.fileTime (without it: 1970–2069, with a warning). That time is
//   `published`. No ETX but a trailer line: read, with a warning; no trailer: the item is rejected.
import type { BodyBlock, FileParse, FormatOptions, ItemParse, SubjectCode } from '../item.ts';
import {
  ETX,
  STX,
  bylineParts,
  clean,
  excerpt,
  indexInMessage,
  isMarkLine,
  linesIn,
  messageReport,
  parseTeletypeFile,
  readEditorNotes,
  readSlugMarks,
  readerText,
  takeTeletypeDateline,
  teletypeItem,
  trailerTime,
  type MessageReport,
  type MessageSpan,
  type TeletypeFile,
} from '../shared/teletype.ts';
import { anpaUrgency } from '../urgency.ts';
import { CATEGORY_NAMES, parseHeader } from './header.ts';
import { anpaLines, type AnpaLine } from './lines.ts';
import { readLayout, type StoryLayout } from './layout.ts';
import { headerMarks, parseSlugLine, slugFromHeaderKeyword, type Slug } from './slug.ts';
import { TRAILER_FORM, parseTrailer } from './trailer.ts';

export { looksLikeAnpa1312 } from './recognise.ts';

const FORMAT = 'anpa1312' as const;
const EXPECTED = 'messages starting with SYN SYN SOH (0x16 0x16 0x01) and a header (`r z… BC-SLUG … 02-20 0500`)';

export function parseAnpa1312(bytes: Uint8Array, options: FormatOptions): FileParse {
  return parseTeletypeFile(bytes, options, { format: FORMAT, expected: EXPECTED, readMessage });
}

function readMessage(file: TeletypeFile, span: MessageSpan): ItemParse {
  const { text, map } = file;
  const report = messageReport(file, span);
  const { fail, warn } = report;

  // The header, between SOH and STX.
  const stx = indexInMessage(text, STX, span.start, span);
  const headLines = linesIn(text, span.start + 1, stx === -1 ? span.end : stx, map);
  const { header, found } = parseHeader(headLines.slice(0, 4).map((l) => l.text));
  if (!found) {
    return fail(
      span.line,
      `expected the ANPA header after SOH (a letter and a 4-digit message number, then priority, category and keyword, e.g. "r s BC-…  02-20 0500"), found ${excerpt(headLines[0]?.text ?? '') || 'nothing'}`,
    );
  }
  if (stx === -1) return fail(report.lastLine(), 'expected STX (0x02) before the story text, found none in the message');

  const story = readStoryLines(file, span, stx, report);
  if ('rejected' in story) return story.rejected;

  // The slug and the marks of the story.
  const layout = readLayout(story.lines);
  let slug: Slug;
  if (layout.slugLine) {
    slug = parseSlugLine(layout.slugLine.text);
    if (header.keyword) headerMarks(header.keyword, slug.marks);
  } else if (header.keyword) {
    slug = slugFromHeaderKeyword(header.keyword);
    warn(headLines[0]?.line ?? span.line, 'no slug line after STX: the header keyword stands in');
  } else {
    return fail(map.lineOf(stx), 'expected the slug line after STX (e.g. "^BC-US--Slug,450<") or a keyword in the header, found neither');
  }
  const marks = slug.marks;
  for (const m of layout.markLines) readSlugMarks(m.text, marks);
  if (layout.headline && isMarkLine(layout.headline.text)) readSlugMarks(layout.headline.text, marks);
  const note = readEditorNotes(layout.notes, marks);

  if (marks.advisory)
    return fail(layout.slugLine?.line ?? span.line, `not a story: an advisory or budget for editors (slug ${excerpt(slug.keyword)}); not for publication`);

  const body = readerBlocks(layout);
  const dateline = takeTeletypeDateline(body);
  const status = marks.status ?? 'usable';
  const head = readHeadline(layout, body, status === 'usable', map.lineOf(stx), report);
  if ('rejected' in head) return head.rejected;

  const source = story.sender || dateline?.agency || 'ANPA';
  const subjects: SubjectCode[] = [];
  if (header.category) {
    const name = CATEGORY_NAMES[header.category];
    subjects.push(name ? { code: `anpa:${header.category}`, name } : { code: `anpa:${header.category}` });
  }
  const subheadline = layout.subheadline === undefined ? '' : readerText(layout.subheadline);
  const item = teletypeItem(FORMAT, span, {
    key: `slug:${source}:${slug.key}`,
    marks,
    status,
    published: story.published,
    ...head,
    ...(subheadline !== '' ? { subheadline } : {}),
    bylineText: readerText(layout.byline.join(', ')),
    byline: bylineParts(layout.byline.map(readerText)),
    subjects,
    body,
    ...(note ? { note: readerText(note) } : {}),
    ...(dateline ? { dateline } : {}),
  });
  const urgency = anpaUrgency(header.priority);
  if (urgency !== undefined) item.urgency = urgency;
  return { ok: true, item, warnings: report.warnings };
}

/**
 * The story's lines, from STX to ETX, and the message's time and sender from the trailer: after ETX;
 * without ETX, a trailer line at the end of the text (read with a warning).
 */
function readStoryLines(
  file: TeletypeFile,
  span: MessageSpan,
  stx: number,
  report: MessageReport,
): { lines: AnpaLine[]; published: string; sender: string } | { rejected: ItemParse } {
  const { text, map } = file;
  const etx = indexInMessage(text, ETX, stx, span);
  let lines = anpaLines(text, stx + 1, etx === -1 ? span.end : etx, map);
  let trailerLine: number;
  let trailerText: string;
  if (etx !== -1) {
    const after = linesIn(text, etx + 1, span.end, map).find((l) => clean(l.text) !== '');
    trailerLine = map.lineOf(etx);
    trailerText = clean(text.slice(etx + 1, after ? after.start + after.text.length : etx + 1));
    if (after && trailerText === '') trailerLine = after.line;
  } else {
    let last = lines.length - 1;
    while (last >= 0 && lines[last]!.kind === 'blank') last--;
    const candidate = lines[last];
    if (candidate && parseTrailer(candidate.text)) {
      trailerLine = candidate.line;
      trailerText = candidate.text;
      lines = lines.slice(0, last);
      report.warn(trailerLine, 'no ETX (0x03) before the trailer; the trailer line was read as one');
    } else {
      return {
        rejected: report.fail(
          candidate?.line ?? map.lineOf(span.end - 1),
          `expected ETX (0x03) and the trailer (${TRAILER_FORM}), found the end of the message`,
        ),
      };
    }
  }
  const trailer = parseTrailer(trailerText);
  const time = trailerTime(trailer?.date, trailerText, trailerLine, TRAILER_FORM, file, report);
  if ('rejected' in time) return time;
  return { lines, published: time.iso, sender: trailer!.sender };
}

/** Body blocks as readers see them: table rows one list, empty blocks dropped. */
function readerBlocks(layout: StoryLayout): BodyBlock[] {
  const body: BodyBlock[] = [];
  for (const b of layout.blocks) {
    if (b.kind === 'list') {
      const items = (b.items ?? []).map(readerText).filter((t) => t !== '');
      if (items.length > 0) body.push({ kind: 'list', ordered: false, items, line: b.line });
      continue;
    }
    const t = readerText(b.text);
    if (t !== '') body.push({ kind: b.kind, text: t, line: b.line });
  }
  return body;
}

/**
 * The headline: the headline line unless it only holds marks. A usable story needs a paragraph (only
 * editor lines: not a story), and an APNewsAlert, which has no headline line, is its one paragraph.
 */
function readHeadline(
  layout: StoryLayout,
  body: BodyBlock[],
  usable: boolean,
  stxLine: number,
  report: MessageReport,
): { headline: string; headlineLine: number } | { rejected: ItemParse } {
  let headline = layout.headline && !isMarkLine(layout.headline.text) ? readerText(layout.headline.text) : '';
  let headlineLine = layout.headline?.line ?? layout.slugLine?.line ?? stxLine;
  if (usable) {
    if (!body.some((b) => b.kind === 'paragraph')) {
      if (layout.notes.length > 0)
        return { rejected: report.fail(layout.notes[0]!.line, `not a story: only notes to editors (${excerpt(layout.notes[0]!.text)}); not for publication`) };
      return {
        rejected: report.fail(
          headlineLine,
          `expected at least one paragraph of story text after the ${layout.headline ? 'headline' : 'slug line'}, found none`,
        ),
      };
    }
    if (headline === '') {
      // APNewsAlert: the news is its one paragraph.
      const first = body.find((b) => b.kind === 'paragraph') as Extract<BodyBlock, { kind: 'paragraph' }>;
      headline = first.text;
      headlineLine = first.line;
    }
  }
  return { headline, headlineLine };
}
