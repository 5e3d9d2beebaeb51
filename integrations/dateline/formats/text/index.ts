// The wire parser: text or bytes of one wire file in, a typed article or diagnostics out. Pure: no file
// system, no clock, no machine time zone. Never throws.
//
// Decisions (variant ids refer to corpus/VARIANTS.md of the test data, which is not in this repository:
// the folder DATELINE_TEST_DATA names, README "Tests"):
// - Ticker rows without an arrow (A3): direction from the `Increased By`/`Decreased By` label, else from
//   the printed sign; an unsigned change takes the direction's sign (see quote.ts).
// - `Dawn.com` in a byline is a desk (the paper's own web desk), not an agency or a person (../shared/byline.ts).
// - Raw brecorder.com pages (section listings, the 2025 article page with menus, B1/B2) are rejected with
//   a reason naming the site chrome found; they are web pages, and the article page's date has no time.
// - Dawn's 2025 web captures carry page furniture (comment counters, player speeds, `JOIN OUR WHATSAPP
//   CHANNEL`, an echo of the headline and byline line, and a tail of menus after `On DawnNews`): skipped with
//   a warning; the `Read more` list after the story becomes related blocks.

import type { BodyBlock, Diagnostic, MarketQuote, ParseOptions, ParseResult, WireArticle } from './types.ts';
import { decodeWireBytes, looksBinary, normaliseText } from './decode.ts';
import { excerpt, splitLines, toBlocks, type Block } from './lines.ts';
import { isQuotePart, scanTicker } from './quote.ts';
import { parseByline } from '../shared/byline.ts';
import { DEFAULT_TIME_ZONE, PUBLISHED_FORM, isRealDay, isValidZone, parseStamp } from './published.ts';
import { findDateline } from './dateline.ts';
import { findPageChrome, matchCaptureLine, matchPublishedLine, type PublishedLine } from './header.ts';
import {
  alsoReadHeadline,
  captionCredit,
  endsUnpunctuated,
  splitCaption,
  isFooter,
  isFurniture,
  isHeaderImageCaption,
  isPageEnd,
  isReadMoreHeading,
  looksLikeRelatedHeadline,
} from './blocks.ts';

export type * from './types.ts';
export { decodeWireBytes } from './decode.ts';
export { countLines } from './lines.ts';
export { knownAgencies, isAgency, isDesk, classifyBylinePart, parseByline } from '../shared/byline.ts';
export { DEFAULT_TIME_ZONE, PUBLISHED_FORM } from './published.ts';

export const DEFAULT_MAX_LINE_LENGTH = 100_000;

/** A caption block's text without its credit (the block keeps the whole line, credit included). */
export function captionText(block: Extract<BodyBlock, { kind: 'caption' }>): string {
  return (block.credit && splitCaption(block.text)?.text) || block.text;
}

/** Thrown inside the parser to stop at the first fatal problem; never escapes parseWire. */
class Rejection {
  readonly diagnostic: Diagnostic;
  constructor(line: number, message: string) {
    this.diagnostic = { line, message };
  }
}

export function parseWire(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const warnings: Diagnostic[] = [];
  try {
    return { ok: true, article: parseArticle(input, options, warnings), warnings };
  } catch (err) {
    if (err instanceof Rejection) return { ok: false, errors: [err.diagnostic], warnings };
    // A bug, not a bad file: still report, never throw (callers build whole sites from these results).
    return { ok: false, errors: [{ line: 1, message: `internal parser error: ${String(err)}` }], warnings };
  }
}

function readText(input: string | Uint8Array): string {
  if (typeof input === 'string') return normaliseText(input);
  if (input instanceof Uint8Array) {
    // UTF-16 would otherwise read as "binary" (every other byte is NUL): say what it is.
    if (input.length >= 2 && ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff))) {
      throw new Rejection(1, 'UTF-16 text (byte-order mark FF FE / FE FF) is not supported: save the file as UTF-8');
    }
    return decodeWireBytes(input).text;
  }
  throw new Rejection(1, 'expected the text or bytes of a wire file');
}

