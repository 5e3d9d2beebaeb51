// Pictures in NewsML-G2: a picture `newsItem` (`itemClass` `ninat:picture` or `ninat:graphic`) that a
// package groups with a story or that travels beside it (package.ts says which story it belongs to),
// and an image a text item carries in its own `contentSet` (ANSA's `remoteContent` of `image/jpeg`).
// - renditions: `contentSet/remoteContent` (`href`, `rendition` qcode as the name, `width`, `height`,
//   `contenttype`, `size`), image types only. An href that is no location (ANSA's `tag:` URI) is not
//   a rendition, with a warning; it is kept as the picture's id when the picture has none.
// - words: `headline` (main), caption `description` role `drol:caption` (else one without a role), alt a
//   description whose role names alt text, `creditline`, the creator with role `crol:photographer` (else
//   the first), `rightsInfo` `copyrightNotice` and `usageTerms`; plain text, markup gone.
// - status: the item's own `pubStatus` (`stat:canceled` → canceled) and `embargoed`; `edStat:D` is a
//   kill, as for stories. A status or embargo that cannot be read holds the picture back (withheld).
import type { Diagnostic, FormatOptions } from '../item.ts';
import { declaredSize, MAX_RENDITIONS, readHref, type PictureRendition, type WirePicture } from '../picture.ts';
import { cleanField, fieldOf, markupFieldOf, readTime } from '../shared/wire-item.ts';
import { attr, child, children, type XmlElement } from '../shared/xml.ts';
import { conceptName, headlines, isDeleteSignal, pubStatus, signals } from './meta.ts';

