// What pages show, asked of the archive: the section navigation, a list page, an article by URL, the
// stories beside an article, related-headline links, the market strip. Pages (src/), feeds and the
// publisher's effects all read through here, so a page's content is decided in one place.
//
// The archive is handed to the renderer through a registered global: the server bundle (built by
// Vite) and the publisher (run by Node) do not share module instances.
import type { ResolvedDatelineConfig } from '../options.ts';
import { formatLocalDate, toIsoInZone } from '../time.ts';
import { agencyPath, dayArchivePath, sectionPath, sectionSlug } from '../urls.ts';
import { ArticleQueries, type ListKind } from '../archive/articles.ts';
import type { ArchiveDb } from '../archive/db.ts';
import type { ArticleRecord } from '../archive/records.ts';
import type { WireItem } from '../formats/item.ts';
import { archivePageCount, neighbours, pageRange } from './pagination.ts';

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

/** Newest stories shown beside the front pages of sections and agencies ("Latest news"). */
export const LATEST_BESIDE_LISTS = 5;
/** Stories in an article's "More from" box. */
export const MORE_FROM_SECTION = 4;

/** Site path of page `page` of a list (0 = its front page). */
export function listPagePath(kind: ListPageData['kind'], id: string, page: number): string {
  return kind === 'section' ? sectionPath(id, page) : kind === 'agency' ? agencyPath(id, page) : dayArchivePath(id, page);
}

const kindOf = (kind: ListPageData['kind']): ListKind => kind;

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
    return this.#remember('sections', () => this.#sections());
  }

  #sections(): SectionInfo[] {
    const order = new Map(this.#config.sections.map((s, i) => [sectionSlug(s.name), i]));
    const labels = new Map((this.#db.prepare('SELECT slug, label FROM sections').all() as { slug: string; label: string }[]).map((r) => [r.slug, r.label]));
    return this.queries
      .sectionSlugs()
      .map((slug) => ({ slug, label: labels.get(slug) ?? slug, count: this.#count('section', slug) }))
      .sort((a, b) => (order.get(a.slug) ?? Infinity) - (order.get(b.slug) ?? Infinity) || a.label.localeCompare(b.label, 'en'));
  }

  section(slug: string): SectionInfo | undefined {
    return this.sections().find((s) => s.slug === slug);
  }

  agency(slug: string): AgencyInfo | undefined {
    return this.#remember(`agency\0${slug}`, () => {
      const name = this.queries.agencyName(slug);
      return name === undefined ? undefined : { slug, name, count: this.#count('agency', slug) };
    });
  }

  /** Agencies with stories, A–Z. */
  agencies(): AgencyInfo[] {
    return this.#remember('agencies', () =>
      this.queries
        .agencies()
        .map((a) => ({ ...a, count: this.#count('agency', a.slug) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    );
  }

  day(key: string): DayInfo | undefined {
    return this.#remember(`day\0${key}`, () => {
      const count = this.#count('day', key);
      if (count === 0) return undefined;
      const first = this.queries.newest('day', key, 0, 1)[0]!;
      return { key, label: formatLocalDate(first.published, this.#config.timeZone), count };
    });
  }

  /** The days before and after `key` that have stories. */
  dayNeighbours(key: string): { older?: DayInfo; newer?: DayInfo } {
    return this.#remember(`near\0${key}`, () => this.#dayNeighbours(key));
  }

  #dayNeighbours(key: string): { older?: DayInfo; newer?: DayInfo } {
    const older = (this.#db.prepare('SELECT day FROM articles WHERE day < ? ORDER BY day DESC LIMIT 1').get(key) as { day: string } | undefined)?.day;
    const newer = (this.#db.prepare('SELECT day FROM articles WHERE day > ? ORDER BY day LIMIT 1').get(key) as { day: string } | undefined)?.day;
    return { ...(older ? { older: this.day(older)! } : {}), ...(newer ? { newer: this.day(newer)! } : {}) };
  }

  article(path: string): Article | undefined {
    return this.queries.byPath(path);
  }

  /** What the wire said for an article (its body), as read when the file was published. */
  wireItem(article: Pick<Article, 'file' | 'item'>): WireItem {
    const item = this.queries.wireItem(article);
    if (!item) throw new Error(`Dateline: the archive holds no item ${article.item + 1} of ${article.file}`);
    return item;
  }

  /** The site's newest stories. */
  latest(count: number, offset = 0): Article[] {
    return this.#remember(`latest\0${count}\0${offset}`, () => this.queries.newest('all', null, offset, count));
  }

  sectionLatest(slug: string, count: number): Article[] {
    return this.#remember(`sectionLatest\0${slug}\0${count}`, () => this.queries.newest('section', slug, 0, count));
  }

  /** Page `page` of a list, or undefined when the list or the page does not exist. */
  listPage(kind: ListPageData['kind'], id: string, page: number): ListPageData | undefined {
    const size = this.#config.pageSize;
    const total = this.#count(kindOf(kind), id);
    if (total === 0) return undefined;
    const range = pageRange(total, size, page);
    if (!range) return undefined;
    const near = neighbours(total, size, page);
    return {
      kind,
      id,
      page,
      pages: archivePageCount(total, size),
      articles: this.#pageArticles(kindOf(kind), id, page, range),
      total,
      ...(near.older !== undefined ? { older: listPagePath(kind, id, near.older) } : {}),
      ...(near.newer !== undefined ? { newer: listPagePath(kind, id, near.newer) } : {}),
    };
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
  more(article: Article): Article[] {
    // The window of MORE_FROM_SECTION + 1 stories just older than this one, or, near the oldest, the
    // section's oldest stories; without this one. (Index range reads: no count, no offset.)
    const older = this.queries.olderThan('section', article.sectionSlug, article, MORE_FROM_SECTION + 1);
    const window = older.length > MORE_FROM_SECTION ? older : this.queries.oldest('section', article.sectionSlug, 0, MORE_FROM_SECTION + 1).reverse();
    return window.filter((a) => a.id !== article.id).slice(0, MORE_FROM_SECTION);
  }

  /** The site's story with this headline (related-headline links), matched by headlineKey(). */
  findByHeadline(headline: string): Article | undefined {
    return this.queries.findByHeadline(headline);
  }

  /** Latest market quote per symbol (from the newest article that carries it), newest first. */
  quotes(): LatestQuote[] {
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

const KEY = Symbol.for('dateline.library');
type Holder = { [KEY]?: Library };

/** The library pages read (set by the publisher before it renders, or by the dev server). */
export function setLibrary(library: Library | undefined): void {
  (globalThis as Holder)[KEY] = library;
}

/** Forgets the library pages read if it is this one (a dev server's archive closed after its successor opened). */
export function releaseLibrary(library: Library): void {
  if ((globalThis as Holder)[KEY] === library) (globalThis as Holder)[KEY] = undefined;
}

export function getLibrary(): Library {
  const library = (globalThis as Holder)[KEY];
  if (!library) throw new Error('Dateline: no archive is open (pages are rendered by `npm run build`, `npm run publish` or `npm run dev`)');
  return library;
}

