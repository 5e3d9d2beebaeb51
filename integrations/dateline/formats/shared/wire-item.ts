// What every XML wire format (NewsML-G2, NITF, NewsML 1.2) does the same way around its own mapping:
// clean text fields, read times into the item's form with a diagnostic naming the field, gather items
// into a file result (the 1,000-item bound, the "no item could be read" rule), and turn a bug into a
// diagnostic instead of an exception.
import { isIanaZone } from './zone.ts';
import type { Diagnostic, FileParse, ItemParse, SubjectCode, WireFormat } from '../item.ts';
import { blocksFromHtml, cleanInline } from './html-body.ts';
import { parseIsoTime } from './times.ts';
import { child, cleanText, innerMarkup, type XmlElement } from './xml.ts';

/** Items one file may carry; more is a file problem (a runaway export), not a feed. */
export const MAX_ITEMS_PER_FILE = 1_000;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Character references left in text after the XML was read: feeds that escape twice (STT sends
 * `&amp;#39;` and `&amp;quot;`) mean `'` and `"`. Decoded once; the result is still text, never markup.
 */
export function undoDoubleEscape(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos|nbsp);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const usable = code >= 0x20 && code <= 0x10ffff && !(code >= 0x7f && code <= 0x9f) && !(code >= 0xd800 && code <= 0xdfff);
    return usable ? String.fromCodePoint(code) : whole;
  });
}

/** The element with `undoDoubleEscape` applied to its text, for body readers (a copy; the tree is not changed). */
export function withTextUnescaped(el: XmlElement): XmlElement {
  return { ...el, children: el.children.map((c) => (typeof c === 'string' ? undoDoubleEscape(c) : withTextUnescaped(c))) };
}

/** A text field as items keep it: one line, white space collapsed, no controls, double escapes undone. */
export function cleanField(text: string | undefined): string {
  return cleanInline(undoDoubleEscape(text ?? ''));
}

/** Elements whose text is never shown (as for bodies, html-body.ts), wherever they turn up in metadata. */
export const NEVER_TEXT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'textarea',
  'option',
]);

/** The text of an element, without what NEVER_TEXT elements inside it hold, and with `skip`ped children left out. */
export function visibleText(el: XmlElement | undefined, skip: ReadonlySet<string> = NEVER_TEXT): string {
  if (!el) return '';
  return el.children
    .map((c) => (typeof c === 'string' ? c : skip.has(c.name) || NEVER_TEXT.has(c.name.toLowerCase()) ? ' ' : ` ${visibleText(c, skip)} `))
    .join('');
}

/** The text of an element as a field (headline, byline, dateline). */
export function fieldOf(el: XmlElement | undefined): string {
  if (el?.children.every((c) => typeof c === 'string')) return cleanField(cleanText(el));
  return cleanField(visibleText(el))
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/([(])\s+/g, '$1');
}

/**
 * The text of an element that may hold inline markup (a headline with `<span>`, or a hostile
 * `<script>`): read through the body sanitizer, so script and style text never becomes a field.
 */
export function markupFieldOf(el: XmlElement | undefined): string {
  if (!el) return '';
  if (el.children.every((c) => typeof c === 'string')) return fieldOf(el);
  const blocks = blocksFromHtml(innerMarkup(el), { line: el.line });
  return cleanField(blocks.map((b) => ('text' in b ? b.text : b.kind === 'list' ? b.items.join(' ') : '')).join(' '));
}

