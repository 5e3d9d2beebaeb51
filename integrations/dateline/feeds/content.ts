// The full article as HTML for `content:encoded`: dateline, paragraphs, subheads, lists, quotes,
// captions, print footers and related headlines (linked, with absolute URLs, when the site has that
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
}

export function articleHtml(wire: Pick<WireItem, 'body' | 'datelineText'>, options: ContentOptions): string {
  const firstParagraph = wire.body.find((b) => b.kind === 'paragraph');
  const out: string[] = [];
  if (options.updated) out.push(`<p><em>Updated ${text(options.updated)}</em></p>`);
  if (options.correction) out.push(`<p><em>${text(options.correction)}</em></p>`);
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
    } else if (block.kind === 'caption') {
      out.push(`<p dir="auto"><em>${text(block.text)}</em></p>`);
    } else {
      out.push(`<p dir="auto"><small>${text(block.text)}</small></p>`);
    }
  }
  flushRelated();
  return out.join('\n');
}
