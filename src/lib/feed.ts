// What a feed endpoint reads for its stories: each story's wire item (its full text goes into the feed)
// and the site's story for each related headline its text names (the item links it), read through
// the articles collection so a publish redraws the feed when any of them changes.
import { getLiveEntry } from 'astro:content';
import type { Article } from './articles.ts';
import { found } from './collections.ts';
import type { WireItem } from '@dateline/formats/item.ts';

export interface FeedReads {
  wireItem(article: Pick<Article, 'id'>): WireItem;
  relatedPath(headline: string): string | undefined;
}

export async function feedReads(articles: Article[]): Promise<FeedReads> {
  const wires = new Map<string, WireItem>();
  for (const article of articles) {
    const wire = found(await getLiveEntry('articles', { id: article.id }))?.data.wire;
    if (!wire) throw new Error(`Dateline: the archive holds no wire item for ${article.path}`);
    wires.set(article.id, wire);
  }
  const headlines = new Set([...wires.values()].flatMap((w) => w.body.flatMap((b) => (b.kind === 'related' ? [b.headline] : []))));
  const related = new Map<string, string | undefined>();
  for (const headline of headlines) related.set(headline, found(await getLiveEntry('articles', { headline }))?.data.path);
  return { wireItem: (article) => wires.get(article.id)!, relatedPath: (headline) => related.get(headline) };
}
