// The wire text as an item of the one article model: one story per file, identified by its headline
// and `Published` time (the only identity the format has), its version time the `Updated` stamp.
import { createHash } from 'node:crypto';
import type { FileParse, FormatOptions, WireItem } from '../item.ts';
import { parseWire } from './index.ts';
import type { WireArticle } from './types.ts';

/** The story key of a wire-text story: the same headline filed at the same time is the same story. */
export function textStoryKey(headline: string, published: string): string {
  return `text:${createHash('sha256').update(`${headline}\u0000${published}`).digest('hex').slice(0, 24)}`;
}

export function textItem(article: WireArticle): WireItem {
  const item: WireItem = {
    format: 'text',
    line: 1,
    identity: { key: textStoryKey(article.headline, article.published) },
    status: 'usable',
    published: article.published,
    headline: article.headline,
    headlineLine: article.headlineLine,
    bylineText: article.bylineText,
    byline: article.byline,
    subjects: [],
    body: article.body,
    quotes: article.quotes,
  };
  if (article.modified !== undefined) item.modified = article.modified;
  if (article.section !== undefined) item.section = article.section;
  if (article.dateline !== undefined) item.dateline = article.dateline;
  if (article.datelineText !== undefined) item.datelineText = article.datelineText;
  return item;
}

export function parseTextFile(bytes: Uint8Array, options: FormatOptions): FileParse {
  const result = parseWire(bytes, { timeZone: options.timeZone, ...(options.maxLineLength ? { maxLineLength: options.maxLineLength } : {}) });
  if (!result.ok) return { format: 'text', items: [], errors: result.errors, warnings: result.warnings };
  return { format: 'text', items: [{ ok: true, item: textItem(result.article), warnings: result.warnings }], errors: [], warnings: [] };
}
