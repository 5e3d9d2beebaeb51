// One NITF `media` element (NITF 3.x §media) read as a picture: each `media-reference` is a rendition
// (`source`, `mime-type`, `width`, `height`, `name`), `alternate-text` the alt text, `media-caption` the
// caption, `media-producer` the credit line (a reference's `source-credit` when there is no producer),
// a reference's `copyright` the copyright. Text comes out plain: markup in a caption is gone.
//
// Only images: `media-type="image"` (or `photo`/`graphic`), or no media-type and an image `mime-type`.
// A media element with no reference that can be read (none, or only inline `data:`/`media-object`
// base64, which is never read) is not a picture: the body keeps it as a caption, as before.
import type { Diagnostic } from '../item.ts';
import { declaredSize, MAX_RENDITIONS, readHref, type PictureRendition, type WirePicture } from '../picture.ts';
import { cleanField, markupFieldOf } from '../shared/wire-item.ts';
import { attr, child, children, type XmlElement } from '../shared/xml.ts';

const IMAGE_TYPES = new Set(['image', 'photo', 'graphic', 'picture']);

const lower = (s: string | undefined) => (s ?? '').trim().toLowerCase();

/** Whether a `media` element is an image by its type, or, without one, by its references' media types. */
function isImage(media: XmlElement): boolean {
  const type = lower(attr(media, 'media-type'));
  if (type) return IMAGE_TYPES.has(type);
  return children(media, 'media-reference').some((r) => lower(attr(r, 'mime-type')).startsWith('image/'));
}

function rendition(ref: XmlElement, at: (line: number) => number, warnings: Diagnostic[]): PictureRendition | undefined {
  const mime = cleanField(attr(ref, 'mime-type')).toLowerCase();
  if (mime && !mime.startsWith('image/')) return undefined;
  const source = attr(ref, 'source') ?? attr(ref, 'data-location');
  if (source === undefined) return undefined;
  const href = readHref(source);
  if (!href.ok) {
    warnings.push({ line: at(ref.line), message: `media-reference not read: ${href.reason}` });
    return undefined;
  }
  const out: PictureRendition = { href: href.href };
  const name = cleanField(attr(ref, 'name'));
  if (name) out.name = name;
  // Sizes are pixels unless `units` says otherwise.
  const units = lower(attr(ref, 'units'));
  const width = declaredSize(attr(ref, 'width'), 'pixels');
  const height = declaredSize(attr(ref, 'height'), 'pixels');
  if (width && height && (units === '' || units === 'pixels')) Object.assign(out, { width, height });
  if (mime) out.mimeType = mime;
  return out;
}

/** The picture a `media` element is, or undefined when it is none (the body keeps it as a caption). */
export function readNitfMedia(media: XmlElement, at: (line: number) => number, warnings: Diagnostic[]): WirePicture | undefined {
  if (!isImage(media)) return undefined;
  const refs = children(media, 'media-reference').slice(0, MAX_RENDITIONS);
  const renditions = refs.map((r) => rendition(r, at, warnings)).filter((r): r is PictureRendition => r !== undefined);
  if (renditions.length === 0) return undefined;
  const picture: WirePicture = { line: at(media.line), role: 'inline', renditions, status: 'usable' };
  const first = (name: string) => refs.map((r) => cleanField(attr(r, name))).find(Boolean);
  const caption = markupFieldOf(child(media, 'media-caption'));
  if (caption) picture.caption = caption;
  const alt = first('alternate-text');
  if (alt) picture.alt = alt;
  const credit = markupFieldOf(child(media, 'media-producer')) || first('source-credit');
  if (credit) picture.creditLine = credit;
  const copyright = first('copyright');
  if (copyright) picture.copyright = copyright;
  return picture;
}
