// The NITF story body (`body.content`, `body.end`) as body blocks, also used for NITF carried inside
// NewsML-G2 `inlineXML` and NewsML 1.2 `DataContent`. NITF names become their HTML counterparts and the
// markup goes through the shared sanitizer (../shared/html-body.ts); nothing is turned into HTML by hand.
// A NITF file's own body (`readNitfStory`) also reads its pictures: a `media` with a reference becomes a
// picture slot, and so a `picture` block where it stands (media.ts); inside other formats, and for a
// `media` without a usable reference, a `media` is a caption as before.
import type { BodyBlock, Diagnostic } from '../item.ts';
import { MAX_PICTURES, type WirePicture } from '../picture.ts';
import { blocksFromHtml, PICTURE_SLOT } from '../shared/html-body.ts';
import { visibleText, withTextUnescaped } from '../shared/wire-item.ts';
import { child, children, elementsOf, innerMarkup, textOf, transformTree, type XmlElement, type XmlNode } from '../shared/xml.ts';
import { readNitfMedia } from './media.ts';

/** NITF 3.x block elements and their HTML readings (NITF §body.content: hl2, bq, block, media, tagline). */
const RENAME: Record<string, string> = {
  'body.content': 'div',
  'body.end': 'div',
  block: 'div',
  hl1: 'h2',
  hl2: 'h3',
  bq: 'blockquote',
  credit: 'cite',
  media: 'figure',
  'media-caption': 'figcaption',
  'media-producer': 'cite',
  tagline: 'p',
  bibliography: 'p',
  'nitf-table': 'div',
  dl: 'div',
  dt: 'p',
  dd: 'p',
  fn: 'p',
};

/**
 * Dropped with their content: `note` (NITF's editors' notes; even `type="pa"` ones are left out, since
 * nothing for editors may reach a page), media data and metadata (a `media-object` may hold base64), and
 * table metadata.
 */
const DROP = new Set(['note', 'media-reference', 'media-object', 'media-metadata', 'nitf-table-metadata', 'head', 'title', 'body.head']);

/** `pre` text (PA's line-ups) keeps its blank-line paragraphs; single line ends are wrapping. */
function preParagraphs(pre: XmlElement): XmlNode[] {
  const text = textOf(pre);
  const out: XmlNode[] = [];
  let line = pre.line;
  for (const part of text.split(/(\n[ \t]*\n)/)) {
    if (/^\n[ \t]*\n$/.test(part)) {
      line += 2;
      continue;
    }
    if (part.trim() !== '') out.push({ name: 'p', qname: 'p', attrs: {}, children: [part], line });
    line += (part.match(/\n/g) ?? []).length;
  }
  return out;
}

/**
 * The tree as the sanitizer should see it: dropped parts gone, media reduced to caption and credit, or
 * to what `onMedia` puts in its place (a picture slot). An element the wire sent under the slot's name
 * is dropped: only this reader makes slots.
 */
export function prepareNitfBody(el: XmlElement, onMedia?: (media: XmlElement) => XmlNode[] | undefined): XmlElement {
  return transformTree(el, (e) => {
    if (DROP.has(e.name) || e.name === PICTURE_SLOT) return null;
    if (e.name === 'pre') return preParagraphs(e);
    if (e.name === 'media') {
      const placed = onMedia?.(e);
      if (placed) return placed;
      const caption = children(e, 'media-caption');
      if (caption.length === 0) return null;
      return { ...e, children: [...caption, ...children(e, 'media-producer')] };
    }
    return e;
  });
}

/** The elements holding the story of a NITF document or fragment: `body.content` and `body.end`, or the element itself. */
export function nitfStoryParts(el: XmlElement): XmlElement[] {
  const nitfBody = el.name === 'nitf' ? child(el, 'body') : el.name === 'body' ? el : undefined;
  if (nitfBody) return [...children(nitfBody, 'body.content'), ...children(nitfBody, 'body.end')];
  return [el];
}

export interface NitfBodyOptions {
  /** The last line of the file (block lines never pass it). */
  lastLine: number;
}

/**
 * Body blocks of a NITF document (`nitf`), its `body`, or any element holding NITF body content
 * (`body.content`, a NewsML `DataContent` of bare `p`s). Never throws.
 */
export function readNitfBody(el: XmlElement, options: NitfBodyOptions): BodyBlock[] {
  return nitfStoryParts(el).flatMap((part) =>
    blocksFromHtml(innerMarkup(withTextUnescaped(prepareNitfBody(part)), RENAME), { line: part.line, lastLine: options.lastLine }),
  );
}

export interface NitfStory {
  blocks: BodyBlock[];
  /** The body's pictures, numbered as its `picture` blocks number them. */
  pictures: WirePicture[];
}

/** Body blocks of a NITF document's `body` with its pictures (see above). Never throws. */
export function readNitfStory(el: XmlElement, options: NitfBodyOptions & { at: (line: number) => number }, warnings: Diagnostic[]): NitfStory {
  const pictures: WirePicture[] = [];
  const slot = (media: XmlElement): XmlNode[] | undefined => {
    if (pictures.length >= MAX_PICTURES) return undefined;
    const picture = readNitfMedia(media, options.at, warnings);
    if (!picture) return undefined;
    pictures.push(picture);
    return [{ name: PICTURE_SLOT, qname: PICTURE_SLOT, attrs: {}, children: [String(pictures.length - 1)], line: media.line }];
  };
  const blocks = nitfStoryParts(el).flatMap((part) =>
    blocksFromHtml(innerMarkup(withTextUnescaped(prepareNitfBody(part, slot)), RENAME), { line: part.line, lastLine: options.lastLine, pictures: true }),
  );
  return { blocks, pictures };
}

/** Whether an element holds NITF (a `nitf` root, or NITF body elements). */
export function isNitf(el: XmlElement): boolean {
  return el.name === 'nitf' || el.name === 'body.content' || elementsOf(el).some((c) => c.name === 'nitf' || c.name === 'body.content');
}

/** The text of an element without the children named (a byline without its `byttl`), words kept apart. */
export function textWithout(el: XmlElement, skip: ReadonlySet<string>): string {
  return visibleText(el, skip);
}
