// One RSS item per article: the canonical URL as link and permalink guid, RFC 822 pubDate with the
// publisher's offset, summary, full HTML content, section as category, byline as dc:creator, and the
// social image as media:content.
import type { RSSFeedItem } from '@astrojs/rss';
import type { WireItem } from '../formats/item.ts';
import type { ArticleRecord as ArticleData } from '../archive/records.ts';
import { escapeXml } from '../sitemaps/xml.ts';
import { formatLocalDateTime, toRfc822 } from '../time.ts';
import { absoluteUrl } from '../urls.ts';
import { articleHtml } from './content.ts';
import { correctionText } from '../stories/correction.ts';
import { feedPlainText, feedText } from './text.ts';
import type { TextSlots } from './text-slots.ts';

export interface ItemContext {
  site: string;
  base: string;
  timeZone: string;
  slots: TextSlots;
  /** Site path of the site's story with this headline, if there is one. */
  relatedPath: (headline: string) => string | undefined;
}

export function feedItem(article: ArticleData, wire: WireItem, ctx: ItemContext): RSSFeedItem {
  const abs = (path: string) => absoluteUrl(ctx.site, ctx.base, path);
  const image = article.image;
  const custom = [
    // Not `pubDate`: @astrojs/rss would print it in GMT; the publisher's offset is kept here.
    `<pubDate>${toRfc822(article.published, ctx.timeZone)}</pubDate>`,
    // The time of the version shown, when it was updated after publication (Atom's element, which
    // feed readers also read in RSS items).
    article.modified ? `<atom:updated>${article.modified}</atom:updated>` : '',
    article.bylineText ? `<dc:creator>${ctx.slots.slot(feedPlainText(article.bylineText))}</dc:creator>` : '',
    `<media:content url="${escapeXml(abs(image.path))}" type="${image.type}" width="${image.width}" height="${image.height}" medium="image"/>`,
  ];
  return {
    title: feedText(article.headline),
    link: abs(article.path),
    // The plain-text summary (the teaser lists show), not the HTML of the story: that is `content`.
    description: feedText(article.summary),
    content: articleHtml(wire, {
      correction: article.correction ? correctionText(article.correction) : undefined,
      updated: article.modified ? formatLocalDateTime(article.modified, ctx.timeZone) : undefined,
      relatedUrl: (headline) => {
        const path = ctx.relatedPath(headline);
        return path === undefined ? undefined : abs(path);
      },
    }),
    categories: [feedPlainText(article.sectionLabel)],
    customData: custom.join(''),
  };
}
