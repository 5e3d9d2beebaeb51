// RSS 2.0 feeds (`/rss.xml`, `/{section}/rss.xml`) with @astrojs/rss. The routes in src/pages pass
// the articles (newest first) and how to find related stories; everything about the XML is here.
import { getRssString } from '@astrojs/rss';
import type { WireItem } from '../formats/item.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import type { ArticleRecord as ArticleData } from '../archive/records.ts';
import { buildNow } from '../time.ts';
import { lastChangeOf } from '../archive/articles.ts';
import { absoluteUrl } from '../urls.ts';
import { channelCustomData } from './channel.ts';
import { feedText } from './text.ts';
import { feedItem } from './item.ts';
import { TextSlots } from './text-slots.ts';

export interface FeedOptions {
  config: ResolvedDatelineConfig;
  title: string;
  description: string;
  /** Site path of the page the feed is for (`''`, `world/`). */
  pagePath: string;
  /** Site path of the feed (`rss.xml`, `world/rss.xml`). */
  feedPath: string;
  /** Site path of the channel image. */
  imagePath: string;
  /** Newest first; the first `config.feedItems` are used. */
  articles: ArticleData[];
  relatedPath: (headline: string) => string | undefined;
  /** What the wire said for an article (the archive's parsed item). */
  wireItem: (article: ArticleData) => WireItem;
}

const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

export async function feedResponse(options: FeedOptions): Promise<Response> {
  const { config } = options;
  const abs = (path: string) => absoluteUrl(config.site, config.base, path);
  const slots = new TextSlots();
  const link = abs(options.pagePath);
  const items = options.articles.slice(0, config.feedItems).map((article) =>
    feedItem(article, options.wireItem(article), {
      site: config.site,
      base: config.base,
      timeZone: config.timeZone,
      language: config.language,
      slots,
      relatedPath: options.relatedPath,
    }),
  );
  const xml = await getRssString({
    title: feedText(options.title),
    description: feedText(options.description),
    site: link,
    // Item links are already absolute canonical URLs (with their trailing slash).
    trailingSlash: true,
    xmlns: NAMESPACES,
    customData: channelCustomData(
      {
        title: options.title,
        link,
        selfUrl: abs(options.feedPath),
        language: config.language,
        // RSS 2.0: "the last time the content of the channel changed": the newest publication or
        // update among its items. (Not the build's time: a feed then stays byte for byte the same
        // until one of its stories changes, and a publish does not rewrite every feed.)
        lastBuildDate: new Date(Math.max(0, ...(items.length ? options.articles.slice(0, config.feedItems).map(lastChangeOf) : [buildNow().getTime()]))),
        timeZone: config.timeZone,
        imageUrl: abs(options.imagePath),
      },
      slots,
    ),
    items,
  });
  return new Response(slots.fill(xml), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
