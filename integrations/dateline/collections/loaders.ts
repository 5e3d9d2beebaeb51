// The theme's live collections (src/live.config.ts) as thin adapters over the archive's library: each
// loader answers a typed filter with what the library answers, so every read a page makes goes
// through the library and is recorded for its route (site/reads.ts). Collections:
//   articles  one story by path, id or headline (with its wire body), or a list of stories: the site's
//             newest, a section's newest, the stories before one in its section ("More from");
//   lists     one page of a section, agency or day, with its neighbours and totals;
//   sections  the sections with stories, in navigation order;  agencies  the agencies, A–Z;
//   days      one day with stories, or the days beside one;    quotes    the market strip.
import type { LiveLoader } from 'astro/loaders';
import type { WireItem } from '../formats/item.ts';
import type { AgencyInfo, Article, DayInfo, LatestQuote, ListPageData, SectionInfo } from '../site/library.ts';
import { currentLibrary } from './archive.ts';

/** An article, and with `getLiveEntry` the wire item its page shows (body, dateline). */
export type ArticleEntry = Article & { wire?: WireItem };

export type ArticleLookup = { path: string } | { id: string } | { headline: string };

export type ArticleListFilter =
  /** The site's newest stories. */
  | { latest: number; offset?: number }
  /** A section's newest stories. */
  | { section: string; latest: number }
  /** The stories filed just before this one in its section (or, for its oldest stories, the oldest others). */
  | { before: string; count: number };

export type ListLookup = { kind: ListPageData['kind']; id: string; page: number };
export type SlugLookup = { slug: string };
export type DayLookup = { key: string };
export type DaysFilter = { around: string };
export type DayNeighbour = DayInfo & { side: 'older' | 'newer' };

const entry = <T>(id: string, data: T) => ({ id, data });
const notFound = (what: string) => ({ error: new Error(`Dateline: ${what}`) });

export function articleLoader(): LiveLoader<ArticleEntry, ArticleLookup, ArticleListFilter> {
  return {
    name: 'dateline-articles',
    loadEntry: async ({ filter }) => {
      const library = currentLibrary();
      const article =
        'path' in filter ? library.article(filter.path) : 'id' in filter ? library.articleById(filter.id) : library.findByHeadline(filter.headline);
      if (!article) return undefined;
      return entry(article.id, { ...article, wire: library.wireItem(article) });
    },
    loadCollection: async ({ filter }) => {
      const library = currentLibrary();
      if (!filter) return notFound('the articles collection is read by a filter: { latest }, { section, latest } or { before, count }');
      let articles: Article[];
      if ('before' in filter) {
        const article = library.articleById(filter.before);
        articles = article ? library.more(article, filter.count) : [];
      } else if ('section' in filter) articles = library.sectionLatest(filter.section, filter.latest);
      else articles = library.latest(filter.latest, filter.offset ?? 0);
      return { entries: articles.map((a) => entry(a.id, a)) };
    },
  };
}

export function listLoader(): LiveLoader<ListPageData, ListLookup, never> {
  return {
    name: 'dateline-lists',
    loadEntry: async ({ filter }) => {
      const page = currentLibrary().listPage(filter.kind, filter.id, filter.page);
      return page && entry(`${filter.kind}/${filter.id}/${filter.page}`, page);
    },
    loadCollection: async () => notFound('lists are read a page at a time: getLiveEntry("lists", { kind, id, page })'),
  };
}

export function sectionLoader(): LiveLoader<SectionInfo, SlugLookup, never> {
  return {
    name: 'dateline-sections',
    loadEntry: async ({ filter }) => {
      const section = currentLibrary().section(filter.slug);
      return section && entry(section.slug, section);
    },
    loadCollection: async () => ({
      entries: currentLibrary()
        .sections()
        .map((s) => entry(s.slug, s)),
    }),
  };
}

export function agencyLoader(): LiveLoader<AgencyInfo, SlugLookup, never> {
  return {
    name: 'dateline-agencies',
    loadEntry: async ({ filter }) => {
      const agency = currentLibrary().agency(filter.slug);
      return agency && entry(agency.slug, agency);
    },
    loadCollection: async () => ({
      entries: currentLibrary()
        .agencies()
        .map((a) => entry(a.slug, a)),
    }),
  };
}

export function dayLoader(): LiveLoader<DayInfo | DayNeighbour, DayLookup, DaysFilter> {
  return {
    name: 'dateline-days',
    loadEntry: async ({ filter }) => {
      const day = currentLibrary().day(filter.key);
      return day && entry(day.key, day);
    },
    loadCollection: async ({ filter }) => {
      if (!filter) return notFound('days are read one at a time, or { around: "yyyy/mm/dd" } for the days beside one');
      const { older, newer } = currentLibrary().dayNeighbours(filter.around);
      // copied with their getters: a day's count is noted as read only if the page shows it
      const beside = (day: DayInfo, side: DayNeighbour['side']) =>
        entry(day.key, Object.defineProperties({ side }, Object.getOwnPropertyDescriptors(day)) as DayNeighbour);
      const entries = [...(older ? [beside(older, 'older')] : []), ...(newer ? [beside(newer, 'newer')] : [])];
      return { entries };
    },
  };
}

export function quoteLoader(): LiveLoader<LatestQuote, SlugLookup, never> {
  return {
    name: 'dateline-quotes',
    loadEntry: async ({ filter }) => {
      const quote = currentLibrary()
        .quotes()
        .find((q) => q.symbol === filter.slug);
      return quote && entry(quote.symbol, quote);
    },
    loadCollection: async () => ({
      entries: currentLibrary()
        .quotes()
        .map((q) => entry(q.symbol, q)),
    }),
  };
}
