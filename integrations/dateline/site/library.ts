// What pages can ask of the archive: the section navigation, a list page, an article by URL, the
// stories beside an article, related-headline links, the market strip. The theme's collections
// (collections/loaders.ts) answer through here, and every answer is noted as read by the route being
// drawn (reads.ts), so a publish knows which pages a change affects (effects.ts).
import type { ResolvedDatelineConfig } from '../options.ts';
import { formatLocalDate, toIsoInZone } from '../time.ts';
import { listPagePath, sectionSlug } from '../urls.ts';
import { ArticleQueries, headlineKey, type ListKind } from '../archive/articles.ts';
import { dataVersion, type ArchiveDb } from '../archive/db.ts';
import type { ArticleRecord } from '../archive/records.ts';
import type { WireItem } from '../formats/item.ts';
import { archivePageCount, neighbours, pageRange } from './pagination.ts';
import { dayKey, HIGHEST, LOWEST, orderKey, readKey, readRange } from './reads.ts';

export type Article = ArticleRecord;

export interface SectionInfo {
  slug: string;
  label: string;
  count: number;
}

export interface AgencyInfo {
  slug: string;
  name: string;
  count: number;
}

export interface DayInfo {
  /** `yyyy/mm/dd` */
  key: string;
  /** `7 August 2023` */
  label: string;
  count: number;
}

export type Quote = ArticleRecord['quotes'][number];

export interface LatestQuote extends Quote {
  /** The article whose wire page carried this quote. */
  article: Article;
}

export interface ListPageData {
  kind: 'section' | 'agency' | 'day';
  id: string;
  /** 0 = the front page, 1 … `pages` = archive pages from the oldest. */
  page: number;
  /** Number of archive pages. */
  pages: number;
  /** Stories on the page, newest first. */
  articles: Article[];
  /** Site paths of the neighbouring pages. */
  older?: string;
  newer?: string;
  /** All stories in the list. */
  total: number;
}

export { listPagePath };

/** A list's name in recorded reads (reads.ts): `all`, `section:world`, `agency:afp`, `day:2023/08/07`. */
export const listName = (kind: ListKind, id: string | null) => (kind === 'all' ? 'all' : `${kind}:${id ?? ''}`);

/**
 * A copy of `info` whose `count` is noted as read only when a page reads it: the navigation shows
 * every section, and a page that does not print their counts must not be drawn again each time one
 * grows.
 */
function withCount<T extends object>(info: T, list: string, count: number): T & { count: number } {
  return Object.defineProperty({ ...info }, 'count', {
    enumerable: true,
    get: () => {
      readKey(`count:${list}`);
      return count;
    },
  }) as T & { count: number };
}

/**
 * Notes the read of a slice of a list, newest first from `offset`: a change anywhere from the slice's
 * oldest story to the newest end may move it (a slice that reached the list's end covers the rest).
 */
function readNewest(list: string, asked: number, got: ArticleRecord[]): void {
  readRange(list, got.length < asked ? LOWEST : orderKey(got.at(-1)!), HIGHEST);
}

/** Beyond this many stories from the newest, a list page is read from its first story, not by offset. */
const OFFSET_READ_LIMIT = 1000;

export class Library {
  readonly queries: ArticleQueries;
  readonly #db: ArchiveDb;
  readonly #config: ResolvedDatelineConfig;
  /**
   * Answers every page asks again (the navigation, list sizes, the latest stories, the market strip),
   * kept until the archive's articles change: the publisher calls invalidate() when it changes them.
   */
  readonly #memo = new Map<string, unknown>();

  constructor(db: ArchiveDb, config: ResolvedDatelineConfig) {
    this.#db = db;
    this.#config = config;
    this.queries = new ArticleQueries(db);
  }

  /** A number that changes whenever another connection commits to the archive (SQLite's data_version). */
  dataVersion(): number {
    return dataVersion(this.#db);
  }

  /** Forgets remembered answers: the articles changed. */
  invalidate(): void {
    this.#memo.clear();
  }

  #remember<T>(key: string, answer: () => T): T {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const value = answer();
    // frozen: one page must not change what the next is given
    this.#memo.set(key, Array.isArray(value) ? Object.freeze(value) : value);
    return value;
  }

