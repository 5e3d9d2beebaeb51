// Finding the story in a NewsML 1.2 item: a `NewsComponent` may hold `ContentItem`s (text, photos) and
// further `NewsComponent`s (AFP packs its text component inside the item's main one). The text is the
// first text `ContentItem` outside the photo components (a photo's caption is text too); its headline
// and metadata are on the way there, nearest first.
import type { BodyBlock } from '../item.ts';
import { readNitfBody, readNitfStoryHead, type NitfStoryHead } from '../nitf/index.ts';
import { readTextBody, readXhtmlBody } from '../shared/xhtml-body.ts';
import { attr, child, children, elementsOf, type XmlElement } from '../shared/xml.ts';

export const CI = { ci: true } as const;

const TEXT_FORMAT = /nitf|xhtml|html|text/i;

const PHOTO_MEDIA = new Set(['photo', 'picture', 'image', 'graphic']);
const PHOTO_ROLES = new Set(['photo', 'picture', 'image', 'graphic', 'mainphoto', 'mainpicture']);
const formal = (el: XmlElement | undefined) => (attr(el, 'FormalName') ?? '').trim().toLowerCase();

/** A component's `Role FormalName`, lower case. */
export const roleOf = (component: XmlElement) => formal(child(component, 'Role', CI));

/** Whether a ContentItem is a photo (MediaType Photo/Image/Graphic, or an image MimeType). */
export function isPhotoItem(contentItem: XmlElement): boolean {
  return PHOTO_MEDIA.has(formal(child(contentItem, 'MediaType', CI))) || formal(child(contentItem, 'MimeType', CI)).startsWith('image/');
}

const childComponents = (c: XmlElement) => children(c, 'NewsComponent', CI);
const contentItems = (c: XmlElement) => children(c, 'ContentItem', CI);
const holdsPhoto = (c: XmlElement) => contentItems(c).some(isPhotoItem) && !contentItems(c).some(isTextItem);

/**
 * Whether a component is one photo with its parts: its Role says so (`Photo`, AFP and Reuters), or its
 * own MediaType does, or, with no text of its own, it holds photo ContentItems directly or only
 * components that do and a caption (Role `Caption`), as other NewsML 1.2 senders build them.
 */
export function isPhotoComponent(c: XmlElement): boolean {
  if (PHOTO_ROLES.has(roleOf(c)) || PHOTO_MEDIA.has(formal(child(c, 'MediaType', CI)))) return true;
  if (contentItems(c).some(isTextItem)) return false;
  if (contentItems(c).some(isPhotoItem)) return true;
  const parts = childComponents(c);
  return parts.some(holdsPhoto) && parts.every((p) => holdsPhoto(p) || roleOf(p) === 'caption');
}

/** Whether a ContentItem holds the story text (MediaType Text, or a text Format, or inline NITF/XHTML). */
function isTextItem(contentItem: XmlElement): boolean {
  const media = (attr(child(contentItem, 'MediaType', CI), 'FormalName') ?? '').toLowerCase();
  if (media && media !== 'text') return false;
  const format = attr(child(contentItem, 'Format', CI), 'FormalName') ?? '';
  const data = child(contentItem, 'DataContent', CI);
  return data !== undefined && (media === 'text' || TEXT_FORMAT.test(format) || elementsOf(data).length > 0);
}

export interface TextComponent {
  contentItem: XmlElement;
  /** The NewsComponents from the item's top one down to the one holding the text. */
  chain: XmlElement[];
}

/** Depth-first, the first text ContentItem and the components leading to it. */
export function findTextComponent(component: XmlElement | undefined, chain: XmlElement[] = []): TextComponent | undefined {
  if (!component) return undefined;
  const here = [...chain, component];
  for (const e of elementsOf(component)) {
    const name = e.name.toLowerCase();
    if (name === 'contentitem' && isTextItem(e)) return { contentItem: e, chain: here };
    if (name === 'newscomponent' && !isPhotoComponent(e)) {
      const found = findTextComponent(e, here);
      if (found) return found;
    }
  }
  return undefined;
}

/** The nearest element of this name on the chain (the text's own component first). */
export function nearest(chain: XmlElement[], name: string): XmlElement | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const found = child(chain[i], name, CI);
    if (found) return found;
  }
  return undefined;
}

export interface StoryBody {
  blocks: BodyBlock[];
  nitfHead?: NitfStoryHead;
  datelineText?: string;
}

/** `DataContent`: NITF (`nitf`, or NITF body elements such as AFP's bare `p`s), XHTML, or text. */
export function readDataContent(data: XmlElement, lastLine: number): StoryBody {
  const first = elementsOf(data)[0];
  if (!first) return { blocks: readTextBody(data, lastLine) };
  const name = first.name.toLowerCase();
  if (name === 'nitf') return { blocks: readNitfBody(first, { lastLine }), nitfHead: readNitfStoryHead(first) };
  if (name === 'html' || (name === 'body' && !child(first, 'body.content'))) return readXhtmlBody(first, lastLine);
  return { blocks: readNitfBody(name === 'body' ? first : data, { lastLine }) };
}
