// One ninjs object → one item of the model (or a reason to skip it, or its errors).
import type { BodyBlock, Diagnostic, ItemParse, WireItem } from '../item.ts';
import { readBody } from './body.ts';
import { readByline } from './byline.ts';
import { findPrintedDateline } from './dateline.ts';
import { generationOf } from './generation.ts';
import { readHeadline } from './headline.ts';
import { identify } from './identity.ts';
import { readPictures } from './pictures.ts';
import { elements, isObject, member, stringMember, type Located } from './positions.ts';
import { uniqueKeywords } from '../shared/wire-item.ts';
import { apNotForPublication, readCorrection, readStatus } from './status.ts';
import { readSubjects } from './subjects.ts';
import { clean, hasVisibleText, inlineText, kindOf, quote } from './text.ts';
import { readTimes } from './times.ts';
import { urgencyValue } from '../urgency.ts';

export interface StoryOptions {
  timeZone: string;
  lastLine: number;
  /** The file's own time (epoch ms) and its ISO form, for a kill that gives no time at all. */
  fileTime?: { ms: number; iso: string };
}

export type StoryRead = { kind: 'item'; parse: ItemParse } | { kind: 'skipped'; warning: Diagnostic };

/** ninjs `type` values (nar:itemClass, ninjs 3 adds event and planning) that carry no story text. */
const NOT_STORIES: Record<string, string> = {
  picture: 'a picture',
  video: 'a video',
  audio: 'an audio item',
  graphic: 'a graphic',
  event: 'an event (planning data)',
  planning: 'a planning item',
};
const PACKAGES = new Set(['composite', 'component']);

const LANGUAGE = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

function reject(line: number, errors: Diagnostic[], warnings: Diagnostic[]): StoryRead {
  return { kind: 'item', parse: { ok: false, line, errors, warnings } };
}

export function readStory(item: Located, line: number, opts: StoryOptions): StoryRead {
  const warnings: Diagnostic[] = [];
  if (!isObject(item.value)) {
    return reject(line, [{ line: item.line, message: `expected a ninjs object, found ${kindOf(item.value)}` }], warnings);
  }
  const generation = generationOf(item);
  const type = clean(stringMember(item, 'type')?.text ?? '').toLowerCase();
  const typeLine = stringMember(item, 'type')?.line ?? item.line;
  if (NOT_STORIES[type]) {
    return { kind: 'skipped', warning: { line: typeLine, message: `${NOT_STORIES[type]} (type ${quote(type)}) carries no story text: skipped` } };
  }

  const status = readStatus(item, generation);
  if (!status.ok) return reject(line, [status.error], warnings);
  const usable = status.status === 'usable';
  if (usable) {
    const notNews = apNotForPublication(item);
    if (notNews) return { kind: 'skipped', warning: { line: notNews.line, message: `${notNews.reason}: skipped` } };
  }

  const errors: Diagnostic[] = [];
  const identity = identify(item, warnings);
  const headlineRead = readHeadline(item, warnings);
  const visible = headlineRead && hasVisibleText(headlineRead.text) ? headlineRead : undefined;
  if (!visible && usable) {
    errors.push({
      line: headlineRead?.line ?? item.line,
      message: headlineRead
        ? `expected a headline, found only invisible characters ${quote(headlineRead.text)}`
        : 'no headline: expected "headline" (ninjs 1) or "headlines" with a value (ninjs 2 and 3)',
    });
  }
  const corrected = readCorrection(item, visible?.text ?? '');
  const headline = corrected.headline;

  const times = readTimes(
    item,
    {
      zone: opts.timeZone,
      generation,
      ...(usable || !opts.fileTime ? {} : { fallbackMs: opts.fileTime.ms, fallbackIso: opts.fileTime.iso }),
    },
    warnings,
  );
  if (!times.ok) errors.push(...times.errors);
  if (times.ok && status.embargoedByStatus && !times.times.embargoedUntil) {
    errors.push({ line: item.line, message: 'the publication status is "embargoed" but the item gives no "embargoed" time: it cannot be released' });
  }

  // A composite (package) is a story only when it carries text of its own (businesswire, IPTC's
  // text-photo example); its associations are never read as items. A kill of one is still a kill.
  const body = readBody(item, headline, opts.lastLine, warnings);
  if (!body.ok && PACKAGES.has(type) && usable) {
    return {
      kind: 'skipped',
      warning: { line: typeLine, message: `a ${type} (package) without text of its own carries no story: skipped (its associations are not read)` },
    };
  }
  if (!body.ok && usable) errors.push({ line: body.line, message: body.message });
  if (errors.length || !times.ok) return reject(line, errors, warnings);

  const blocks = body.ok ? body.blocks : [];
  const wire: WireItem = {
    format: 'ninjs',
    line,
    identity: { key: '' },
    status: status.status,
    published: times.times.published,
    headline,
    headlineLine: visible?.line ?? item.line,
    bylineText: '',
    byline: [],
    subjects: readSubjects(item),
    body: blocks,
    quotes: [],
  };
  wire.identity.key = storyKey(item, identity.id, times.times.published, headline, warnings);
  if (identity.version !== undefined) wire.identity.version = identity.version;
  if (corrected.correction) wire.correction = corrected.correction;
  if (times.times.modified !== undefined) wire.modified = times.times.modified;
  if (times.times.embargoedUntil !== undefined) wire.embargoedUntil = times.times.embargoedUntil;
  if (visible?.subheadline !== undefined) wire.subheadline = visible.subheadline;
  const keywords = uniqueKeywords(elements(member(item, 'keywords')).flatMap((k) => (typeof k.value === 'string' ? [inlineText(k.value)] : [])));
  if (keywords.length) wire.keywords = keywords;

  const byline = readByline(item);
  wire.bylineText = byline.text;
  wire.byline = byline.parts;

  const first = takeDateline(item, blocks, wire);
  if (usable && !blocks.some((b) => b.kind === 'paragraph')) {
    return reject(line, [{ line: first?.line ?? item.line, message: 'the body has no paragraph of text besides its dateline' }], warnings);
  }

  const pictures = readPictures(item, opts.timeZone, warnings);
  if (pictures) {
    wire.pictures = pictures;
    // A figure in the HTML body repeating a picture's caption (TT's html5 body) is that picture: the
    // caption is shown with it, not a second time in the text.
    const captions = new Set(pictures.map((p) => p.caption?.toLowerCase()).filter(Boolean));
    wire.body = blocks.filter((b) => !(b.kind === 'caption' && captions.has(b.text.toLowerCase())));
  }

  const language = readLanguage(item, warnings);
  if (language !== undefined) wire.language = language;
  const urgency = readUrgency(item, warnings);
  if (urgency !== undefined) wire.urgency = urgency;
  return { kind: 'item', parse: { ok: true, item: wire, warnings } };
}