/** Whether text has a character that shows (not only zero-width, bidi and other default-ignorable ones). */
function hasVisibleText(text: string): boolean {
  return /[^\s\p{Default_Ignorable_Code_Point}]/u.test(text);
}

function expectedPublished(found: string, why = ''): string {
  return `expected "${PUBLISHED_FORM}", found ${found}${why}`;
}

function parseArticle(input: string | Uint8Array, options: ParseOptions, warnings: Diagnostic[]): WireArticle {
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const { blocks, lastLine, at, warn } = readBlocks(input, options, zone, warnings);
  const lead = readCaptureAndTicker(blocks, warn);
  rejectPageChrome(blocks, lead.next);
  const head = readHead(blocks, lead, lastLine);
  const published = readPublished(head, zone);

  const updated = updatedTimes(zone, warn);
  if (head.published.updated !== undefined) updated.take(head.published.updated, head.stampBlock.line);
  const body = readBody(blocks.slice(head.bodyFrom), head.headline, updated.take, warn);
  if (!body.blocks.some((b) => b.kind === 'paragraph')) {
    const line = blocks[head.bodyFrom]?.line ?? head.stampBlock.line + 1;
    throw new Rejection(
      at(line),
      `expected at least one body paragraph after the "Published" line, found ${blocks[head.bodyFrom] ? excerpt(blocks[head.bodyFrom]!.text) : 'end of file'}`,
    );
  }

  const article: WireArticle = {
    quotes: lead.quotes,
    headline: head.headline,
    headlineLine: head.headlineBlock.line,
    bylineText: head.bylineText,
    byline: parseByline(head.bylineText),
    published,
    body: body.blocks,
  };
  if (lead.captureDate !== undefined) article.captureDate = lead.captureDate;
  if (head.section !== undefined) article.section = head.section;
  if (updated.modified !== undefined) article.modified = updated.modified;
  if (body.dateline) {
    article.dateline = body.dateline.place;
    article.datelineText = body.dateline.text;
  }
  return article;
}

type Warn = (line: number, message: string) => void;

/**
 * The file's blocks, after the checks that reject a whole file: not text, a line over the limit, an
 * unknown zone, nothing in it. `at` keeps a line inside the file; `warn` adds a warning there.
 */
function readBlocks(
  input: string | Uint8Array,
  options: ParseOptions,
  zone: string,
  warnings: Diagnostic[],
): { blocks: Block[]; lastLine: number; at: (line: number) => number; warn: Warn } {
  const maxLineLength = typeof options.maxLineLength === 'number' && options.maxLineLength >= 1 ? Math.floor(options.maxLineLength) : DEFAULT_MAX_LINE_LENGTH;

  const text = readText(input);
  const lines = splitLines(text);
  const lastLine = Math.max(1, lines.length);
  const at = (line: number) => Math.min(Math.max(1, line), lastLine);
  const warn = (line: number, message: string) => void warnings.push({ line: at(line), message });

  if (looksBinary(text)) {
    const nul = text.search(/[\u0000-\u0008\u000E-\u001F]/);
    const line = nul === -1 ? 1 : text.slice(0, nul).split('\n').length;
    throw new Rejection(at(line), 'binary file: NUL or other control bytes where a wire article has text');
  }
  lines.forEach((line, i) => {
    if (line.length > maxLineLength) {
      throw new Rejection(i + 1, `line is ${line.length} characters long, over the limit of ${maxLineLength}`);
    }
  });
  if (!isValidZone(zone)) throw new Rejection(1, `unknown time zone ${JSON.stringify(zone)} (expected an IANA zone such as Asia/Karachi)`);

  const blocks = toBlocks(lines);
  if (blocks.length === 0) throw new Rejection(1, 'expected a wire article, found an empty file');
  return { blocks, lastLine, at, warn };
}

