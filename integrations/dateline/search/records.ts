// What search indexes for a story: its headline and the text a reader sees under it (paragraphs with
// the dateline, photo captions with their credit, print footers), not related headlines, the byline or
// page chrome. Built from the same parsed item the article page shows (kept in the archive), so the
// index can be written while pages render, without reading the built HTML back.
import type { CustomRecord } from 'pagefind';
import { readItem } from '../ingest/read-item.ts';
import { blockText } from '../formats/blocks.ts';
import { captionText } from '../formats/text/index.ts';
import type { ArticleRecord } from '../archive/records.ts';
import type { WireItem } from '../formats/item.ts';
import { formatLocalDate } from '../time.ts';
import { listPhoto, photoFiles } from '../pictures/record.ts';
import { photoPath } from '../urls.ts';

export interface RecordOptions {
  contentPath: string;
  timeZone: string;
  language: string;
  /** The archive's parsed item of an article (else the wire file is read and parsed again). */
  wireItem?: (article: ArticleRecord) => WireItem;
}

/** The text search indexes for a story: headline, then body as the reader sees it. */
export function searchText(wire: Pick<WireItem, 'headline' | 'body' | 'datelineText'>): string {
  // The headline ends a sentence in result excerpts (`… budget deal. KARACHI: …`), as Pagefind does for
  // an HTML heading.
  const text: string[] = [/\p{P}$/u.test(wire.headline) ? wire.headline : `${wire.headline}.`];
  let datelineDone = false;
  for (const block of wire.body) {
    // related headlines are other stories; a picture's words are its caption, shown only when the picture is
    if (block.kind === 'related' || block.kind === 'picture') continue;
    if (block.kind === 'caption') text.push(`Photo caption: ${captionText(block)}${block.credit ? ` — ${block.credit}` : ''}`);
    else if (block.kind === 'paragraph' && !datelineDone && wire.datelineText) {
      text.push(`${wire.datelineText} ${block.text}`);
      datelineDone = true;
    } else text.push(blockText(block));
  }
  return text.join('\n');
}

/** A result's thumbnail: the lead photo's smallest 3:2 JPEG, as a site path (the search page adds the base). */
function thumbnailMeta(article: ArticleRecord): Record<string, string> {
  const photo = listPhoto(article.photos);
  const thumb = photo && photoFiles(photo, 'thumbnail', 'jpeg')[0];
  return photo && thumb ? { image: photoPath(photo.key, thumb.name), image_alt: photo.alt, image_size: `${thumb.width}x${thumb.height}` } : {};
}

/** Key of an item's search text in the texts the loader hands on. */
export const searchTextKey = (file: string, item: number) => `${file}\u0000${item}`;

/** `text`: the story's `searchText`, when the caller has it already (else the wire file is read). */
export function searchRecord(article: ArticleRecord, options: RecordOptions, text?: string): CustomRecord {
  return {
    // Relative to the site root: the search page gives Pagefind the base (`baseUrl`).
    url: `/${article.path}`,
    content: text ?? searchText(options.wireItem?.(article) ?? readItem(options.contentPath, article.file, article.item, options.timeZone)),
    language: options.language,
    meta: { title: article.headline, date: formatLocalDate(article.published, options.timeZone), ...thumbnailMeta(article) },
    sort: { date: new Date(article.timestamp).toISOString() },
  };
}