/** Subjects without repeats (the same code and name given twice). */
export function uniqueSubjects(subjects: SubjectCode[]): SubjectCode[] {
  const seen = new Set<string>();
  return subjects.filter((s) => {
    const k = `${s.code ?? ''}\u0000${s.name ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Keywords as an item keeps them: cleaned, no empty ones, no repeats (case-insensitive), at most 30 of 100 characters. */
export function uniqueKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of keywords) {
    const k = cleanField(raw);
    if (k === '' || k.length > 100 || seen.has(k.toLowerCase())) continue;
    seen.add(k.toLowerCase());
    out.push(k);
    if (out.length === 30) break;
  }
  return out;
}

export function isValidZone(zone: string): boolean {
  return isIanaZone(zone);
}

export type TimeRead = { ok: true; iso: string; ms: number; zoneless: boolean } | { ok: false; diagnostic: Diagnostic };

const HAS_OFFSET = /(?:Z|[+-]\d\d(?::?\d\d)?)$/i;

/** Reads a time value; `what` names the element or attribute for the message (`itemMeta/versionCreated`). */
export function readTime(value: string | undefined, what: string, line: number, timeZone: string): TimeRead {
  const text = (value ?? '').trim();
  const parsed = parseIsoTime(text, timeZone);
  if (!parsed.ok) {
    const found = text === '' ? 'nothing' : JSON.stringify(text.slice(0, 40));
    return { ok: false, diagnostic: { line, message: `${what}: expected an ISO 8601 time (2016-01-04T15:43:34Z), found ${found}` } };
  }
  return { ok: true, iso: parsed.iso, ms: parsed.ms, zoneless: parsed.hasTime && !HAS_OFFSET.test(text) };
}

/** Where an item reader's time diagnostics go, and the zone a time without an offset is read in. */
export interface TimeNotes {
  at: (line: number) => number;
  timeZone: string;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/**
 * An item's time (`published`, `modified`), or undefined: a value that does not read is an error (the
 * item is not published without its time), one without a UTC offset is read in the zone, with a warning.
 */
export function readItemTime(value: string | undefined, what: string, line: number, notes: TimeNotes): Extract<TimeRead, { ok: true }> | undefined {
  const t = readTime(value, what, line, notes.timeZone);
  if (!t.ok) {
    notes.errors.push(t.diagnostic);
    return undefined;
  }
  if (t.zoneless) notes.warnings.push({ line, message: `${what} has no UTC offset: read in ${notes.timeZone}` });
  return t;
}

/** The time in the child element `name` of `parent` (any case), named `<where>/<name>`; undefined when there is none. */
export function readChildTime(parent: XmlElement | undefined, where: string, name: string, notes: TimeNotes): Extract<TimeRead, { ok: true }> | undefined {
  const el = child(parent, name, { ci: true });
  if (!el) return undefined;
  return readItemTime(fieldOf(el), `${where}/${name}`, notes.at(el.line), notes);
}

/** Keeps every diagnostic line inside the file. */
export function lineClamp(lastLine: number): (line: number) => number {
  return (line) => Math.max(1, Math.min(Number.isFinite(line) ? Math.floor(line) : 1, lastLine));
}

/**
 * The file result from its items. A file none of whose items could be read is a rejected file (its
 * errors are the items' errors, each at its item's line), as the item contract asks: no usable item.
 */
export function fileResult(format: WireFormat, items: ItemParse[], warnings: Diagnostic[], noItems: Diagnostic): FileParse {
  const itemWarnings = items.flatMap((i) => i.warnings);
  if (items.length === 0) return { format, items: [], errors: [noItems], warnings };
  if (items.every((i) => !i.ok)) {
    const several = items.length > 1;
    const errors = items.flatMap((i) => (i.ok ? [] : i.errors.map((e) => (several ? { line: e.line, message: `item at line ${i.line}: ${e.message}` } : e))));
    return { format, items: [], errors, warnings: [...warnings, ...itemWarnings] };
  }
  return { format, items, errors: [], warnings };
}

/** Runs a parser body; a bug becomes a file error at line 1 instead of an exception (sites are built from these). */
export function guarded(format: WireFormat, run: () => FileParse): FileParse {
  try {
    return run();
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { format, items: [], errors: [{ line: 1, message: `internal parser error: ${cleanField(what).slice(0, 300)}` }], warnings: [] };
  }
}