interface ArticleLead {
  /** The first block after the capture line and the ticker. */
  next: number;
  /** Whether the file opens with a capture line. */
  captured: boolean;
  captureDate?: string;
  quotes: MarketQuote[];
}

/** Capture line and ticker (A1–A7). */
function readCaptureAndTicker(blocks: Block[], warn: Warn): ArticleLead {
  let next = 0;
  let captureDate: string | undefined;
  const segments: Block[] = [];
  const capture = matchCaptureLine(blocks[0]!.text);
  if (capture) {
    next = 1;
    if (isRealDay(capture.date)) captureDate = capture.date;
    else warn(blocks[0]!.line, `capture date ${capture.date} is not a real day; ignored`);
    if (capture.tail !== '') segments.push({ line: blocks[0]!.line, text: capture.tail });
  }
  const tailSegments = segments.length;
  for (let i = next; i < blocks.length && i < next + 1000 && isQuotePart(blocks[i]!.text); i++) segments.push(blocks[i]!);
  const ticker = scanTicker(segments);
  if (tailSegments === 1 && ticker.consumed === 0) {
    warn(blocks[0]!.line, `unrecognised text after the capture date: ${excerpt(capture!.tail.slice(ticker.firstSegmentChars))}`);
  }
  next += Math.max(0, ticker.consumed - tailSegments);
  const lead: ArticleLead = { next, captured: capture !== undefined, quotes: ticker.quotes };
  if (captureDate !== undefined) lead.captureDate = captureDate;
  return lead;
}

/** A raw brecorder.com page (A6, B1, B2) is a whole web page with menus, not a wire article. */
function rejectPageChrome(blocks: Block[], next: number): void {
  const chrome = findPageChrome(blocks, next);
  if (!chrome) return;
  const stamps = blocks.filter((b) => /^Published(?: |$)/.test(b.text));
  const chromeText = excerpt(chrome.text);
  throw new Rejection(
    chrome.line,
    stamps.length > 1
      ? `not a wire article: a raw Business Recorder section listing (${stamps.length} story "Published" lines, site chrome ${chromeText})`
      : stamps.length === 1 && stamps[0]!.text === 'Published'
        ? `not a wire article: a raw Business Recorder article page (2025 layout with site menus, site chrome ${chromeText}); its "Published⏎Month D, YYYY" date has no time of day`
        : `not a wire article: a raw Business Recorder web page (site chrome ${chromeText})`,
  );
}

interface ArticleHead {
  section?: string;
  headline: string;
  headlineBlock: Block;
  bylineText: string;
  /** The `Published` line as read; for the 2025 form (B2), its stamp is the block after it. */
  published: PublishedLine;
  /** The block the `Published` stamp is on. */
  stampBlock: Block;
  /** The first block of the body. */
  bodyFrom: number;
}

