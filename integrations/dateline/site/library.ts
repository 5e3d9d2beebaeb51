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

export class Library {
  readonly queries: ArticleQueries;
  readonly #db: ArchiveDb;
  readonly #config: ResolvedDatelineConfig;

  constructor(db: ArchiveDb, config: ResolvedDatelineConfig) {
    this.#db = db;
    this.#config = config;
    this.queries = new ArticleQueries(db);
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
    const order = new Map(this.#config.sections.map((s, i) => [sectionSlug(s.name), i]));
    const labels = new Map((this.#db.prepare('SELECT slug, label FROM sections').all() as { slug: string; label: string }[]).map((r) => [r.slug, r.label]));
    return this.queries
      .sectionSlugs()
      .map((slug) => ({ slug, label: labels.get(slug) ?? slug, count: this.queries.count('section', slug) }))
      .sort((a, b) => (order.get(a.slug) ?? Infinity) - (order.get(b.slug) ?? Infinity) || a.label.localeCompare(b.label, 'en'));
  }

  section(slug: string): SectionInfo | undefined {
    const count = this.queries.count('section', slug);
    if (count === 0) return undefined;
    const label = (this.#db.prepare('SELECT label FROM sections WHERE slug = ?').get(slug) as { label: string } | undefined)?.label ?? slug;
    return { slug, label, count };
  }

  agency(slug: string): AgencyInfo | undefined {
    const name = this.queries.agencyName(slug);
    return name === undefined ? undefined : { slug, name, count: this.queries.count('agency', slug) };
  }

  /** Agencies with stories, A–Z. */
  agencies(): AgencyInfo[] {
    return this.queries
      .agencies()
      .map((a) => ({ ...a, count: this.queries.count('agency', a.slug) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  day(key: string): DayInfo | undefined {
    const count = this.queries.count('day', key);
    if (count === 0) return undefined;
    const first = this.queries.newest('day', key, 0, 1)[0]!;
    return { key, label: formatLocalDate(first.published, this.#config.timeZone), count };
  }

  /** The days before and after `key` that have stories. */
  dayNeighbours(key: string): { older?: DayInfo; newer?: DayInfo } {
    const older = (this.#db.prepare('SELECT day FROM articles WHERE day < ? ORDER BY day DESC LIMIT 1').get(key) as { day: string } | undefined)?.day;
    const newer = (this.#db.prepare('SELECT day FROM articles WHERE day > ? ORDER BY day LIMIT 1').get(key) as { day: string } | undefined)?.day;
    return { ...(older ? { older: this.day(older)! } : {}), ...(newer ? { newer: this.day(newer)! } : {}) };
  }

  article(path: string): Article | undefined {
    return this.queries.byPath(path);
  }

  /** The site's newest stories. */
  latest(count: number, offset = 0): Article[] {
    return this.queries.newest('all', null, offset, count);
  }

  sectionLatest(slug: string, count: number): Article[] {
    return this.queries.newest('section', slug, 0, count);
  }

  /** Page `page` of a list, or undefined when the list or the page does not exist. */
  listPage(kind: ListPageData['kind'], id: string, page: number): ListPageData | undefined {
    const size = this.#config.pageSize;
    const total = this.queries.count(kindOf(kind), id);
    if (total === 0) return undefined;
    const range = pageRange(total, size, page);
    if (!range) return undefined;
    const near = neighbours(total, size, page);
    return {
      kind,
      id,
      page,
      pages: archivePageCount(total, size),
      articles: this.queries.newest(kindOf(kind), id, range.offset, range.count),
      total,
      ...(near.older !== undefined ? { older: listPagePath(kind, id, near.older) } : {}),
      ...(near.newer !== undefined ? { newer: listPagePath(kind, id, near.newer) } : {}),
    };
  }

  /**
   * The stories filed just before this one in its section (newer ones for the oldest stories). Older
   * neighbours do not change when a new story is published, so publishing one story does not
   * re-render every article page of its section.
   */
  more(article: Article): Article[] {
    const total = this.queries.count('section', article.sectionSlug);
    const at = this.queries.position('section', article.sectionSlug, article);
    const start = Math.max(0, Math.min(at + 1, total - MORE_FROM_SECTION - 1));
    return this.queries
      .newest('section', article.sectionSlug, start, MORE_FROM_SECTION + 1)
      .filter((a) => a.id !== article.id)
      .slice(0, MORE_FROM_SECTION);
  }

  /** The site's story with this headline (related-headline links), matched by headlineKey(). */
  findByHeadline(headline: string): Article | undefined {
    return this.queries.findByHeadline(headline);
  }

  /** Latest market quote per symbol (from the newest article that carries it), newest first. */
  quotes(): LatestQuote[] {
    const articles = new Map<string, Article>();
    return this.queries.latestQuotes().map(({ quote, id }) => {
      let article = articles.get(id);
      if (!article) articles.set(id, (article = this.queries.byId(id)!));
      return { ...quote, article };
    });
  }
}

const KEY = Symbol.for('dateline.library');
type Holder = { [KEY]?: Library };

/** The library pages read (set by the publisher before it renders, or by the dev server). */
export function setLibrary(library: Library | undefined): void {
  (globalThis as Holder)[KEY] = library;
}

export function getLibrary(): Library {
  const library = (globalThis as Holder)[KEY];
  if (!library) throw new Error('Dateline: no archive is open (pages are rendered by `npm run build`, `npm run publish` or `npm run dev`)');
  return library;
}

