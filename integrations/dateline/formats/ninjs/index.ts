// ninjs (IPTC News in JSON), generations 1.x, 2.x and 3.x, and the wrappers real feeds put around it:
// bytes of one file in, its items or diagnostics with 1-based lines out. Pure: no file system, no
// clock, no machine time zone. Never throws.
//
// Mapping decisions (the schemas are in ../shared/wire-samples/ninjs/schema/):
// - Shapes: one ninjs object; AP Media API `{"data": {"item"}}` and `{"data": {"items": [{"item"}]}}`;
//   `{"item": [...]}` (BBC/superdesk), `{"items": [...]}`, superdesk's `{"_items": [...]}`; a bare
//   array. A file with one item reports it at line 1; a feed's items are at their own lines.
//   More than 1,000 items: the file is rejected. A JSON Schema (`$schema` naming json-schema.org) is
//   refused as "a JSON Schema, not a news item".
// - In a file of one item, that item's problems are the file's errors (no items); in a feed each item
//   has its own result and the others go on.
// - Generation: declared (`standard`, `$standard`, `$schema`) or told by the fields (camelCase → 3,
//   `headlines`/`bodies` → 2, else 1); every reader accepts every spelling, the generation only
//   decides which wins when both are present (generation.ts).
// - Skipped with a warning, not an error (no story to publish): `type` picture, video, audio, graphic,
//   event, planning; a composite or component without text of its own (a composite WITH inline text,
//   like IPTC's text-photo example, is read as a story; associations are never read as items); an AP
//   item whose `signals` lack `newscontent` (AP: an advisory or daybook, not for publication). Other
//   types (`text`, superdesk's `story`, `advisory`, `preformatted`, none) are read as text. A file whose
//   only items are skipped is rejected, saying why.
// - Identity (identity.ts): `id:` + `uri`, else `guid` (superdesk), else `altids.itemid` (AP). AP Media
//   API uris lose their per-request `qt` and per-version `et` query parameters (otherwise every version
//   and every download has another uri). No identifier at all: `ninjs:<published>:<headline>` with a
//   warning. `version`: string or number, a whole number ≥ 0 (AP starts at 0); anything else
//   (`"2a"`, `2.5`, 1e999) is left unset with a warning.
// - Status and correction: see status.ts (pubstatus; correction from a `correction` member, signals,
//   AP `editorialtypes`, and upper-case `CORRECTED-`/`CORRECTION:` headline marks, which are removed).
//   `ednote` is never read. An unknown pubstatus rejects the item (never published on a guess).
// - Times (times.ts): `published` = firstcreated, else versioncreated; `modified` = versioncreated when
//   later; `embargoedUntil` = `embargoed` / `embargoedUntil` when a time. A missing or unreadable time
//   rejects the item, naming the field; `embargoed: true` (no time) rejects it; AP's pubstatus
//   `embargoed` without a time rejects it. A kill or withdrawal without any time takes the file's
//   time (`options.fileTime`) with a warning, so that it still takes effect.
// - Headline (headline.ts): `headline`, else `headlines[]` role main, else `title` with a warning.
//   Headlines, bylines, places and notes go through the sanitizer: markup and scripts are gone.
// - Body (body.ts): HTML/XHTML, else embedded NITF, else plain text; descriptions are never the body.
//   An item whose body is only linked (AP's `renditions.nitf.href`) is rejected, saying so.
//   A usable item needs a paragraph; a kill or withdrawal may have none (and may lack a headline).
// - Dateline: `located` is the place; a printed `PLACE (AGENCY) —` opening the first paragraph is
//   taken off it into `datelineText` (dateline.ts), and gives the place when `located` is absent.
// - Byline (byline.ts): `byline` / `by` / AP `bylines[].by` / superdesk `authors[]` (editors left
//   out), as written; agencies become organisations.
// - Subjects (subjects.ts): subject(s), genre(s), service; IPTC codes qualified (`medtop:`, `subj:`,
//   `genre:`), bare 8-digit codes are `subj:` below 20000000 and `medtop:` from it, superdesk's
//   `service` and AP's `category` codes are `anpa:`. Places, people and organisations are not read.
// - Encoding: JSON is UTF-8 (RFC 8259 §8.1); other bytes are read as Windows-1252 with a warning, a
//   UTF-16 byte-order mark is honoured (shared/decode.ts).
// - Pictures (pictures.ts, renditions.ts): picture `associations` become the item's `pictures`, the one
//   keyed or named feature/main/lead (else the first) as the lead; the others are inline pictures the
//   body does not place. A caption block of the body that repeats a picture's caption is left out.
// - Not read: `ednote`/`edNote` (for the desk), `description_*`/`descriptions` (summaries), the item's
//   own `usageterms` and copyright notices, places/people/organisations, other associations (video,
//   audio, text), superdesk's `extra` and `firstpublished` (`published` is firstcreated, as for every format).
// - Lines: JSON.parse keeps no positions, so positions.ts records the line of every member and element
//   in one pass (arrayElementLines in shared/json.ts finds the first array after a key's first textual
//   occurrence, which cannot tell `data.items[i].item` from an `"item"` key elsewhere).
// - `options.maxLineLength` is not applied: ninjs is often delivered minified on a single line, and
//   nothing here works line by line (the 1,000-item cap bounds the work).
import type { Diagnostic, FileParse, FormatOptions, ItemParse } from '../item.ts';
import { decodeBytes, lineCount } from '../shared/decode.ts';
import { parseJson } from '../shared/json.ts';
import { isoInZone } from '../shared/times.ts';
import { isIanaZone as isValidZone } from '../shared/zone.ts';
import { NINJS_FIELDS, unwrap } from './envelope.ts';
import { jsonPositions, type Located } from './positions.ts';
import { readStory, type StoryOptions } from './story.ts';

