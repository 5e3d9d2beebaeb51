// What search indexes for a story: its headline and the text a reader sees under it (paragraphs with
// the dateline, the lead photo's caption with its credit, print footers), not related headlines, the
// byline or page chrome. Built from the same parsed item the article page shows (kept in the archive),
// so the index can be written while pages render, without reading the built HTML back.
//
// The headline is the record's `title` metadata, not the opening of its text: Pagefind (1.5 and later)
// searches metadata and ranks a title match first, so a headline's words still find the story, while
// a result's excerpt is cut from the story's own words (with the headline in front, every excerpt
// that opens the story repeated the headline shown just above it).
import type { CustomRecord } from 'pagefind';
import { readItem } from '../ingest/read-item.ts';
import { blockText, placeCaptions } from '../formats/blocks.ts';
import { captionText } from '../formats/text/index.ts';
import type { ArticleRecord } from '../archive/records.ts';
import type { WireItem } from '../formats/item.ts';
import { formatLocalDate } from '../time.ts';
import { listPhoto, photoFiles } from '../pictures/record.ts';
import { photoPath } from '../urls.ts';
import { languageDirection } from '../ingest/script-language.ts';

export interface RecordOptions {
  contentPath: string;
  timeZone: string;
  language: string;
  /** The archive's parsed item of an article (else the wire file is read and parsed again). */
  wireItem?: (article: ArticleRecord) => WireItem;
}

/** The text search indexes for a story: its body as the reader sees it (the headline is its `title`). */
export function searchText(wire: Pick<WireItem, 'body' | 'datelineText' | 'pictures'>): string {
  const text: string[] = [];
  // the caption the page gives the lead photo; one without a picture is not shown, nor searched
  const leadCaption = placeCaptions(
    wire.body,
    wire.pictures?.filter((p) => p.status === 'usable'),
  ).lead;
  let datelineDone = false;
  for (const block of wire.body) {
    // related headlines are other stories; a picture's words are its caption, shown only when the picture is
    if (block.kind === 'related' || block.kind === 'picture') continue;
    if (block.kind === 'caption') {
      if (block === leadCaption) text.push(`Photo caption: ${captionText(block)}${block.credit ? ` — ${block.credit}` : ''}`);
    } else if (block.kind === 'paragraph' && !datelineDone && wire.datelineText) {
      text.push(`${wire.datelineText} ${block.text}`);
      datelineDone = true;
    } else text.push(blockText(block));
  }
  return text.join('\n');
}

/** A result's thumbnail: the lead photo's smallest 3:2 JPEG, as a site path (the search page adds the base). */
function thumbnailData(article: ArticleRecord): Record<string, string[]> {
  const photo = listPhoto(article.photos);
  const thumb = photo && photoFiles(photo, 'thumbnail', 'jpeg')[0];
  return photo && thumb ? { image: [photoPath(photo.key, thumb.name)], image_alt: [photo.alt], image_size: [`${thumb.width}x${thumb.height}`] } : {};
}

/** Key of an item's search text in the texts the publisher keeps of the items it parsed (publish/publisher.ts). */
export const searchTextKey = (file: string, item: number) => `${file}\u0000${item}`;

/** `text`: the story's `searchText`, when the caller has it already (else the wire file is read). */
export function searchRecord(article: ArticleRecord, options: RecordOptions, text?: string): CustomRecord {
  return {
    // Relative to the site root: the search page gives Pagefind the base (`baseUrl`).
    url: `/${article.path}`,
    content: text ?? searchText(options.wireItem?.(article) ?? readItem(options.contentPath, article.file, article.item, options.timeZone)),
    language: options.language,
    // Pagefind searches every metadata field: the headline is the only one, so its words find the story
    // and the date shown ("25 November"), the thumbnail's path ("photos") or a language code do not.
    meta: { title: article.headline },
    // What a result shows besides: its date, thumbnail, and the story's language and direction (the
    // search page sets an Urdu story's excerpt right to left, an English one's left to right whatever
    // word it starts with). Filters, returned with each result and never matched by a query.
    filters: {
      date: [formatLocalDate(article.published, options.timeZone)],
      lang: [article.language ?? options.language],
      dir: [languageDirection(article.language ?? options.language)],
      ...thumbnailData(article),
    },
    sort: { date: new Date(article.timestamp).toISOString() },
  };
}