/** Section, headline, byline, Published (B2/B4/C). */
function readHead(blocks: Block[], lead: ArticleLead, lastLine: number): ArticleHead {
  const { next } = lead;
  const head = blocks.slice(next, next + 4);
  let k = head.findIndex((b) => matchPublishedLine(b.text) !== undefined);
  // Line 2 blank after a capture line (no split ticker between): the file has no section (G).
  const noSection = next === 1 && lead.captured && head[0] !== undefined && head[0].line > blocks[0]!.line + 1;
  const expectedAt = noSection ? 1 : 2;
  let published = k === -1 ? undefined : matchPublishedLine(head[k]!.text)!;
  // The `Published` line follows the headline, or the section and the headline. When line 2 is blank
  // the file has no section (G), so a third block before `Published` is not allowed then.
  if (published && published.stamp !== '' && (k > 2 || (k === 2 && noSection))) {
    k = -1;
    published = undefined;
  }
  if (!published) {
    const want = head[Math.min(expectedAt, head.length)];
    if (want) throw new Rejection(want.line, expectedPublished(excerpt(want.text)));
    throw new Rejection(lastLine, expectedPublished('end of file'));
  }
  if (k === 0) throw new Rejection(head[0]!.line, `expected a headline before the "Published" line, found ${excerpt(head[0]!.text)}`);

  let section: string | undefined;
  let headlineBlock: Block;
  let bylineText = published.byline;
  let stampBlock = head[k]!;
  let bodyFrom = next + k + 1;
  if (published.stamp === '') {
    // 2025 article page form (B2): `BR Web Desk⏎Published⏎January 29, 2025`: the stamp is the next
    // block, and the byline may be a block of its own.
    const dateBlock = blocks[next + k + 1];
    if (!dateBlock) throw new Rejection(lastLine, expectedPublished(`${excerpt(head[k]!.text)} and then end of file`));
    stampBlock = dateBlock;
    published = { byline: published.byline, stamp: dateBlock.text };
    bodyFrom++;
    const bylineIndex = published.byline === '' && k >= 2 ? k - 1 : -1;
    if (bylineIndex !== -1) bylineText = head[bylineIndex]!.text;
    const headlineIndex = bylineIndex === -1 ? k - 1 : k - 2;
    headlineBlock = head[headlineIndex]!;
    if (headlineIndex === 1) section = head[0]!.text;
    else if (headlineIndex > 1) throw new Rejection(head[2]!.line, expectedPublished(excerpt(head[2]!.text)));
  } else {
    headlineBlock = head[k - 1]!;
    if (k === 2) section = head[0]!.text;
  }
  const headline = headlineBlock.text;
  // Zero-width and bidi characters alone would make an invisible headline (an empty link in every list).
  if (!hasVisibleText(headline)) {
    throw new Rejection(headlineBlock.line, `expected a headline, found only invisible characters ${excerpt(headline)}`);
  }
  if (section !== undefined && !hasVisibleText(section)) section = undefined;
  const read: ArticleHead = { headline, headlineBlock, bylineText, published, stampBlock, bodyFrom };
  if (section !== undefined) read.section = section;
  return read;
}

/** The `Published` time: a day and a time of day, placed in the zone. */
function readPublished(head: ArticleHead, zone: string): string {
  const { stampBlock } = head;
  const when = parseStamp(head.published.stamp, zone);
  const found = excerpt(stampBlock.text);
  if (!when.ok) {
    if (when.reason === 'relative') {
      throw new Rejection(stampBlock.line, `relative time ${when.detail} cannot be placed in time: ${expectedPublished(found)}`);
    }
    throw new Rejection(stampBlock.line, expectedPublished(found, when.reason === 'invalid' ? ` (${when.detail})` : ''));
  }
  if (!when.hasTime) throw new Rejection(stampBlock.line, expectedPublished(found, ' (the date has no time of day)'));
  return when.iso;
}

/**
 * `Updated` stamps, on the `Published` line or in the body: the first that reads with a time of day is
 * the modified time; one without a time, a relative one and one that does not read are warned about.
 */
function updatedTimes(zone: string, warn: Warn): { take: (stamp: string, line: number) => void; readonly modified: string | undefined } {
  let modified: string | undefined;
  const take = (stamp: string, line: number) => {
    const u = parseStamp(stamp, zone);
    if (u.ok && !u.hasTime) warn(line, `"Updated" date ${JSON.stringify(stamp.trim())} has no time of day; ignored`);
    else if (u.ok) modified ??= u.iso;
    else if (u.reason === 'relative') warn(line, `relative "Updated" time ${u.detail} cannot be placed in time; ignored`);
    else warn(line, `unrecognised "Updated" time ${u.detail}; ignored`);
  };
  return {
    take,
    get modified() {
      return modified;
    },
  };
}

type Candidate = { kind: 'candidate'; text: string; line: number };

