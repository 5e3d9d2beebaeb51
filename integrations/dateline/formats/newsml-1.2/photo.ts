// Photos in a NewsML 1.2 item: each photo component (component.ts `isPhotoComponent`: AFP's and
// Reuters' `Role FormalName="Photo"`, or a component of photo ContentItems and a caption) is one picture:
// - renditions: its photo `ContentItem Href`s, at any depth, each named by the Role of the component
//   holding it (`BaseImage`, `Preview`, `Thumbnail`, AFP's `HighDef`/`Quicklook`); `MimeType`,
//   `Characteristics/SizeInBytes` and `Property` Width/Height. A ContentItem without an Href (inline
//   data) is not read, and a component with no Href at all is no picture (with a warning);
// - caption: the text of its `Role FormalName="Caption"` component; headline: its `NewsLines/HeadLine`;
// - credit line `NewsLines/CreditLine`, creator `AdministrativeMetadata/Creator/Party`, copyright
//   `NewsLines/CopyrightLine` (else `RightsMetadata/Copyright` holder and date), usage terms
//   `RightsMetadata/UsageRights` (UsageType, Limitations): the photo's own, never the story's.
// A photo ContentItem beside the text in one component is a picture with its renditions only. NewsML 1.2
// places no picture in the text: the first is the lead, the others inline without a block. A photo has
// no status of its own here (Status is the NewsItem's).
import type { Diagnostic } from '../item.ts';
import { declaredSize, MAX_PICTURES, MAX_RENDITIONS, readHref, type PictureRendition, type WirePicture } from '../picture.ts';
import { cleanField, fieldOf, markupFieldOf } from '../shared/wire-item.ts';
import { attr, child, children, descendants, type XmlElement } from '../shared/xml.ts';
import { blockText } from '../blocks.ts';
import { CI, isPhotoComponent, isPhotoItem, readDataContent, roleOf } from './component.ts';

/** A path of child names, matched case-insensitively. */
const sub = (el: XmlElement | undefined, ...names: string[]) => names.reduce<XmlElement | undefined>((at, n) => child(at, n, CI), el);

const GENERIC_ROLES = new Set(['', 'photo', 'picture', 'image', 'graphic', 'main', 'mainphoto', 'mainpicture']);

function rendition(contentItem: XmlElement, name: string, at: (line: number) => number, warnings: Diagnostic[]): PictureRendition | undefined {
  const raw = attr(contentItem, 'Href');
  if (raw === undefined) return undefined;
  const href = readHref(raw);
  if (!href.ok) {
    warnings.push({ line: at(contentItem.line), message: `photo ContentItem not read: ${href.reason}` });
    return undefined;
  }
  const out: PictureRendition = { href: href.href };
  if (name) out.name = name;
  const traits = child(contentItem, 'Characteristics', CI);
  const property = (n: string) => children(traits, 'Property', CI).find((p) => (attr(p, 'FormalName') ?? '').trim().toLowerCase() === n);
  const width = declaredSize(attr(property('width'), 'Value'), 'pixels');
  const height = declaredSize(attr(property('height'), 'Value'), 'pixels');
  if (width && height) Object.assign(out, { width, height });
  const mime = cleanField(attr(child(contentItem, 'MimeType', CI), 'FormalName')).toLowerCase();
  if (mime) out.mimeType = mime;
  const size = declaredSize(fieldOf(child(traits, 'SizeInBytes', CI)), 'bytes');
  if (size) out.sizeBytes = size;
  return out;
}

/** The caption: the text of the photo's Caption component, paragraphs joined. */
function captionOf(parts: XmlElement[], lastLine: number): string {
  const component = parts.find((p) => roleOf(p) === 'caption');
  const data = component ? descendants(component, 'DataContent', CI)[0] : undefined;
  return data ? cleanField(readDataContent(data, lastLine).blocks.map(blockText).join(' ')) : '';
}

