// The renditions of an associated picture. ninjs 1 keys them by name in an object (`{"baseImage":
// {href, width, height, mimetype, sizeinbytes}}`); ninjs 2 and 3 list them, each with its `name`
// (`contenttype`/`sizeinbytes` in 2, `contentType`/`sizeInBytes` in 3). Every reader takes every
// spelling, and either shape whatever the generation (superdesk and the BBC feed send 1.x objects in
// 2.x-style arrays). A rendition's `poi` (ninjs 3.1, superdesk) is in that rendition's own pixels.
//
// Not in the schemas (1.6, 2.2 and 3.1 define no price) but read: AP Media API's `priced: true` on a
// rendition that costs extra. A rendition that declares a media type other than an image (AP's NITF
// caption, a video file of a graphic) is not a rendition of the picture and is passed over.
import type { Diagnostic } from '../item.ts';
import { declaredSize, MAX_RENDITIONS, pointOfInterest, readHref, type PictureRendition, type PointOfInterest } from '../picture.ts';
import { elements, isObject, member, stringMember, type Located } from './positions.ts';
import { clean, inlineText, quote } from './text.ts';

export interface RenditionsRead {
  renditions: PictureRendition[];
  /** The first point of interest a rendition gives, as fractions of it. */
  poi?: PointOfInterest;
}

/** The members of an object (with their keys) or the elements of an array. */
export function entries(list: Located | undefined): { at: Located; key?: string }[] {
  if (!list) return [];
  if (Array.isArray(list.value)) return elements(list).map((at) => ({ at }));
  if (isObject(list.value)) return Object.keys(list.value).map((key) => ({ at: member(list, key)!, key }));
  return [];
}

const mediaTypeOf = (at: Located) => clean(stringMember(at, 'contenttype', 'contentType', 'mimetype', 'mimeType')?.text ?? '').toLowerCase();

/** Whether an object's renditions include an image (for an association that does not say its type). */
export function hasImageRendition(at: Located): boolean {
  return entries(member(at, 'renditions')).some((r) => mediaTypeOf(r.at).startsWith('image/'));
}

export function readRenditions(picture: Located, warnings: Diagnostic[]): RenditionsRead {
  const out: RenditionsRead = { renditions: [] };
  const found = entries(member(picture, 'renditions')).filter((r) => isObject(r.at.value));
  if (found.length > MAX_RENDITIONS) {
    warnings.push({ line: found[MAX_RENDITIONS]!.at.line, message: `a picture with ${found.length} renditions: only the first ${MAX_RENDITIONS} are read` });
  }
  for (const { at, key } of found.slice(0, MAX_RENDITIONS)) {
    const type = mediaTypeOf(at);
    if (type && !type.startsWith('image/')) continue;
    const name = inlineText(stringMember(at, 'name')?.text ?? key ?? '');
    const hrefField = stringMember(at, 'href');
    const href = readHref(hrefField?.text);
    if (!href.ok) {
      warnings.push({
        line: hrefField?.line ?? at.line,
        message: `picture rendition${name ? ` ${quote(name)}` : ''} not read: ${hrefField ? href.reason : 'it has no "href"'}`,
      });
      continue;
    }
    const rendition: PictureRendition = { href: href.href };
    if (name) rendition.name = name;
    const title = inlineText(stringMember(at, 'title')?.text ?? '');
    if (title) rendition.title = title;
    const width = declaredSize(member(at, 'width')?.value, 'pixels');
    const height = declaredSize(member(at, 'height')?.value, 'pixels');
    if (width && height) Object.assign(rendition, { width, height });
    if (type) rendition.mimeType = type;
    const size = declaredSize((member(at, 'sizeinbytes') ?? member(at, 'sizeInBytes'))?.value, 'bytes');
    if (size) rendition.sizeBytes = size;
    if (member(at, 'priced')?.value === true) rendition.priced = true;
    out.renditions.push(rendition);

    const poi = member(at, 'poi');
    if (poi && !out.poi) {
      const read = isObject(poi.value) ? pointOfInterest(poi.value.x, poi.value.y, width, height) : undefined;
      if (read) out.poi = read;
      else warnings.push({ line: poi.line, message: 'a picture\'s point of interest ("poi") is not x and y inside its rendition: ignored' });
    }
  }
  return out;
}
