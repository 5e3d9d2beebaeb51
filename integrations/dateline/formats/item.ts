// The one article model every wire format is read into. A format's parser turns the bytes of one file
// into zero or more items (a NewsML-G2 newsMessage or a ninjs feed carries several), each with what it
// says about itself: identity and version, status, times, text and subject codes. Decisions that need
// more than one file (which version wins, where a story lives, its section) are made in ../stories/.
//
// Every parser is pure: bytes and options in, items or diagnostics with 1-based line numbers of the
// original file out. No Astro, no file system, no clock.
import type { WirePicture } from './picture.ts';

/** A problem found in a wire file. `line` is 1-based and always inside the file (1 for an empty file). */
export interface Diagnostic {
  line: number;
  message: string;
}

export type WireFormat = 'text' | 'iptc7901' | 'anpa1312' | 'newsml-g2' | 'nitf' | 'newsml-1.2' | 'ninjs';

/** Names for messages and the report. */
export const FORMAT_NAMES: Record<WireFormat, string> = {
  text: 'wire text',
  iptc7901: 'IPTC 7901',
  anpa1312: 'ANPA 1312',
  'newsml-g2': 'NewsML-G2',
  nitf: 'NITF',
  'newsml-1.2': 'NewsML 1.2',
  ninjs: 'ninjs',
};

/** One part of a byline: an agency (organisation), a named person, or a desk. */
export interface BylinePart {
  name: string;
  kind: 'agency' | 'person' | 'desk';
}

/** The stock-ticker widget of the wire text (`BAFL 41.78 Decreased By ▼ -0.11 (-0.26%)`). */
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

/**
 * A block of the story body, in order. Text only: inline markup (bold, links) is not kept, so no
 * markup from a wire file can reach a page; the theme escapes every text once.
 */
export type BodyBlock =
  | { kind: 'paragraph'; text: string; line: number }
  /** A subheading inside the story (NITF `hl2`, XHTML `h2`–`h6`, a teletype crosshead). */
  | { kind: 'subhead'; text: string; line: number }
  | { kind: 'list'; ordered: boolean; items: string[]; line: number }
  /** A block quotation (XHTML `blockquote`, NITF `bq`), with its attribution when given. */
  | { kind: 'quote'; text: string; cite?: string; line: number }
  /** A related-story headline captured inline (short, unpunctuated; or `Also read: …`). */
  | { kind: 'related'; headline: string; line: number }
  /** A photo caption; `credit` is the photographer or agency (`Reuters/File`). */
  | { kind: 'caption'; text: string; credit?: string; line: number }
  /** A print footer (`Published in Dawn, January 1st, 2025`). */
  | { kind: 'footer'; text: string; line: number }
  /** An inline picture where the wire placed it: `picture` indexes the item's `pictures`. */
  | { kind: 'picture'; picture: number; line: number };

/**
 * Who a story is across its versions. `key` groups the versions of one story: a NewsML-G2 `guid`, a
 * ninjs `uri`, a NITF `doc-id` (`id:…`, the same key whatever format carries it); an ANPA or IPTC 7901
 * slug keyword with its sender (`slug:…`); the wire text's headline and `Published` time (`text:…`).
 */
export interface ItemIdentity {
  key: string;
  /**
   * Version number as delivered (NewsML-G2 and ninjs `version`, a teletype writethru or lead number:
   * `2nd Ld-Writethru` is 2). Versions are ordered by this, then by `versionCreated`.
   */
  version?: number;
}

/** A subject, genre or category code an item carries, for the section map. */
export interface SubjectCode {
  /** Qualified code as written: `medtop:04000000`, `subj:15000000`, `N2:US`, `anpa:s`, `iptc7901:SPO`. */
  code?: string;
  /** Human name, when the item gives one (`Business`, `economy, business and finance`). */
  name?: string;
}

