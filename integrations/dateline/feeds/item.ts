// One RSS item per article: the canonical URL as link and permalink guid, RFC 822 pubDate with the
// publisher's offset, summary, full HTML content, section as category, byline as dc:creator, and the
// lead photo (else the social card) as media:content.
import type { RSSFeedItem } from '@astrojs/rss';
import type { WireItem } from '../formats/item.ts';
import type { ArticleRecord as ArticleData } from '../archive/records.ts';
import { escapeXml } from '../sitemaps/xml.ts';
import { formatLocalDateTime, toRfc822 } from '../time.ts';
import { absoluteUrl, photoPath } from '../urls.ts';
import { leadPhoto, photoFiles, type PhotoRecord } from '../pictures/record.ts';
import { placeCaptions } from '../formats/blocks.ts';
import { captionText } from '../formats/text/index.ts';
import { articleHtml, type FeedPhoto } from './content.ts';
import { correctionText } from '../stories/correction.ts';
import { feedPlainText, feedText } from './text.ts';
import type { TextSlots } from './text-slots.ts';
import { joinNames } from '../byline-names.ts';

export interface ItemContext {
  site: string;
  base: string;
  timeZone: string;
  /** The channel's language (the site's): an item in another one says so. */
  language: string;
  slots: TextSlots;
  /** Site path of the site's story with this headline, if there is one. */
  relatedPath: (headline: string) => string | undefined;
}

/**
 * The story's picture for feed readers: its lead photo at its largest JPEG (1200 px or more where the
 * source allows), with its credit and caption; a story with no photo keeps its social card.
 */
function mediaContent(article: ArticleData, photos: PhotoRecord[] | undefined, abs: (path: string) => string, slots: TextSlots): string {
  const lead = leadPhoto(photos);
  const jpeg = lead && photoFiles(lead, 'responsive', 'jpeg').at(-1);
  if (!lead || !jpeg) {
    const image = article.image;
    return `<media:content url="${escapeXml(abs(image.path))}" type="${image.type}" width="${image.width}" height="${image.height}" medium="image"/>`;
  }
  const credit = lead.credit ? `<media:credit role="photographer">${slots.slot(feedPlainText(lead.credit))}</media:credit>` : '';
  const description = lead.caption || lead.alt;
  const text = description ? `<media:description type="plain">${slots.slot(feedPlainText(description))}</media:description>` : '';
  return `<media:content url="${escapeXml(abs(photoPath(lead.key, jpeg.name)))}" type="image/jpeg" width="${jpeg.width}" height="${jpeg.height}" medium="image">${credit}${text}</media:content>`;
}

/**
 * The story's photos as the page shows them: a lead photo without a caption of its own takes the photo
 * caption of the wire's text (the others have no picture, and are left out of the text).
 */
function shownPhotos(article: ArticleData, wire: WireItem): PhotoRecord[] | undefined {
  const caption = placeCaptions(wire.body, article.photos).lead;
  if (!caption || !article.photos) return article.photos;
  return article.photos.map((p) => {
    if (p.role !== 'lead') return p;
    const credit = p.credit ?? caption.credit;
    return { ...p, caption: captionText(caption), ...(credit ? { credit } : {}) };
  });
}

function feedPhotos(photos: PhotoRecord[] | undefined, abs: (path: string) => string): FeedPhoto[] {
  return (photos ?? []).flatMap((photo) => {
    const jpeg = photoFiles(photo, 'responsive', 'jpeg');
    const file = jpeg.find((f) => f.width >= 800) ?? jpeg.at(-1);
    if (!file) return [];
    const { role, picture, alt, caption, credit } = photo;
    return [
      {
        role,
        picture,
        alt,
        url: abs(photoPath(photo.key, file.name)),
        width: file.width,
        height: file.height,
        ...(caption ? { caption } : {}),
        ...(credit ? { credit } : {}),
      },
    ];
  });
}

export function feedItem(article: ArticleData, wire: WireItem, ctx: ItemContext): RSSFeedItem {
  const abs = (path: string) => absoluteUrl(ctx.site, ctx.base, path);
  const photos = shownPhotos(article, wire);
  const custom = [
    // Not `pubDate`: @astrojs/rss would print it in GMT; the publisher's offset is kept here.
    `<pubDate>${toRfc822(article.published, ctx.timeZone)}</pubDate>`,
    // The time of the version shown, when it was updated after publication (Atom's element, which
    // feed readers also read in RSS items).
    article.modified ? `<atom:updated>${article.modified}</atom:updated>` : '',
    // the names as the page's byline says them ("AFP and Reuters"), not the wire's `AFP | Reuters`
    article.byline.length ? `<dc:creator>${ctx.slots.slot(feedPlainText(joinNames(article.byline.map((p) => p.name))))}</dc:creator>` : '',
    // A story in another language than the channel's (an Urdu story on an English site): Dublin Core's
    // language of the item, which feed readers read as the entry's (python feedparser: `entry.language`).
    article.language && article.language !== ctx.language ? `<dc:language>${escapeXml(article.language)}</dc:language>` : '',
    mediaContent(article, photos, abs, ctx.slots),
  ];
  return {
    title: feedText(article.headline),
    link: abs(article.path),
    // The plain-text summary (the teaser lists show), not the HTML of the story: that is `content`.
    description: feedText(article.summary),
    content: articleHtml(wire, {
      correction: article.correction ? correctionText(article.correction) : undefined,
      updated: article.modified ? formatLocalDateTime(article.modified, ctx.timeZone) : undefined,
      photos: feedPhotos(photos, abs),
      relatedUrl: (headline) => {
        const path = ctx.relatedPath(headline);
        return path === undefined ? undefined : abs(path);
      },
    }),
    categories: [feedPlainText(article.sectionLabel)],
    customData: custom.join(''),
  };
}
