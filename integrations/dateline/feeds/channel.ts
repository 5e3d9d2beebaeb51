// Channel elements @astrojs/rss has no option for: language, lastBuildDate, the atom:link to the feed
// itself, the channel image, generator.
import { toRfc822 } from '../time.ts';
import { escapeXml } from '../sitemaps/xml.ts';
import { feedText } from './text.ts';
import type { TextSlots } from './text-slots.ts';

export interface ChannelInfo {
  title: string;
  /** Absolute URL of the HTML page the feed is for. */
  link: string;
  /** Absolute URL of this feed. */
  selfUrl: string;
  language: string;
  /** When the channel's content last changed (its newest item's publication or update). */
  lastBuildDate: Date;
  timeZone: string;
  /** Absolute URL of the channel image (logo or default social image). */
  imageUrl: string;
}

export function channelCustomData(channel: ChannelInfo, slots: TextSlots): string {
  return [
    `<language>${escapeXml(channel.language)}</language>`,
    `<lastBuildDate>${toRfc822(channel.lastBuildDate.toISOString(), channel.timeZone)}</lastBuildDate>`,
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    // RSS best practice: the image's title and link equal the channel's.
    `<image><url>${escapeXml(channel.imageUrl)}</url><title>${slots.slot(feedText(channel.title))}</title><link>${escapeXml(channel.link)}</link></image>`,
    '<generator>Dateline (Astro)</generator>',
  ].join('');
}
