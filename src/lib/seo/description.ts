// Meta descriptions: at most 160 characters (what search results show), cut at a word boundary.
import type { Site } from '../site.ts';
import { truncateText } from '@dateline/ingest/summary.ts';

export const META_DESCRIPTION_LENGTH = 160;

export function metaDescription(text: string): string {
  return truncateText(text.replace(/\s+/g, ' ').trim(), META_DESCRIPTION_LENGTH);
}

/** Description of a section's pages and feed. */
export function sectionDescription(site: Site, label: string): string {
  return `Latest ${label} news from ${site.config.siteName}`;
}
