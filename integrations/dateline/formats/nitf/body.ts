// The NITF story body (`body.content`, `body.end`) as body blocks, also used for NITF carried inside
// NewsML-G2 `inlineXML` and NewsML 1.2 `DataContent`. NITF names become their HTML counterparts and the
// markup goes through the shared sanitizer (../shared/html-body.ts); nothing is turned into HTML by hand.
import type { BodyBlock } from '../item.ts';
import { blocksFromHtml } from '../shared/html-body.ts';
import { visibleText, withTextUnescaped } from '../shared/wire-item.ts';
import { child, children, elementsOf, innerMarkup, textOf, transformTree, type XmlElement, type XmlNode } from '../shared/xml.ts';

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

/** The tree as the sanitizer should see it: dropped parts gone, media reduced to caption and credit. */
export function prepareNitfBody(el: XmlElement): XmlElement {
  return transformTree(el, (e) => {
    if (DROP.has(e.name)) return null;
    if (e.name === 'pre') return preParagraphs(e);
    if (e.name === 'media') {
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

/** Whether an element holds NITF (a `nitf` root, or NITF body elements). */
export function isNitf(el: XmlElement): boolean {
  return el.name === 'nitf' || el.name === 'body.content' || elementsOf(el).some((c) => c.name === 'nitf' || c.name === 'body.content');
}

/** The text of an element without the children named (a byline without its `byttl`), words kept apart. */
export function textWithout(el: XmlElement, skip: ReadonlySet<string>): string {
  return visibleText(el, skip);
}
