// Types of the wire parser's output. The parser is pure (no Astro, no file system): text or bytes in,
// a typed article or diagnostics with 1-based line numbers (of the original file) out.

/** A problem found in a wire file. `line` is 1-based and always inside the file (1 for an empty file). */
export interface Diagnostic {
  line: number;
  message: string;
}

/** The stock-ticker widget captured with the page (`BAFL 41.78 Decreased By ▼ -0.11 (-0.26%)`). */
export interface MarketQuote {
  symbol: string;
  price: number;
  /** `up` for "Increased By"/▲, `down` for "Decreased By"/▼, `none` when neither is given. */
  direction: 'up' | 'down' | 'none';
  /** Signed change as printed, e.g. -0.11. */
  change: number;
  /** Signed percent change as printed, e.g. -0.26. */
  percent: number;
  line: number;
}

/** One part of a byline split on ` | `: an agency (organisation), a named person, or a desk. */
export interface BylinePart {
  name: string;
  kind: 'agency' | 'person' | 'desk';
}

/** A block of the article body, in file order. */
export type BodyBlock =
  | { kind: 'paragraph'; text: string; line: number }
  /** A related-story headline captured inline (short, unpunctuated; or `Also read: …`). */
  | { kind: 'related'; headline: string; line: number }
  /** A photo caption (`… — Reuters/File`); `credit` is the part after the dash. */
  | { kind: 'caption'; text: string; credit?: string; line: number }
  /** A print footer (`Published in Dawn, January 1st, 2025`). */
  | { kind: 'footer'; text: string; line: number };

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

export type ParseResult =
  | { ok: true; article: WireArticle; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

export interface ParseOptions {
  /** IANA zone the wire times are written in (default `Asia/Karachi`). */
  timeZone?: string;
  /** Longest line accepted, in characters (default 100,000); longer lines reject the file. */
  maxLineLength?: number;
}
