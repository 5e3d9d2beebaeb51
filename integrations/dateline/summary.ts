// The lean record kept for each article in the content store and the parse cache: what routing, lists,
// feeds' item headers and tags need. The body is not kept: pages read it from the wire file at render
// time with the same parser (at 10,000 articles a store with bodies was 112 MB, inlined into the
// server bundle; see ../shared/docs/design.md, "Performance shape").
import type { BylinePart, MarketQuote, WireArticle } from './formats/text/types.ts';
import { blockText } from './formats/blocks.ts';
import { headlineLanguage } from './script-language.ts';
import { shortHash } from './urls.ts';

export interface WireSummary {
  headline: string;
  /** `ur`/`ar` for a headline mostly in Arabic script (see script-language.ts); else the site's language. */
  headlineLang?: 'ur' | 'ar';
  section?: string;
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
  /** Equal for the same story delivered twice (headline, time, body). */
  storyKey: string;
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

export function summarizeArticle(article: WireArticle): WireSummary {
  const paragraphs = article.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const bodyText = article.body.map((b) => `${b.kind}:${blockText(b)}`).join('\n');
  return {
    headline: article.headline,
    headlineLang: headlineLanguage(article.headline),
    section: article.section,
    bylineText: article.bylineText,
    byline: article.byline,
    published: article.published,
    modified: article.modified,
    dateline: article.dateline,
    summary: truncateText(paragraphs[0] ?? '', SUMMARY_LENGTH),
    quotes: article.quotes.map(({ line: _line, ...q }) => q),
    related: article.body.flatMap((b) => (b.kind === 'related' ? [b.headline] : [])),
    storyKey: shortHash(`${article.headline}\u0000${article.published}\u0000${article.datelineText ?? ''}\u0000${bodyText}`, 32),
  };
}
