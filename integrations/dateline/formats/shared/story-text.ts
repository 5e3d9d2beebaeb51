// The printed parts of a wire story that agencies put inside the text rather than in metadata, read the
// same way whatever XML format carries them: the dateline opening the first paragraph
// (`NEW YORK (AP) —`, `Tegucigalpa, Jan 2 (EFE).-`, `(ANSA) - Rome, October 11 -`), a byline paragraph
// (`By Toby Davis`), Reuters' correction note (`(In Jan. 3 story, corrects …)`), Reuters' headline marks
// (`CORRECTED-`, `UPDATE 2-`), and editors' initials or end marks closing it (`hh/ph/ts/hd`, `ends`).
import type { BodyBlock, BylinePart } from '../item.ts';
import { isAgency, parseByline } from './byline.ts';

// biome-ignore format: a word list packed by hand, many to a line (the formatter would put one a line)
const MONTH_WORDS = new Set(
  [
    // English, French, German, Spanish, Italian, with the agencies' abbreviations.
    'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'january', 'february',
    'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'janv', 'févr', 'fevr',
    'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'aout', 'déc', 'janvier', 'février', 'fevrier', 'avril', 'juillet',
    'septembre', 'octobre', 'novembre', 'décembre', 'decembre', 'januar', 'jän', 'februar', 'märz', 'maerz', 'juni',
    'juli', 'oktober', 'dezember', 'ene', 'abr', 'ago', 'dic', 'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio',
    'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre', 'gen', 'mag', 'giu', 'lug', 'set',
    'ott', 'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  ],
);
const WEEKDAY_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'today',
  'yesterday',
  'tonight',
]);

/** Whether a comma-separated part of a dateline is a date (`Aug 29`, `10 juil 2024`, `2014`, `Monday`). */
function isDatePart(part: string): boolean {
  const words = part
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/\.$/, ''));
  if (words.length === 0 || words[0] === '' || words.length > 4) return false;
  return words.every((w) => /^\d{1,4}(?:st|nd|rd|th)?$/.test(w) || MONTH_WORDS.has(w) || WEEKDAY_WORDS.has(w));
}

/**
 * The place in a dateline as printed or as a metadata field: `FORT WASHINGTON, Pa.` stays whole,
 * `STOCKHOLM, Aug 29, 2014 (AFP) -` gives `STOCKHOLM`, `London (dpa) -` gives `London`, `Jan 3` or a
 * time stamp (Reuters' `2018-01-03 20:13:08 GMT+00:00`) give nothing.
 */
export function datelinePlace(text: string): string | undefined {
  let t = text
    .replace(/\([^()]{1,40}\)\s*(?:\.?[-–—_]+|:)?\s*$/, '')
    .replace(/\s*(?:\.?[-–—_]+|:)\s*$/, '')
    .trim();
  if (/^\d{4}-\d\d-\d\d/.test(t) || /\d\d:\d\d/.test(t)) return undefined;
  const parts = t.split(/\s*,\s*/);
  while (parts.length && isDatePart(parts.at(-1)!)) parts.pop();
  t = parts.join(', ').trim();
  if (t === '' || t.length > 60 || !/^\p{L}/u.test(t)) return undefined;
  return t;
}

