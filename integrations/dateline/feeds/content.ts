// The full article as HTML for `content:encoded`: dateline, paragraphs, subheads, lists, quotes,
// pictures with their captions, print footers and related headlines (linked, with absolute URLs, when the site has that
// story). Every piece of wire text is HTML-escaped here; @astrojs/rss then XML-escapes the whole
// string, so a reader that decodes the XML and renders the HTML shows the wire text exactly,
// markup-looking characters included.
import { escape } from 'html-escaper';
import type { WireItem } from '../formats/item.ts';
import { xmlSafe } from '../sitemaps/xml.ts';

/** Wire text as HTML, for the article in `content:encoded` (the feed's text fields use feedText()). */
export const htmlText = (value: string) => escape(xmlSafe(value));
const text = htmlText;

export interface ContentOptions {
  /** Absolute URL of the site's story with this headline, if there is one. */
  relatedUrl: (headline: string) => string | undefined;
  /** The correction note of a corrected story, shown first. */
  correction?: string;
  /** When the story was updated (reader-facing local time), shown before the text. */
  updated?: string;
  /** The story's photos as published, with their files' absolute URLs: the lead first, inline ones at their place. */
  photos?: FeedPhoto[];
}

export interface FeedPhoto {
  role: 'lead' | 'inline';
  picture: number;
  /** Absolute URL of a JPEG about 800 px wide (feed readers show it at column width). */
  url: string;
  width: number;
  height: number;
  alt: string;
  caption?: string;
  credit?: string;
}

function figure(photo: FeedPhoto): string {
  const words = [photo.caption ? text(photo.caption) : '', photo.credit ? `<small>${text(photo.credit)}</small>` : ''].filter(Boolean).join(' ');
  return `<figure><img src="${text(photo.url)}" width="${photo.width}" height="${photo.height}" alt="${text(photo.alt)}"/>${words ? `<figcaption dir="auto">${words}</figcaption>` : ''}</figure>`;
}

export function articleHtml(wire: Pick<WireItem, 'body' | 'datelineText'>, options: ContentOptions): string {
  const firstParagraph = wire.body.find((b) => b.kind === 'paragraph');
  const out: string[] = [];
  if (options.updated) out.push(`<p><em>Updated ${text(options.updated)}</em></p>`);
  if (options.correction) out.push(`<p><em>${text(options.correction)}</em></p>`);
  const photos = options.photos ?? [];
  const placed = new Set(wire.body.flatMap((b) => (b.kind === 'picture' ? [b.picture] : [])));
  for (const photo of photos) if (photo.role === 'lead') out.push(figure(photo));
  let related: string[] = [];
  const flushRelated = () => {
    if (related.length === 0) return;
    out.push(`<p><strong>Related</strong></p><ul>${related.join('')}</ul>`);
    related = [];
  };
  for (const block of wire.body) {
    if (block.kind === 'related') {
      const url = options.relatedUrl(block.headline);
      related.push(url ? `<li dir="auto"><a href="${text(url)}">${text(block.headline)}</a></li>` : `<li dir="auto">${text(block.headline)}</li>`);
      continue;
    }
    flushRelated();
    if (block.kind === 'paragraph') {
      const lead = block === firstParagraph && wire.datelineText ? `<strong>${text(wire.datelineText)}</strong> ` : '';
      out.push(`<p dir="auto">${lead}${text(block.text)}</p>`);
    } else if (block.kind === 'subhead') {
      out.push(`<h3 dir="auto">${text(block.text)}</h3>`);
    } else if (block.kind === 'list') {
      const tag = block.ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${block.items.map((item) => `<li dir="auto">${text(item)}</li>`).join('')}</${tag}>`);
    } else if (block.kind === 'quote') {
      const cite = block.cite ? `<p dir="auto">— ${text(block.cite)}</p>` : '';
      out.push(`<blockquote><p dir="auto">${text(block.text)}</p>${cite}</blockquote>`);
    } else if (block.kind === 'picture') {
      const photo = photos.find((p) => p.role === 'inline' && p.picture === block.picture);
      if (photo) out.push(figure(photo));
    } else if (block.kind === 'caption') {
      // a photo caption is shown with its photo (the lead's, when it has none of its own) or not at all
    } else {
      out.push(`<p dir="auto"><small>${text(block.text)}</small></p>`);
    }
  }
  flushRelated();
  for (const photo of photos) if (photo.role === 'inline' && !placed.has(photo.picture)) out.push(figure(photo));
  return out.join('\n');
}