const CI = { ci: true } as const;
const lower = (s: string | undefined) => (s ?? '').trim().toLowerCase();
const lastWord = (s: string | undefined) => lower(s).replace(/^.*[:/#]/, '');
const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** Whether a newsItem is a picture (or graphic) item by its `itemClass`. */
export function isPictureItem(item: XmlElement): boolean {
  const cls = lastWord(attr(child(child(item, 'itemMeta', CI), 'itemClass', CI), 'qcode'));
  return cls === 'picture' || cls === 'graphic';
}

/** Whether a `remoteContent` is an image (by its content type). */
export const isImageContent = (el: XmlElement) => lower(attr(el, 'contenttype')).startsWith('image/');

export interface RenditionsRead {
  renditions: PictureRendition[];
  /** An identifier the wire gave instead of a location (a `tag:` href), for the picture's id. */
  idFromHref?: string;
}

/** Renditions from `remoteContent` elements; `at` clamps lines into the file. */
export function readRemoteRenditions(contents: XmlElement[], at: (line: number) => number, warnings: Diagnostic[]): RenditionsRead {
  const out: RenditionsRead = { renditions: [] };
  for (const el of contents.slice(0, MAX_RENDITIONS)) {
    const type = cleanField(attr(el, 'contenttype')).toLowerCase();
    if (type && !type.startsWith('image/')) continue;
    const raw = attr(el, 'href');
    const href = readHref(raw);
    if (!href.ok) {
      if (raw !== undefined && /^(?:tag|urn):/i.test(raw.trim())) out.idFromHref ??= cleanField(raw);
      warnings.push({ line: at(el.line), message: `remoteContent not read as a picture rendition: ${raw === undefined ? 'it has no href' : href.reason}` });
      continue;
    }
    const r: PictureRendition = { href: href.href };
    const name = cleanField(attr(el, 'rendition'));
    if (name) r.name = name;
    const width = declaredSize(attr(el, 'width'), 'pixels');
    const height = declaredSize(attr(el, 'height'), 'pixels');
    if (width && height) Object.assign(r, { width, height });
    if (type) r.mimeType = type;
    const size = declaredSize(attr(el, 'size'), 'bytes');
    if (size) r.sizeBytes = size;
    out.renditions.push(r);
  }
  return out;
}

/** The picture a text item carries in its own contentSet (its image `remoteContent`s), if any. */
export function ownPicture(contentSet: XmlElement | undefined, at: (line: number) => number, warnings: Diagnostic[]): WirePicture | undefined {
  const images = children(contentSet, 'remoteContent', CI).filter(isImageContent);
  if (images.length === 0) return undefined;
  const read = readRemoteRenditions(images, at, warnings);
  const picture: WirePicture = { line: at(images[0]!.line), role: 'inline', renditions: read.renditions, status: 'usable' };
  const id = cleanField(attr(images[0], 'residref')) || read.idFromHref;
  if (id) picture.id = id;
  return picture;
}

function descriptions(contentMeta: XmlElement | undefined): { caption: string; alt: string } {
  const all = children(contentMeta, 'description', CI)
    .map((d) => ({ role: lastWord(attr(d, 'role')), text: markupFieldOf(d) }))
    .filter((d) => d.text);
  const caption = (all.find((d) => d.role === 'caption') ?? all.find((d) => d.role === ''))?.text ?? '';
  const alt = all.find((d) => /^alt/.test(d.role))?.text ?? '';
  return { caption, alt };
}

/** A picture newsItem as a picture of the story it is attached to. */
export function readPictureItem(item: XmlElement, options: FormatOptions, at: (line: number) => number, warnings: Diagnostic[]): WirePicture {
  const itemMeta = child(item, 'itemMeta', CI);
  const contentMeta = child(item, 'contentMeta', CI);
  const language = [cleanField(attr(child(contentMeta, 'language', CI), 'tag')), cleanField(attr(item, 'lang'))].find((l) => BCP47.test(l));
  const read = readRemoteRenditions(children(child(item, 'contentSet', CI), 'remoteContent', CI), at, warnings);
  const picture: WirePicture = { line: at(item.line), role: 'inline', renditions: read.renditions, status: 'usable' };
  const id = cleanField(attr(item, 'guid')) || read.idFromHref;
  if (id) picture.id = id;

  const status = pubStatus(itemMeta);
  if ('error' in status) {
    picture.status = 'withheld';
    warnings.push({ line: at(child(itemMeta, 'pubStatus', CI)?.line ?? item.line), message: `picture held back (withheld): ${status.error}` });
  } else picture.status = status.status === 'usable' && signals(itemMeta).some(isDeleteSignal) ? 'canceled' : status.status;
  const embargo = child(itemMeta, 'embargoed', CI);
  if (embargo && fieldOf(embargo) !== '') {
    const t = readTime(fieldOf(embargo), 'itemMeta/embargoed', at(embargo.line), options.timeZone);
    if (t.ok) picture.embargoedUntil = t.iso;
    else {
      if (picture.status === 'usable') picture.status = 'withheld';
      warnings.push({ ...t.diagnostic, message: `picture held back (withheld): ${t.diagnostic.message}` });
    }
  }

  const headline = headlines(contentMeta).main?.text;
  if (headline) picture.headline = headline;
  const { caption, alt } = descriptions(contentMeta);
  if (caption) picture.caption = caption;
  if (alt) picture.alt = alt;
  const creators = children(contentMeta, 'creator', CI);
  const photographer = creators.find((c) => lastWord(attr(c, 'role')) === 'photographer') ?? creators[0];
  const creator = photographer ? conceptName(photographer, language) : '';
  if (creator) picture.creator = creator;
  const credit = markupFieldOf(child(contentMeta, 'creditline', CI));
  if (credit) picture.creditLine = credit;
  const rights = children(item, 'rightsInfo', CI);
  const copyright = rights.map((r) => markupFieldOf(child(r, 'copyrightNotice', CI))).find(Boolean);
  if (copyright) picture.copyright = copyright;
  const usage = rights.map((r) => markupFieldOf(child(r, 'usageTerms', CI))).find(Boolean);
  if (usage) picture.usageTerms = usage;
  return picture;
}