/** The story key: the item's identifier; without one (no uri, guid or altids.itemid) its time and headline, with a warning. */
function storyKey(item: Located, id: string | undefined, published: string, headline: string, warnings: Diagnostic[]): string {
  if (id !== undefined) return `id:${id}`;
  // Versions of this story cannot be matched across files.
  warnings.push({
    line: item.line,
    message:
      'no identifier ("uri", "guid" or "altids.itemid"): the story is keyed by its headline and first-created time, so its other versions cannot be matched',
  });
  return `ninjs:${published}:${headline}`;
}

/**
 * The dateline: `located`, and a printed dateline opening the first paragraph, taken out of it (a
 * paragraph that is only the dateline is dropped). Returns the first paragraph as it was.
 */
function takeDateline(item: Located, blocks: BodyBlock[], wire: WireItem): BodyBlock | undefined {
  const located = inlineText(stringMember(item, 'located')?.text ?? '');
  if (located) wire.dateline = located;
  const firstParagraph = blocks.findIndex((b) => b.kind === 'paragraph');
  const first = blocks[firstParagraph];
  if (first?.kind === 'paragraph') {
    const printed = findPrintedDateline(first.text);
    if (printed) {
      wire.datelineText = printed.text;
      wire.dateline ??= printed.place;
      if (printed.rest) blocks[firstParagraph] = { ...first, text: printed.rest };
      else blocks.splice(firstParagraph, 1);
    }
  }
  return first;
}

/** `language` as a BCP 47 tag (`en_GB` read as `en-GB`); anything else is warned about and ignored. */
function readLanguage(item: Located, warnings: Diagnostic[]): string | undefined {
  const language = stringMember(item, 'language');
  if (!language) return undefined;
  const tag = clean(language.text).replace(/_/g, '-');
  if (LANGUAGE.test(tag)) return tag;
  if (tag) warnings.push({ line: language.line, message: `language ${quote(language.text)} is not a BCP 47 tag (expected "en", "de", "nb-NO" …); ignored` });
  return undefined;
}

/** `urgency`: 1 (most urgent) … 9, IPTC's scale (../urgency.ts); ninjs `priority` is the editor's ranking, not read. */
function readUrgency(item: Located, warnings: Diagnostic[]): number | undefined {
  const urgency = member(item, 'urgency');
  if (!urgency || urgency.value === null) return undefined;
  const value = urgencyValue(urgency.value);
  if (value === undefined) warnings.push({ line: urgency.line, message: `urgency ${quote(urgency.value)} is not a number from 1 to 9; ignored` });
  return value;
}
