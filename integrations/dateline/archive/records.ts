// The article record: what the article index holds per published story (stored as JSON in the
// archive's `articles` table, beside the columns its lists are queried by).
import type { ItemSummary } from '../ingest/summary.ts';
import type { SocialImage } from '../social-image-paths.ts';
import type { PhotoRecord } from '../pictures/record.ts';

export interface ArticleRecord extends Omit<ItemSummary, 'status' | 'line' | 'key' | 'embargoedUntil' | 'version'> {
  /** The story's identity key: the entry id, stable across versions. */
  id: string;
  /** Path (relative to the content folder) of the wire file of the version shown. */
  file: string;
  /** Position of that version's item in its file. */
  item: number;
  /** Site path without base, e.g. `world/2023/08/07/china-russia-…/`. */
  path: string;
  sectionSlug: string;
  sectionLabel: string;
  /** Epoch milliseconds of `published`, for sorting. */
  timestamp: number;
  /** Digest of the shown version's wire file. */
  digest: string;
  /** Warnings on that file (parser, image coverage). */
  warnings: string[];
  /** The story's social image: its lead photo's card, else a text card (or the site's default). */
  image: SocialImage;
  /** The pictures the story shows (the lead first), as published; absent: none. */
  photos?: PhotoRecord[];
}
