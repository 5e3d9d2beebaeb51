// Shared by the tests of the XML formats (NewsML-G2, NITF, NewsML 1.2): the invariants every parse must
// keep, and small helpers to build and inspect files.
import type { FileParse, WireItem } from '../../../integrations/dateline/formats/item.ts';
import { decodeBytes, lineCount } from '../../../integrations/dateline/formats/shared/decode.ts';

export const enc = (text: string) => new TextEncoder().encode(text);

/** The 1-based line of the first occurrence of `marker` in `text` (throws when absent: a broken fixture). */
export function lineOf(text: string, marker: string, from = 0): number {
  const at = text.indexOf(marker, from);
  if (at === -1) throw new Error(`fixture has no ${JSON.stringify(marker)}`);
  return text.slice(0, at).split('\n').length;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
/** Characters no output string may hold: controls (C0, C1, DEL), line ends, tabs, BOM, U+FFFD, soft hyphen. */
export const BAD_OUTPUT = /[\u0000-\u001F\u007F-\u009F\uFFFD\uFEFF\u00AD]/;

export function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** Every output string of the parse (items, diagnostics aside). */
export function outputText(result: FileParse): string {
  return strings(result.items.map((i) => (i.ok ? i.item : null))).join('\n');
}

/**
 * Checks the contract of a file parse; throws (with what is wrong) on the first breach. Returns the
 * parsed items for further assertions.
 */
export function checkParse(result: FileParse, bytes: Uint8Array): WireItem[] {
  const lines = lineCount(decodeBytes(bytes).text);
  const diagnostics = [...result.errors, ...result.warnings, ...result.items.flatMap((i) => [...(i.ok ? [] : i.errors), ...i.warnings])];
  for (const d of diagnostics) {
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines) throw new Error(`line ${d.line} outside 1..${lines}: ${d.message}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') throw new Error('empty message');
    if (d.message.startsWith('internal parser error')) throw new Error(d.message);
  }
  if (result.errors.length > 0 && result.items.length > 0) throw new Error('a rejected file with items');
  if (result.errors.length === 0 && result.items.length === 0) throw new Error('neither items nor errors');
  if (result.items.length > 0 && result.items.every((i) => !i.ok)) throw new Error('a file of rejected items only must be a rejected file');
  for (const i of result.items) {
    if (!Number.isInteger(i.ok ? i.item.line : i.line)) throw new Error('item without a line');
    if (!i.ok) {
      if (i.errors.length === 0) throw new Error('rejected item without an error');
      continue;
    }
    const item = i.item;
    if (!ISO.test(item.published)) throw new Error(`published ${item.published}`);
    if (item.modified !== undefined && (!ISO.test(item.modified) || Date.parse(item.modified) <= Date.parse(item.published))) {
      throw new Error(`modified ${item.modified} not after published ${item.published}`);
    }
    if (item.embargoedUntil !== undefined && !ISO.test(item.embargoedUntil)) throw new Error(`embargo ${item.embargoedUntil}`);
    if (!item.identity.key.includes(':') || item.identity.key.length < 4) throw new Error(`identity ${item.identity.key}`);
    if (item.identity.version !== undefined && !Number.isSafeInteger(item.identity.version)) throw new Error('version');
    if (item.status === 'usable') {
      if (item.headline === '') throw new Error('usable item without a headline');
      if (!item.body.some((b) => b.kind === 'paragraph')) throw new Error('usable item without a paragraph');
    }
    if (item.headlineLine < 1 || item.headlineLine > lines) throw new Error(`headline line ${item.headlineLine}`);
    for (const b of item.body) if (b.line < 1 || b.line > lines) throw new Error(`block line ${b.line} outside 1..${lines}`);
    for (const s of strings(item)) {
      if (BAD_OUTPUT.test(s)) throw new Error(`bad character in ${JSON.stringify(s.slice(0, 80))}`);
      if (s !== s.trim() || /\s{2}/.test(s)) throw new Error(`white space not collapsed in ${JSON.stringify(s.slice(0, 80))}`);
    }
    if (item.quotes.length !== 0) throw new Error('quotes from an XML format');
    checkPictures(item, lines);
  }
  return result.items.flatMap((i) => (i.ok ? [i.item] : []));
}

/**
 * The picture contract (formats/picture.ts, every format): absent rather than empty; only the first may
 * be the lead; lines inside the file; renditions with an href and whole positive sizes; times ISO with
 * offset; a point of interest in 0–1; each `picture` block names an existing inline picture, once.
 */
export function checkPictures(item: WireItem, lines: number): void {
  const pictures = item.pictures;
  if (pictures === undefined) {
    if (item.body.some((b) => b.kind === 'picture')) throw new Error('a picture block without pictures');
    return;
  }
  if (pictures.length === 0) throw new Error('pictures present but empty');
  const placed = new Set<number>();
  for (const b of item.body) {
    if (b.kind !== 'picture') continue;
    const p = pictures[b.picture];
    if (!p) throw new Error(`picture block ${b.picture} of ${pictures.length}`);
    if (p.role !== 'inline') throw new Error('a picture block names the lead');
    if (placed.has(b.picture)) throw new Error(`picture ${b.picture} placed twice`);
    placed.add(b.picture);
  }
  pictures.forEach((p, i) => {
    if (p.role === 'lead' && i !== 0) throw new Error(`lead picture at ${i}`);
    if (!Number.isInteger(p.line) || p.line < 1 || p.line > lines) throw new Error(`picture line ${p.line} outside 1..${lines}`);
    if (!['usable', 'canceled', 'withheld'].includes(p.status)) throw new Error(`picture status ${p.status}`);
    if (p.embargoedUntil !== undefined && !ISO.test(p.embargoedUntil)) throw new Error(`picture embargo ${p.embargoedUntil}`);
    if (p.poi && !(p.poi.x >= 0 && p.poi.x <= 1 && p.poi.y >= 0 && p.poi.y <= 1)) throw new Error(`poi ${JSON.stringify(p.poi)}`);
    for (const r of p.renditions) {
      if (r.href === '' || /^(?:data|javascript):/i.test(r.href)) throw new Error(`rendition href ${r.href.slice(0, 40)}`);
      for (const n of [r.width, r.height, r.sizeBytes]) if (n !== undefined && !(Number.isSafeInteger(n) && n > 0)) throw new Error(`rendition size ${n}`);
    }
  });
}

/** The one parsed item of a file (fails the test when there is not exactly one). */
export function onlyItem(result: FileParse, bytes: Uint8Array): WireItem {
  const items = checkParse(result, bytes);
  if (result.errors.length) throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
  if (items.length !== 1 || result.items.length !== 1) throw new Error(`expected one item, got ${result.items.length}`);
  return items[0]!;
}

export const firstParagraph = (item: WireItem) => (item.body.find((b) => b.kind === 'paragraph') as { text: string } | undefined)?.text ?? '';

/** Windows-1252 / Latin-1 bytes of a text (every character must be in Latin-1). */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code > 0xff) throw new Error(`not Latin-1: ${c}`);
      return code;
    }),
  );
}

/** UTF-16 bytes with a byte-order mark. */
export function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = endian === 'le' ? c & 0xff : c >> 8;
    out[3 + i * 2] = endian === 'le' ? c >> 8 : c & 0xff;
  }
  return out;
}