export const MAX_ITEMS = 1_000;

class Rejection {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    this.diagnostic = diagnostic;
  }
}

export function parseNinjs(bytes: Uint8Array, options: FormatOptions): FileParse {
  const warnings: Diagnostic[] = [];
  try {
    return parseFile(bytes, options, warnings);
  } catch (error) {
    if (error instanceof Rejection) return { format: 'ninjs', items: [], errors: [error.diagnostic], warnings };
    // A bug, not a bad file: reported, never thrown (a site is built from many files).
    return { format: 'ninjs', items: [], errors: [{ line: 1, message: `internal parser error: ${String(error)}` }], warnings };
  }
}

function parseFile(bytes: Uint8Array, options: FormatOptions, warnings: Diagnostic[]): FileParse {
  if (!(bytes instanceof Uint8Array)) throw new Rejection({ line: 1, message: 'expected the bytes of a ninjs file' });
  const decoded = decodeBytes(bytes);
  if (decoded.mismatch) warnings.push({ line: 1, message: `encoding: JSON should be UTF-8; ${decoded.mismatch}` });
  const text = decoded.text;
  const lastLine = lineCount(text);
  const zone = options?.timeZone;
  if (!isValidZone(zone))
    throw new Rejection({ line: 1, message: `unknown time zone ${JSON.stringify(String(zone))} (expected an IANA zone such as Asia/Karachi)` });
  if (text.trim() === '') throw new Rejection({ line: 1, message: 'expected a ninjs JSON object, found an empty file' });

  const json = parseJson(text);
  if (!json.ok) throw new Rejection(json.error);
  const pos = jsonPositions(text);
  const root: Located = { value: json.value, line: pos?.line ?? 1, ...(pos ? { pos } : {}) };
  const unwrapped = unwrap(root);
  if (!unwrapped.ok) throw new Rejection(unwrapped.error);
  const found = unwrapped.items;
  if (found.length > MAX_ITEMS) {
    throw new Rejection({
      line: found[MAX_ITEMS]!.line,
      message: `${found.length.toLocaleString('en')} items in one file, over the limit of ${MAX_ITEMS.toLocaleString('en')}: split the feed`,
    });
  }
  if (found.length === 0) throw new Rejection({ line: root.line, message: 'no news item: the feed is empty' });

  const storyOptions: StoryOptions = { timeZone: zone, lastLine };
  if (typeof options?.fileTime === 'number' && Number.isFinite(options.fileTime)) {
    // Whole seconds, as every other time of an item (a file's mtime has milliseconds).
    const ms = Math.floor(options.fileTime / 1000) * 1000;
    storyOptions.fileTime = { ms, iso: isoInZone(ms, zone) };
  }
  const single = found.length === 1;
  const items: ItemParse[] = [];
  const skipped: Diagnostic[] = [];
  for (const item of found) {
    const read = readStory(item, single ? 1 : item.line, storyOptions);
    if (read.kind === 'skipped') {
      skipped.push(read.warning);
      continue;
    }
    if (single && !read.parse.ok) {
      warnings.push(...read.parse.warnings);
      return { format: 'ninjs', items: [], errors: read.parse.errors, warnings };
    }
    items.push(read.parse);
  }
  if (items.length === 0) {
    const why = skipped[0]!;
    const reason = why.message.replace(/: skipped$/, '');
    const message = single ? `no story: ${reason}` : `no story: all ${found.length} items were skipped (the first: ${reason})`;
    return { format: 'ninjs', items: [], errors: [{ line: why.line, message }], warnings: [...warnings, ...skipped.slice(1)] };
  }
  return { format: 'ninjs', items, errors: [], warnings: [...warnings, ...skipped] };
}

const KEY_PATTERN = new RegExp(String.raw`"(?:${NINJS_FIELDS.map((k) => k.replace(/\$/g, '\\$')).join('|')})"\s*:`, 'g');

/**
 * Content sniffing: JSON (an object or an array) with at least two ninjs field names near the top, and
 * not a JSON Schema. Reads at most the first 64 KiB.
 */
export function looksLikeNinjs(bytes: Uint8Array): boolean {
  try {
    if (!(bytes instanceof Uint8Array)) return false;
    const head = decodeBytes(bytes.subarray(0, 65_536)).text.replace(/^\uFEFF/, '');
    if (!/^\s*[{[]/.test(head)) return false;
    if (/"\$schema"\s*:\s*"[^"]*json-schema\.org/.test(head)) return false;
    // Two different field names are enough: stop at the second.
    const keys = new Set<string>();
    for (const m of head.matchAll(KEY_PATTERN)) {
      keys.add(m[0].replace(/\s*:$/, ''));
      if (keys.size >= 2) return true;
    }
    return false;
  } catch {
    return false;
  }
}