function readBody(
  blocks: Block[],
  headline: string,
  takeUpdated: (stamp: string, line: number) => void,
  warn: (line: number, message: string) => void,
): { blocks: BodyBlock[]; dateline?: { place: string; text: string } } {
  const out: (BodyBlock | Candidate)[] = [];
  const furniture: number[] = [];
  let readMore = false;
  for (const b of blocks) {
    const t = b.text;
    if (isPageEnd(t)) {
      warn(b.line, `web-page chrome from ${JSON.stringify(t)} to the end of the file ignored`);
      break;
    }
    if (isFurniture(t) || t.toLowerCase() === headline.toLowerCase()) {
      furniture.push(b.line);
      continue;
    }
    // Dawn's 2025 pages repeat the byline line in the web form: `Reuters Published October 22, 2025  Updated about 16 hours ago`.
    const echo = t.length <= 160 ? matchPublishedLine(t, 60) : undefined;
    if (echo && (parseStamp(echo.stamp, 'UTC').ok || echo.updated !== undefined)) {
      if (echo.updated !== undefined) takeUpdated(echo.updated, b.line);
      furniture.push(b.line);
      continue;
    }
    // A stand-alone `Updated …` stamp; `Updated figures show …` is story text.
    if (/^Updated /.test(t) && t.length <= 100) {
      const stamp = t.slice('Updated '.length);
      const u = parseStamp(stamp, 'UTC');
      if (u.ok || u.reason === 'relative') {
        takeUpdated(stamp, b.line);
        continue;
      }
    }
    if (isReadMoreHeading(t)) {
      readMore = true;
      continue;
    }
    if (isFooter(t)) {
      out.push({ kind: 'footer', text: t, line: b.line });
      continue;
    }
    const credit = captionCredit(t);
    if (credit !== undefined || isHeaderImageCaption(t)) {
      out.push(credit === undefined ? { kind: 'caption', text: t, line: b.line } : { kind: 'caption', text: t, credit, line: b.line });
      continue;
    }
    const also = alsoReadHeadline(t);
    if (also !== undefined) {
      out.push({ kind: 'related', headline: also, line: b.line });
      continue;
    }
    if (readMore && looksLikeRelatedHeadline(t)) {
      out.push({ kind: 'related', headline: t, line: b.line });
      continue;
    }
    readMore = false;
    out.push({ kind: 'candidate', text: t, line: b.line });
  }
  if (furniture.length > 0) warn(furniture[0]!, `web-page furniture ignored (${furniture.length} block${furniture.length === 1 ? '' : 's'})`);

  // The dateline opens the first story paragraph only (D); a dateline-only line is dropped.
  let dateline: { place: string; text: string } | undefined;
  let first = out.findIndex((b) => b.kind === 'candidate');
  if (first !== -1) {
    const c = out[first] as Candidate;
    const d = findDateline(c.text);
    if (d) {
      dateline = { place: d.place, text: d.text };
      if (d.rest === '') {
        out.splice(first, 1);
        first = out.findIndex((b) => b.kind === 'candidate');
      } else c.text = d.rest;
    }
  }
  let last = -1;
  out.forEach((b, i) => {
    if (b.kind === 'candidate') last = i;
  });
  // A related headline stands alone between story paragraphs (E); a run of unpunctuated lines is a
  // list, a table or a scorecard, and a line followed by a lower-case start is a broken sentence.
  const loose = (b: BodyBlock | Candidate | undefined) => b?.kind === 'candidate' && endsUnpunctuated(b.text);
  const result: BodyBlock[] = out.map((b, i) => {
    if (b.kind !== 'candidate') return b;
    const after = out[i + 1];
    const related =
      i !== first &&
      i !== last &&
      looksLikeRelatedHeadline(b.text) &&
      !loose(out[i - 1]) &&
      !loose(after) &&
      !(after?.kind === 'candidate' && /^[a-z]/.test(after.text));
    if (related) return { kind: 'related', headline: b.text, line: b.line };
    return { kind: 'paragraph', text: b.text, line: b.line };
  });
  return dateline ? { blocks: result, dateline } : { blocks: result };
}
