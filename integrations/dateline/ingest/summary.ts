// The lean record kept for each item in the archive (`items.summary`): what versions, routing, lists,
// feeds' item headers and tags need, read without the body. The whole parsed item is kept beside it
// (`items.item`) for the page that shows it.
import { createHash } from 'node:crypto';
import { blockText, placeCaptions } from '../formats/blocks.ts';
import type { BylinePart, Diagnostic, MarketQuote, SubjectCode, WireFormat, WireItem } from '../formats/item.ts';
import { captionText } from '../formats/text/index.ts';
import { headlineLanguage, textLanguage } from './script-language.ts';

export interface ItemSummary {
  format: WireFormat;
  /** 1-based line of the item in its file. */
  line: number;
  key: string;
  version?: number;
  status: WireItem['status'];
  correction?: { note?: string };
  embargoedUntil?: string;
  headline: string;
  /** `ur`/`ar` for a headline mostly in Arabic script (see script-language.ts). */
  headlineLang?: 'ur' | 'ar';
  subheadline?: string;
  /**
   * BCP 47 language of the item: the one it declares, else the one its text's letters tell
   * (script-language.ts: a story in Urdu is `ur`); absent: the site's language.
   */
  language?: string;
  /** The agency's urgency, 1 (most urgent) … 9 (least) (WireItem `urgency`); absent: none given. */
  urgency?: number;
  section?: string;
  subjects: SubjectCode[];
  /** The item's keywords (NITF `key-list`, NewsML-G2 `keyword`, ninjs `keywords`); absent: none. */
  keywords?: string[];
  bylineText: string;
  byline: BylinePart[];
  published: string;
  modified?: string;
  dateline?: string;
  /** Opening words of the story (first paragraph without its dateline), at most ~300 characters. */
  summary: string;
  quotes: Omit<MarketQuote, 'line'>[];
  /** Related-story headlines found in the body, in order. */
  related: string[];
  /** Equal for the same text delivered twice (headline, times, dateline, body, pictures). */
  contentKey: string;
  /** Pictures still under embargo: the story is decided again when the earliest ends (ISO 8601). */
  pictureEmbargoes?: string[];
}

const SUMMARY_LENGTH = 300;

/** Cuts text at a word boundary and adds an ellipsis when it is longer than `max` characters. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** The story's own words (headline, standfirst, text), for telling its language. */
function storyText(item: WireItem): string {
  const text = [item.headline, item.subheadline ?? ''];
  for (const b of item.body) if (b.kind === 'paragraph' || b.kind === 'subhead' || b.kind === 'list' || b.kind === 'quote') text.push(blockText(b));
  return text.join('\n');
}

/**
 * What the report says of an item's text that readers will not see: a photo caption without a picture
 * (the wire text carries no pictures, so its `… — AFP/File` lines describe one that never arrived). Told
 * here, from the item as read, for every format at once: the pictures it declares are the ones it can
 * have (one the publish refuses is named in the report for itself).
 */
export function itemWarnings(item: WireItem): Diagnostic[] {
  const pictures = item.pictures?.filter((p) => p.status === 'usable');
  return placeCaptions(item.body, pictures).orphans.map((b) => ({
    line: b.line,
    message: `photo caption without a picture: ${truncateText(`${captionText(b)}${b.credit ? ` — ${b.credit}` : ''}`, 120)}`,
  }));
}

export function summarizeItem(item: WireItem): ItemSummary {
  const paragraphs = item.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const bodyText = item.body.map((b) => `${b.kind}:${blockText(b)}`).join('\n');
  // a new version that only adds, replaces or drops a picture is a new version, not a duplicate
  const pictures = item.pictures?.length ? `\u0000${JSON.stringify(item.pictures)}` : '';
  const embargoes = item.pictures?.flatMap((p) => (p.embargoedUntil && p.status === 'usable' ? [p.embargoedUntil] : [])) ?? [];
  const summary: ItemSummary = {
    format: item.format,
    line: item.line,
    key: item.identity.key,
    status: item.status,
    headline: item.headline,
    subjects: item.subjects,
    bylineText: item.bylineText,
    byline: item.byline,
    published: item.published,
    summary: truncateText(paragraphs[0] ?? '', SUMMARY_LENGTH),
    quotes: item.quotes.map(({ line: _line, ...q }) => q),
    related: item.body.flatMap((b) => (b.kind === 'related' ? [b.headline] : [])),
    contentKey: createHash('sha256')
      .update(
        `${item.headline}\u0000${item.subheadline ?? ''}\u0000${item.bylineText}\u0000${item.published}\u0000${item.datelineText ?? ''}\u0000${bodyText}${pictures}`,
      )
      .digest('hex')
      .slice(0, 32),
  };
  const optional = {
    version: item.identity.version,
    correction: item.correction,
    embargoedUntil: item.embargoedUntil,
    headlineLang: headlineLanguage(item.headline),
    subheadline: item.subheadline,
    language: item.language ?? textLanguage(storyText(item)),
    urgency: item.urgency,
    section: item.section,
    keywords: item.keywords,
    modified: item.modified,
    dateline: item.dateline,
    pictureEmbargoes: embargoes.length ? embargoes : undefined,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (summary as unknown as Record<string, unknown>)[k] = v;
  return summary;
}