/** The first non-empty value over the photo's components, its own first. */
const firstOf = (parts: XmlElement[], read: (c: XmlElement) => string) => parts.map(read).find(Boolean) ?? '';

function copyrightOf(c: XmlElement): string {
  const line = markupFieldOf(sub(c, 'NewsLines', 'CopyrightLine'));
  if (line) return line;
  const copyright = sub(c, 'RightsMetadata', 'Copyright');
  const holder = fieldOf(child(copyright, 'CopyrightHolder', CI));
  const date = fieldOf(child(copyright, 'CopyrightDate', CI));
  return holder ? `© ${date ? `${date} ` : ''}${holder}` : '';
}

function usageOf(c: XmlElement): string {
  const usage = sub(c, 'RightsMetadata', 'UsageRights');
  return [fieldOf(child(usage, 'UsageType', CI)), fieldOf(child(usage, 'Limitations', CI))].filter(Boolean).join('; ');
}

function readPhoto(c: XmlElement, at: (line: number) => number, lastLine: number, warnings: Diagnostic[]): WirePicture | undefined {
  const parts = [c, ...descendants(c, 'NewsComponent', CI)];
  const renditions: PictureRendition[] = [];
  for (const part of parts) {
    const role = roleOf(part);
    const name = part === c && GENERIC_ROLES.has(role) ? '' : cleanField(attr(child(part, 'Role', CI), 'FormalName'));
    for (const ci of children(part, 'ContentItem', CI).filter(isPhotoItem)) {
      if (renditions.length >= MAX_RENDITIONS) break;
      const r = rendition(ci, name, at, warnings);
      if (r) renditions.push(r);
    }
  }
  if (renditions.length === 0) {
    warnings.push({ line: at(c.line), message: 'a photo component without a photo ContentItem Href (inline data is not read): no picture' });
    return undefined;
  }
  const picture: WirePicture = { line: at(c.line), role: 'inline', renditions, status: 'usable' };
  const fields: [keyof WirePicture, string][] = [
    ['headline', markupFieldOf(sub(c, 'NewsLines', 'HeadLine'))],
    ['caption', captionOf(parts, lastLine)],
    ['creator', firstOf(parts, (p) => cleanField(attr(sub(p, 'AdministrativeMetadata', 'Creator', 'Party'), 'FormalName')))],
    ['creditLine', firstOf(parts, (p) => markupFieldOf(sub(p, 'NewsLines', 'CreditLine')))],
    ['copyright', firstOf(parts, copyrightOf)],
    ['usageTerms', firstOf(parts, usageOf)],
  ];
  for (const [key, value] of fields) if (value) (picture as unknown as Record<string, string>)[key] = value;
  return picture;
}

/** The item's pictures in document order, the first the lead; undefined when it has none. */
export function readPhotos(top: XmlElement | undefined, at: (line: number) => number, lastLine: number, warnings: Diagnostic[]): WirePicture[] | undefined {
  const found: WirePicture[] = [];
  const walk = (c: XmlElement) => {
    if (found.length >= MAX_PICTURES) return;
    if (isPhotoComponent(c)) {
      const photo = readPhoto(c, at, lastLine, warnings);
      if (photo) found.push(photo);
      return;
    }
    const loose = children(c, 'ContentItem', CI).filter(isPhotoItem);
    const renditions = loose.map((ci) => rendition(ci, '', at, warnings)).filter((r): r is PictureRendition => r !== undefined);
    if (renditions.length) found.push({ line: at(loose[0]!.line), role: 'inline', renditions: renditions.slice(0, MAX_RENDITIONS), status: 'usable' });
    for (const part of children(c, 'NewsComponent', CI)) walk(part);
  };
  // The item's own top component is walked for its parts: a photo NewsItem alone is no story anyway.
  if (top) {
    if (isPhotoComponent(top)) return undefined;
    walk(top);
  }
  return found.length ? found.map((p, i) => ({ ...p, role: i === 0 ? 'lead' : 'inline' })) : undefined;
}