export interface WireItem {
  format: WireFormat;
  /** 1-based line where the item starts in its file (1 for a file of one item). */
  line: number;
  identity: ItemIdentity;
  /**
   * `usable`: publish. `canceled` / `withheld`: a kill or withdrawal: the story must appear nowhere
   * (NewsML-G2 `stat:canceled`, ninjs `pubstatus`, NITF `management-status`, a teletype KILL advisory).
   */
  status: 'usable' | 'canceled' | 'withheld';
  /** This version corrects an earlier one (NewsML-G2 `edStat:C`, a `CORRECTED-` mark, ninjs corrections). */
  correction?: {
    /** A public note on what was corrected, when the item gives one. */
    note?: string;
  };
  /** Publication is forbidden before this instant (ISO 8601 with offset). */
  embargoedUntil?: string;
  /**
   * When the story was first created (NewsML-G2 / ninjs `firstCreated`), else this version's own time,
   * else the teletype trailer's: the story's publication time is taken from its first version.
   * ISO 8601 with offset, in the configured zone.
   */
  published: string;
  /** When this version was made (`versionCreated`, an `Updated` stamp), when later than `published`. */
  modified?: string;

  headline: string;
  /** Line of the headline in the file. */
  headlineLine: number;
  subheadline?: string;
  /** Byline as written (`AFP | Reuters`, `By CHARLES ODUM`), '' when absent. */
  bylineText: string;
  byline: BylinePart[];
  /** Place the story was filed from (`BEIJING`, `FAIRFAX (Virginia)`). */
  dateline?: string;
  /** The whole dateline as printed at the start of the first paragraph (`ISLAMABAD, Jan 1 (APP):`). */
  datelineText?: string;
  /** BCP 47 language of the item (`en`, `de`, `ur`), when the item says; else the site's. */
  language?: string;
  /**
   * How urgent the agency says the story is, on IPTC's scale: 1 most urgent (a flash) … 9 least
   * (routine copy is 4 or 5). NewsML-G2 and ninjs `urgency`, NITF `urgency ed-urg` and NewsML 1.2
   * `Urgency` are on it already; the teletype formats' priorities are mapped to it (./urgency.ts).
   * Absent: the item gives none.
   */
  urgency?: number;
  /** Section as the wire names it (the wire text's section line); mapped sections come from `subjects`. */
  section?: string;
  /** Subject, genre, service and category codes, in the item's order (the section map reads them). */
  subjects: SubjectCode[];
  /**
   * The item's keywords, as the agency wrote them (NITF `key-list`, NewsML-G2 `keyword`, ninjs
   * `keywords`), in order, without repeats. Absent: none.
   */
  keywords?: string[];
  /** Body blocks; the first paragraph no longer starts with the dateline. At least one paragraph. */
  body: BodyBlock[];
  /** Market quotes (the wire text's ticker); [] for other formats. */
  quotes: MarketQuote[];
  /**
   * Pictures that come with the story (./picture.ts), in the wire's order: the lead first when there
   * is one; inline ones are also named by a `picture` body block at their place. Absent: none.
   */
  pictures?: WirePicture[];
}

/** One item of a file: parsed, or rejected on its own (the file's other items still count). */
export type ItemParse = { ok: true; item: WireItem; warnings: Diagnostic[] } | { ok: false; line: number; errors: Diagnostic[]; warnings: Diagnostic[] };

/** What a parser made of one file. `errors` non-empty: the whole file is rejected (no items). */
export interface FileParse {
  format: WireFormat;
  items: ItemParse[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export interface FormatOptions {
  /** IANA zone for times that carry no offset (and the zone items are stored in). */
  timeZone: string;
  /** Longest line accepted, in characters (default 100,000). */
  maxLineLength?: number;
  /**
   * The file's own "now" (its modification time, epoch ms): a teletype trailer without a year is placed
   * in the latest year that does not put the item after it.
   */
  fileTime?: number;
}
