// Types of the wire-text parser's output. The parser is pure (no Astro, no file system): text or bytes
// in, a typed article or diagnostics with 1-based line numbers (of the original file) out. The blocks,
// bylines and quotes are those of the one article model (../item.ts).

import type { BodyBlock, BylinePart, Diagnostic, MarketQuote } from '../item.ts';

export type { BodyBlock, BylinePart, Diagnostic, MarketQuote };

export interface WireArticle {
  /** Day the page was captured (`date 2023-08-07`), YYYY-MM-DD. Not the publication date. */
  captureDate?: string;
  quotes: MarketQuote[];
  /** Section as written in the file; undefined when the file has none (callers apply a default). */
  section?: string;
  headline: string;
  /** Line of the headline in the file. */
  headlineLine: number;
  /** Byline as written (before `Published`), e.g. `AFP | Reuters`; '' when absent. */
  bylineText: string;
  byline: BylinePart[];
  /** Publication instant in the configured zone, ISO 8601 with offset: `2023-08-07T21:26:00+05:00`. */
  published: string;
  /** Modification instant from an `Updated …` stamp, same form; undefined when none. */
  modified?: string;
  /** Place the story was filed from, e.g. `BEIJING`, `FAIRFAX (Virginia)`, `ISLAMABAD`. */
  dateline?: string;
  /** The whole dateline prefix as printed and removed from the first paragraph, e.g. `ISLAMABAD, Jan 1 (APP):`. */
  datelineText?: string;
  /** Body blocks; the first paragraph no longer starts with the dateline. At least one paragraph. */
  body: BodyBlock[];
}

export type ParseResult = { ok: true; article: WireArticle; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

export interface ParseOptions {
  /** IANA zone the wire times are written in (default `Asia/Karachi`). */
  timeZone?: string;
  /** Longest line accepted, in characters (default 100,000); longer lines reject the file. */
  maxLineLength?: number;
}