/** A place as agencies print it: capitalised words (`NEW YORK`, `London`, `Fort Washington, Pa.`). */
function isPlaceLike(text: string): boolean {
  const words = text.split(/[\s,]+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 7 &&
    words.every((w) => /^[\p{Lu}\d(][\p{L}\p{M}\d.'’()-]*$/u.test(w) || /^(?:de|del|la|le|am|an|im|on|upon|sur|al|el|di|da)$/.test(w))
  );
}

export interface PrintedDateline {
  /** The dateline as printed, trimmed (`NEW YORK (AP) —`). */
  text: string;
  /** The place, when the dateline names one. */
  place?: string;
  /** What is left of the paragraph. */
  rest: string;
}

// `PLACE[, DATE] (AGENCY) -` with the dashes agencies use: `-`, `–`, `—`, AP's teletype `_`, EFE's `.-`,
// and a colon. The prefix may be empty (`(Sports Network) - …`).
const AGENCY_DATELINE = /^([^()\n]{0,80}?)\s*\(([^()\n]{1,40})\)\s*(\.?[-–—_]+|:)\s*/u;
// ANSA: `(ANSA) - Rome, October 11 - …`: the place and date follow the agency.
const TRAILING_PLACE = /^([^,()\n]{1,40}),\s*([^,()\n]{3,30}?)\s+[-–—]\s+/u;

/**
 * Splits the printed dateline off the start of a first paragraph. `agencies` are extra names the item
 * itself gives as its source (provider, credit line), accepted in the brackets like known agencies.
 */
export function splitPrintedDateline(paragraph: string, agencies: readonly string[] = []): PrintedDateline | undefined {
  const m = AGENCY_DATELINE.exec(paragraph.slice(0, 200));
  if (!m) return undefined;
  const [whole, rawPrefix, agency] = m;
  const prefix = rawPrefix!.trim();
  const known = isAgency(agency!) || agencies.some((a) => a.trim().toLowerCase() === agency!.trim().toLowerCase());
  const parts = prefix === '' ? [] : prefix.split(/\s*,\s*/);
  const dateOnly = parts.length > 0 && parts.every(isDatePart);
  const caps = prefix !== '' && prefix === prefix.toUpperCase() && /\p{Lu}/u.test(prefix);
  if (prefix !== '' && !isPlaceLike(prefix) && !dateOnly) return undefined;
  if (!(known || prefix === '' || dateOnly || caps)) return undefined;
  let length = whole!.length;
  let place = prefix === '' ? undefined : datelinePlace(prefix);
  if (prefix === '') {
    const t = TRAILING_PLACE.exec(paragraph.slice(length, length + 120));
    if (t && isDatePart(t[2]!) && isPlaceLike(t[1]!)) {
      place = t[1]!.trim();
      length += t[0].length;
    }
  }
  const rest = paragraph.slice(length).trim();
  if (rest === '' && prefix === '') return undefined;
  return { text: paragraph.slice(0, length).trim(), ...(place ? { place } : {}), rest };
}

const BYLINE_WORD = /^(?:By|BY|Von|VON|Par|PAR|Por|POR|Di|Av)\s+/u;

/** A paragraph that is only a byline (`By Toby Davis`, `By Jonathan Underhill`), else undefined. */
export function bylineParagraph(text: string): string | undefined {
  if (!BYLINE_WORD.test(text) || text.length > 100) return undefined;
  const names = text.replace(BYLINE_WORD, '');
  const words = names.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10 || /[.!?:;]$/.test(text) || !/^\p{Lu}/u.test(names)) return undefined;
  return text;
}

/** Editors' initials signing off a story (AFP `hh/ph/ts/hd`, EFE `gr/bp`): not story text, not a byline. */
export function isInitialsSignOff(text: string): boolean {
  return /^[a-z]{1,4}(?:\/[a-z]{1,4}){1,7}$/.test(text.trim());
}

/**
 * Byline parts from a byline as written: `By`/`Von` dropped, names split on `|`, `/`, commas and `and`
 * (`Von Andrej Sokolow, dpa` → a person and an agency; `Geir Molnes / Faktisk.no` → two parts).
 */
export function bylineParts(text: string): BylinePart[] {
  const split = text
    .replace(BYLINE_WORD, '')
    .split(/\s*(?:\||\/|,|;|\band\b|\bund\b|\bet\b|\by\b|&)\s*/u)
    .map((p) => p.replace(BYLINE_WORD, '').trim())
    .filter((p) => p !== '');
  return parseByline(split.join(' | '));
}

/** Reuters' marks at the start of a headline, which are not part of it (`CORRECTED-`, `REFILE-`, `UPDATE 2-`). */
const HEADLINE_MARKS = /^(?:(?:CORRECTED|CORRECTION|REFILE|RPT|UPDATE ?\d{0,2})\s?-\s?)+/u;

export function stripHeadlineMarks(headline: string): { headline: string; corrected: boolean } {
  const m = HEADLINE_MARKS.exec(headline);
  if (!m || m[0].length === headline.length) return { headline, corrected: false };
  return { headline: headline.slice(m[0].length).trim(), corrected: /CORRECT/.test(m[0]) };
}

/** Reuters' public note opening a corrected story: `(In Jan. 3 story, corrects last paragraph …)`. */
export function correctionNote(text: string): string | undefined {
  const m = /^\((?=[^()]*\bcorrect)([^()]{10,600})\)$/i.exec(text.trim());
  return m ? m[1]!.trim() : undefined;
}

/** Body text that is markup shown as text (an embed code for editors' systems, NTB/Faktisk), not story text. */
export function isMarkupAsText(text: string): boolean {
  return /^<[a-z][\s\S]*>$/i.test(text) && /<\/[a-z]+\s*>|\/>/i.test(text);
}

/** End-of-story marks (PA's `ends`, `-30-`, `###`): transmission marks, not text. */
const END_MARK = /^(?:ends?|END|ENDS|-30-|###|-0-)$/;

export interface StoryTextOptions {
  headline: string;
  /** Names the item gives as its source, for recognising the dateline's agency. */
  agencies: readonly string[];
  /** Whether this version is a correction (a correction note may then open the body). */
  correction: boolean;
  /** False when the dateline was found in markup already (dpa's `span.dateline`). */
  findDateline?: boolean;
}

export interface StoryText {
  body: BodyBlock[];
  byline?: string;
  dateline?: PrintedDateline;
  correctionNote?: string;
  /** Paragraphs dropped as markup shown as text, for a warning. */
  droppedMarkup: number[];
}

/**
 * The printed parts taken out of a body: a byline paragraph and a correction note at the start, the
 * dateline opening the first paragraph, initials at the end, subheads repeating the headline, and
 * embed codes (with the subhead introducing them).
 */
export function takePrintedParts(blocks: BodyBlock[], options: StoryTextOptions): StoryText {
  const body = [...blocks];
  const out: StoryText = { body, droppedMarkup: [] };
  const headline = options.headline.toLowerCase();
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b.kind === 'subhead' && b.text.toLowerCase() === headline) body.splice(i--, 1);
    else if (b.kind === 'paragraph' && isMarkupAsText(b.text)) {
      out.droppedMarkup.push(b.line);
      body.splice(i--, 1);
      if (i >= 0 && body[i]!.kind === 'subhead') body.splice(i--, 1);
    }
  }
  const first = () => body.findIndex((b) => b.kind === 'paragraph');
  let at = first();
  if (at !== -1) {
    const byline = bylineParagraph((body[at] as { text: string }).text);
    if (byline) {
      out.byline = byline;
      body.splice(at, 1);
      at = first();
    }
  }
  if (at !== -1 && options.correction) {
    const note = correctionNote((body[at] as { text: string }).text);
    if (note) {
      out.correctionNote = note;
      body.splice(at, 1);
      at = first();
    }
  }
  if (at !== -1 && options.findDateline !== false) {
    const block = body[at] as Extract<BodyBlock, { kind: 'paragraph' }>;
    const dateline = splitPrintedDateline(block.text, options.agencies);
    if (dateline) {
      out.dateline = dateline;
      if (dateline.rest === '') body.splice(at, 1);
      else body[at] = { ...block, text: dateline.rest };
    }
  }
  for (let last = body.at(-1); last && last.kind === 'paragraph' && (isInitialsSignOff(last.text) || END_MARK.test(last.text)); last = body.at(-1)) body.pop();
  return out;
}

/**
 * The byline an item shows. A byline printed as the story's first paragraph is what readers were meant
 * to see, so it wins over metadata; agencies named only in the metadata (`Reuters` as creator) are
 * added to it (`By Toby Davis | Reuters`).
 */
export function combineBylines(printed: string | undefined, structured: string | undefined): string {
  if (!printed) return structured ?? '';
  const named = printed.toLowerCase();
  const agencies = bylineParts(structured ?? '')
    .filter((p) => p.kind === 'agency' && !named.includes(p.name.toLowerCase()))
    .map((p) => p.name);
  return [printed, ...agencies].join(' | ');
}
