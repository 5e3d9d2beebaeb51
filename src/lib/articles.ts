// The one query module: every page reads articles through here. The collection is loaded and sorted
// once per build (module-level promise), and every index pages need is built in the same pass, so no
// page calls getCollection() or sorts again (a known slowdown at scale).
import { getCollection } from 'astro:content';
import config from 'virtual:dateline/config';
import type { ArticleData } from '../../integrations/dateline/schema.ts';
import { agencySlug, sectionSlug } from '../../integrations/dateline/urls.ts';
import { localDateParts } from '../../integrations/dateline/time.ts';

export type Article = ArticleData;

export interface SectionInfo {
  slug: string;
  label: string;
  articles: Article[];
}

export interface AgencyInfo {
  slug: string;
  name: string;
  articles: Article[];
}

export interface Library {
  /** All published articles, newest first. */
  all: Article[];
  /** Sections in navigation order: configured ones first (in their order), then the rest A–Z. */
  sections: SectionInfo[];
  sectionBySlug: Map<string, SectionInfo>;
  /** Agencies (organisation bylines) with their articles, newest first. */
  agencies: AgencyInfo[];
  agencyBySlug: Map<string, AgencyInfo>;
  /** Day archives `yyyy/mm/dd` → articles, newest first. */
  days: Map<string, Article[]>;
  /** The site's story with this headline (related-headline links), matched by headlineKey(). */
  findByHeadline(headline: string): Article | undefined;
  /** Latest market quote per symbol (from the newest article that carries it), newest first. */
  quotes: LatestQuote[];
}

export type Quote = Article['quotes'][number];

export interface LatestQuote extends Quote {
  /** The article whose wire page carried this quote. */
  article: Article;
}

/** Headline key for matching related headlines: case, quotes, dashes and spacing ignored. */
export function headlineKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’'`"“”]/g, '')
    .replace(/[\s\u00a0\-–—:,.!?]+/g, ' ')
    .trim();
}

async function load(): Promise<Library> {
  const all = (await getCollection('articles'))
    .map((e) => e.data)
    .sort((a, b) => b.timestamp - a.timestamp || (a.path < b.path ? -1 : 1));

  const sectionBySlug = new Map<string, SectionInfo>();
  const agencyBySlug = new Map<string, AgencyInfo>();
  const days = new Map<string, Article[]>();
  const byHeadline = new Map<string, Article>();
  const quoteBySymbol = new Map<string, LatestQuote>();
  for (const article of all) {
    for (const quote of article.quotes) {
      if (!quoteBySymbol.has(quote.symbol)) quoteBySymbol.set(quote.symbol, { ...quote, article });
    }
    let section = sectionBySlug.get(article.sectionSlug);
    if (!section) sectionBySlug.set(article.sectionSlug, (section = { slug: article.sectionSlug, label: article.sectionLabel, articles: [] }));
    section.articles.push(article);
    for (const part of article.byline) {
      if (part.kind !== 'agency') continue;
      const slug = agencySlug(part.name);
      let agency = agencyBySlug.get(slug);
      if (!agency) agencyBySlug.set(slug, (agency = { slug, name: part.name, articles: [] }));
      agency.articles.push(article);
    }
    const d = localDateParts(article.published, config.timeZone);
    const day = `${d.yyyy}/${d.mm}/${d.dd}`;
    let dayList = days.get(day);
    if (!dayList) days.set(day, (dayList = []));
    dayList.push(article); // newest first, as `all` is
    const key = headlineKey(article.headline);
    if (!byHeadline.has(key)) byHeadline.set(key, article);
  }

  const order = new Map(config.sections.map((s, i) => [sectionSlug(s.name), i]));
  const sections = [...sectionBySlug.values()].sort((a, b) => {
    const ia = order.get(a.slug) ?? Infinity;
    const ib = order.get(b.slug) ?? Infinity;
    return ia - ib || a.label.localeCompare(b.label, 'en');
  });
  const agencies = [...agencyBySlug.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const findByHeadline = (headline: string) => byHeadline.get(headlineKey(headline));
  return { all, sections, sectionBySlug, agencies, agencyBySlug, days, findByHeadline, quotes: [...quoteBySymbol.values()] };
}

let library: Promise<Library> | undefined;

export function getLibrary(): Promise<Library> {
  return (library ??= load());
}