  #count(kind: ListKind, id: string | null): number {
    return this.#remember(`count\0${kind}\0${id ?? ''}`, () => this.queries.count(kind, id));
  }

  get config(): ResolvedDatelineConfig {
    return this.#config;
  }

  /** An instant as the site prints instants: ISO 8601 with the publisher's offset. */
  isoInZone(ms: number): string {
    return toIsoInZone(ms, this.#config.timeZone);
  }

  /** Sections with stories, in navigation order: configured ones first (in their order), then A–Z. */
  sections(): SectionInfo[] {
    readKey('sections');
    return this.#remember('sections', () => this.#sections());
  }

  #sections(): SectionInfo[] {
    const order = new Map(this.#config.sections.map((s, i) => [sectionSlug(s.name), i]));
    const labels = this.queries.sectionLabels();
    return this.queries
      .sectionSlugs()
      .map((slug) => withCount({ slug, label: labels.get(slug) ?? slug }, listName('section', slug), this.#count('section', slug)))
      .sort((a, b) => (order.get(a.slug) ?? Infinity) - (order.get(b.slug) ?? Infinity) || a.label.localeCompare(b.label, 'en'));
  }

  section(slug: string): SectionInfo | undefined {
    return this.sections().find((s) => s.slug === slug);
  }

  agency(slug: string): AgencyInfo | undefined {
    readKey('agencies');
    return this.#remember(`agency\0${slug}`, () => {
      const name = this.queries.agencyName(slug);
      return name === undefined ? undefined : withCount({ slug, name }, listName('agency', slug), this.#count('agency', slug));
    });
  }

  /** Agencies with stories, A–Z. */
  agencies(): AgencyInfo[] {
    readKey('agencies');
    return this.#remember('agencies', () =>
      this.queries
        .agencies()
        .map((a) => withCount(a, listName('agency', a.slug), this.#count('agency', a.slug)))
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    );
  }

  day(key: string): DayInfo | undefined {
    readRange('days', dayKey(key), dayKey(key));
    return this.#remember(`day\0${key}`, () => {
      const count = this.#count('day', key);
      if (count === 0) return undefined;
      const first = this.queries.newest('day', key, 0, 1)[0]!;
      return withCount({ key, label: formatLocalDate(first.published, this.#config.timeZone) }, listName('day', key), count);
    });
  }

  /** The days before and after `key` that have stories. */
  dayNeighbours(key: string): { older?: DayInfo; newer?: DayInfo } {
    const near = this.#remember(`near\0${key}`, () => this.#dayNeighbours(key));
    // a day that appears between them, or either of them going, changes the answer
    readRange('days', near.older ? dayKey(near.older.key) : LOWEST, near.newer ? dayKey(near.newer.key) : HIGHEST);
    return near;
  }

  #dayNeighbours(key: string): { older?: DayInfo; newer?: DayInfo } {
    const older = this.queries.dayBefore(key);
    const newer = this.queries.dayAfter(key);
    return { ...(older ? { older: this.day(older)! } : {}), ...(newer ? { newer: this.day(newer)! } : {}) };
  }

  article(path: string): Article | undefined {
    readKey(`path:${path}`);
    const article = this.queries.byPath(path);
    if (article) readKey(`article:${article.id}`);
    return article;
  }

  articleById(id: string): Article | undefined {
    readKey(`article:${id}`);
    return this.queries.byId(id);
  }

  /** What the wire said for an article (its body), as read when the file was published. */
  wireItem(article: Pick<Article, 'id' | 'file' | 'item'>): WireItem {
    readKey(`article:${article.id}`);
    const item = this.queries.wireItem(article);
    if (!item) throw new Error(`Dateline: the archive holds no item ${article.item + 1} of ${article.file}`);
    return item;
  }

  /** The site's newest stories. */
  latest(count: number, offset = 0): Article[] {
    const latest = this.#remember(`latest\0${count}\0${offset}`, () => this.queries.newest('all', null, offset, count));
    readNewest('all', count, latest);
    return latest;
  }

  sectionLatest(slug: string, count: number): Article[] {
    const latest = this.#remember(`sectionLatest\0${slug}\0${count}`, () => this.queries.newest('section', slug, 0, count));
    readNewest(listName('section', slug), count, latest);
    return latest;
  }

  /** Page `page` of a list, or undefined when the list or the page does not exist. */
  listPage(kind: ListPageData['kind'], id: string, page: number): ListPageData | undefined {
    const size = this.#config.pageSize;
    const list = listName(kind, id);
    const total = this.#count(kind, id);
    if (total === 0) {
      readKey(`count:${list}`);
      return undefined;
    }
    const range = pageRange(total, size, page);
    const pages = archivePageCount(total, size);
    if (!range) {
      readKey(`pages:${list}`);
      return undefined;
    }
    const near = neighbours(total, size, page);
    const articles = this.#pageArticles(kind, id, page, range);
    if (page === 0) {
      // The front holds the newest n − K·P stories: any story coming or going moves its oldest edge.
      readKey(`count:${list}`);
      readRange(list, orderKey(articles.at(-1)!), HIGHEST);
    } else {
      // An archive page holds fixed places counted from the oldest: a change older than its newest
      // story shifts it; the newest archive page links to the front, the others to the page after.
      readRange(list, LOWEST, orderKey(articles[0]!));
      // whether it is the newest archive page (its "newer" link goes to the front page, or to the next)
      readKey(`last-page:${list}:${page}`);
    }
    const data = {
      kind,
      id,
      page,
      articles,
      ...(near.older !== undefined ? { older: listPagePath(kind, id, near.older) } : {}),
      ...(near.newer !== undefined ? { newer: listPagePath(kind, id, near.newer) } : {}),
    };
    return Object.defineProperties(data, {
      total: { enumerable: true, get: () => (readKey(`count:${list}`), total) },
      pages: { enumerable: true, get: () => (readKey(`pages:${list}`), pages) },
    }) as ListPageData;
  }

  /** The stories of a list page: by offset near the newest, from the page's first story further back. */
  #pageArticles(kind: ListKind, id: string, page: number, range: { offset: number; count: number }): Article[] {
    if (page === 0 || range.offset < OFFSET_READ_LIMIT) return this.queries.newest(kind, id, range.offset, range.count);
    const size = this.#config.pageSize;
    const starts = this.#remember(`starts\0${kind}\0${id}`, () => this.queries.everyNth(kind, id, size));
    return this.queries.fromOldest(kind, id, starts[page - 1]!, size).reverse();
  }

  /**
   * The stories filed just before this one in its section (newer ones for the oldest stories). Older
   * neighbours do not change when a new story is published, so publishing one story does not
   * re-render every article page of its section.
   */
  more(article: Article, count: number): Article[] {
    // The window of count + 1 stories just older than this one, or, near the oldest, the
    // section's oldest stories; without this one. (Index range reads: no count, no offset.)
    const older = this.queries.olderThan('section', article.sectionSlug, article, count + 1);
    const list = listName('section', article.sectionSlug);
    if (older.length > count) {
      readRange(list, orderKey(older.at(-1)!), orderKey(article));
      return older.slice(0, count);
    }
    const window = this.queries.oldest('section', article.sectionSlug, 0, count + 1).reverse();
    // near the oldest: the section's oldest stories, up to the newest of them or this one
    const top = [article, ...window].map(orderKey).reduce((a, b) => (Buffer.compare(a, b) >= 0 ? a : b));
    readRange(list, LOWEST, window.length > count ? top : HIGHEST);
    return window.filter((a) => a.id !== article.id).slice(0, count);
  }

  /** The site's story with this headline (related-headline links), matched by headlineKey(). */
  findByHeadline(headline: string): Article | undefined {
    readKey(`headline:${headlineKey(headline)}`);
    return this.queries.findByHeadline(headline);
  }

  /** Latest market quote per symbol (from the newest article that carries it), newest first. */
  quotes(): LatestQuote[] {
    readKey('quotes');
    return this.#remember('quotes', () => {
      const articles = new Map<string, Article>();
      return this.queries.latestQuotes().map(({ quote, id }) => {
        let article = articles.get(id);
        if (!article) articles.set(id, (article = this.queries.byId(id)!));
        return { ...quote, article };
      });
    });
  }
}
