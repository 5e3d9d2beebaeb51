// Published articles in the archive: writing a story's record with the rows lists are queried by (its
// section, agencies, day, month, the headlines it names, its market quotes), and the queries pages
// make: one article by URL, a slice of a list newest first, counts, positions, neighbours. Orders are
// the site's: newest first, then by path.
import { localDateParts } from '../time.ts';
import { agencySlug } from '../urls.ts';
import { preparedStatements, type ArchiveDb } from './db.ts';
import type { ArticleRecord } from './records.ts';
import type { WireItem } from '../formats/item.ts';

/** Headline key for matching related headlines: case, quotes, dashes and spacing ignored. */
export function headlineKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’'`"“”]/g, '')
    .replace(/[\s\u00a0\-–—:,.!?]+/g, ' ')
    .trim();
}

/** The instant an article last changed: its update time, else its publication time. */
export const lastChangeOf = (a: Pick<ArticleRecord, 'published' | 'modified'>) => Date.parse(a.modified ?? a.published);

export function putArticle(db: ArchiveDb, record: ArticleRecord, timeZone: string): void {
  const q = preparedStatements(db);
  dropArticle(db, record.id);
  const d = localDateParts(record.published, timeZone);
  const day = `${d.yyyy}/${d.mm}/${d.dd}`;
  q('INSERT INTO articles (id, path, section, day, month, timestamp, changed, headline_key, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    record.id,
    record.path,
    record.sectionSlug,
    day,
    `${d.yyyy}-${d.mm}`,
    record.timestamp,
    lastChangeOf(record),
    headlineKey(record.headline),
    JSON.stringify(record),
  );
  countIn(db, 'all', '', 1);
  countIn(db, 'section', record.sectionSlug, 1);
  countIn(db, 'day', day, 1);
  const agency = q('INSERT OR IGNORE INTO article_agencies (agency, name, timestamp, path, id) VALUES (?, ?, ?, ?, ?)');
  for (const part of record.byline) {
    if (part.kind !== 'agency') continue;
    const slug = agencySlug(part.name);
    if (agency.run(slug, part.name, record.timestamp, record.path, record.id).changes) countIn(db, 'agency', slug, 1);
  }
  const mention = q('INSERT OR IGNORE INTO mentions (headline_key, id) VALUES (?, ?)');
  for (const headline of record.related) mention.run(headlineKey(headline), record.id);
  const use = q('INSERT OR IGNORE INTO photo_uses (key, id) VALUES (?, ?)');
  for (const photo of record.photos ?? []) use.run(photo.key, record.id);
  const quote = q('INSERT OR IGNORE INTO quotes (symbol, timestamp, path, id, quote) VALUES (?, ?, ?, ?, ?)');
  record.quotes.forEach((mq, i) => quote.run(mq.symbol, record.timestamp, record.path, record.id, JSON.stringify({ ...mq, position: i })));
}

/** The earliest publication time of an article published after `after` (epoch ms), if any. */
export function firstPublishedAfter(db: ArchiveDb, after: number): number | undefined {
  return (preparedStatements(db)('SELECT MIN(timestamp) AS t FROM articles WHERE timestamp > ?').get(after) as { t: number | null }).t ?? undefined;
}

export function dropArticle(db: ArchiveDb, id: string): void {
  const q = preparedStatements(db);
  const gone = q('DELETE FROM articles WHERE id = ? RETURNING section, day').get(id) as { section: string; day: string } | undefined;
  if (gone) {
    countIn(db, 'all', '', -1);
    countIn(db, 'section', gone.section, -1);
    countIn(db, 'day', gone.day, -1);
  }
  for (const { agency } of q('DELETE FROM article_agencies WHERE id = ? RETURNING agency').all(id) as { agency: string }[]) countIn(db, 'agency', agency, -1);
  q('DELETE FROM mentions WHERE id = ?').run(id);
  q('DELETE FROM quotes WHERE id = ?').run(id);
  q('DELETE FROM photo_uses WHERE id = ?').run(id);
}

/** Keeps table list_counts: `by` more (or fewer) articles in a list; a list that empties loses its row. */
function countIn(db: ArchiveDb, kind: ListKind, id: string, by: 1 | -1): void {
  const q = preparedStatements(db);
  if (by > 0) q('INSERT INTO list_counts (kind, id, n) VALUES (?, ?, 1) ON CONFLICT (kind, id) DO UPDATE SET n = n + 1').run(kind, id);
  else if (!(q('UPDATE list_counts SET n = n - 1 WHERE kind = ? AND id = ? RETURNING n').get(kind, id) as { n: number } | undefined)?.n)
    q('DELETE FROM list_counts WHERE kind = ? AND id = ?').run(kind, id);
}

/** Whether any published article shows the pictures of this derived set. */
export function photoInUse(db: ArchiveDb, key: string): boolean {
  return db.prepare('SELECT 1 FROM photo_uses WHERE key = ? LIMIT 1').get(key) !== undefined;
}

export function getArticle(db: ArchiveDb, id: string): ArticleRecord | undefined {
  const row = db.prepare('SELECT record FROM articles WHERE id = ?').get(id) as { record: string } | undefined;
  return row && (JSON.parse(row.record) as ArticleRecord);
}

// ---------------------------------------------------------------------------------------------------
// Lists: the site's, a section's, an agency's, a day's. Each is newest first, by (timestamp, path).

/** The fields of an article a search shard's key names. */
export type ShardStory = Pick<ArticleRecord, 'path' | 'timestamp' | 'file' | 'item' | 'digest'>;

export type ListKind = 'all' | 'section' | 'agency' | 'day';

interface ListSql {
  from: string;
  where: string;
  /** The order columns (an agency list is ordered by its own index's copies, so no sort is needed). */
  t: string;
  p: string;
}

function listSql(kind: ListKind): ListSql {
  switch (kind) {
    case 'all':
      return { from: 'articles', where: '1 = 1 OR ? IS NULL', t: 'articles.timestamp', p: 'articles.path' };
    case 'section':
      return { from: 'articles', where: 'section = ?', t: 'articles.timestamp', p: 'articles.path' };
    case 'day':
      return { from: 'articles', where: 'day = ?', t: 'articles.timestamp', p: 'articles.path' };
    case 'agency':
      return {
        from: 'article_agencies JOIN articles USING (id)',
        where: 'article_agencies.agency = ?',
        t: 'article_agencies.timestamp',
        p: 'article_agencies.path',
      };
  }
}

/** Prepared queries over one archive, for pages, feeds and the publisher. */
export class ArticleQueries {
  readonly #q: (sql: string) => ReturnType<ArchiveDb['prepare']>;
  constructor(db: ArchiveDb) {
    this.#q = preparedStatements(db);
  }

  #records(rows: unknown[]): ArticleRecord[] {
    return (rows as { record: string }[]).map((r) => JSON.parse(r.record) as ArticleRecord);
  }

  byPath(path: string): ArticleRecord | undefined {
    const row = this.#q('SELECT record FROM articles WHERE path = ?').get(path) as { record: string } | undefined;
    return row && (JSON.parse(row.record) as ArticleRecord);
  }

  /** The parsed wire item an article shows (body included), as the catalog stored it. */
  wireItem(article: Pick<ArticleRecord, 'file' | 'item'>): WireItem | undefined {
    const row = this.#q('SELECT item FROM items WHERE file = ? AND idx = ?').get(article.file, article.item) as { item: string | null } | undefined;
    return row?.item ? (JSON.parse(row.item) as WireItem) : undefined;
  }

  byId(id: string): ArticleRecord | undefined {
    const row = this.#q('SELECT record FROM articles WHERE id = ?').get(id) as { record: string } | undefined;
    return row && (JSON.parse(row.record) as ArticleRecord);
  }

  count(kind: ListKind, id: string | null = null): number {
    // kept at every put and drop (table list_counts): a lookup, not a count of the list's rows
    return (this.#q('SELECT n FROM list_counts WHERE kind = ? AND id = ?').get(kind, id ?? '') as { n: number } | undefined)?.n ?? 0;
  }

  /** `limit` articles from position `offset` (0 = newest). */
  newest(kind: ListKind, id: string | null, offset: number, limit: number): ArticleRecord[] {
    if (limit <= 0) return [];
    const { from, where, t, p } = listSql(kind);
    return this.#records(
      this.#q(`SELECT articles.record AS record FROM ${from} WHERE ${where} ORDER BY ${t} DESC, ${p} LIMIT ? OFFSET ?`).all(id, limit, offset),
    );
  }

  /** `limit` articles from position `offset` counted from the oldest (0 = oldest), oldest first. */
  oldest(kind: ListKind, id: string | null, offset: number, limit: number): ArticleRecord[] {
    if (limit <= 0) return [];
    const { from, where, t, p } = listSql(kind);
    return this.#records(
      this.#q(`SELECT articles.record AS record FROM ${from} WHERE ${where} ORDER BY ${t} ASC, ${p} DESC LIMIT ? OFFSET ?`).all(id, limit, offset),
    );
  }

  /** The `limit` articles of a list just older than `at` (newest first). */
  olderThan(kind: ListKind, id: string | null, at: { timestamp: number; path: string }, limit: number): ArticleRecord[] {
    // Two index range reads (an OR of both conditions would make SQLite walk the list)
    const { from, where, t, p } = listSql(kind);
    const same = this.#records(
      this.#q(`SELECT articles.record AS record FROM ${from} WHERE (${where}) AND ${t} = ? AND ${p} > ? ORDER BY ${p} LIMIT ?`).all(
        id,
        at.timestamp,
        at.path,
        limit,
      ),
    );
    if (same.length >= limit) return same;
    return [
      ...same,
      ...this.#records(
        this.#q(`SELECT articles.record AS record FROM ${from} WHERE (${where}) AND ${t} < ? ORDER BY ${t} DESC, ${p} LIMIT ?`).all(
          id,
          at.timestamp,
          limit - same.length,
        ),
      ),
    ];
  }

  /** `limit` articles from `start` on towards the newest (`start` included), oldest first. */
  fromOldest(kind: ListKind, id: string | null, start: { timestamp: number; path: string }, limit: number): ArticleRecord[] {
    const { from, where, t, p } = listSql(kind);
    const same = this.#records(
      this.#q(`SELECT articles.record AS record FROM ${from} WHERE (${where}) AND ${t} = ? AND ${p} <= ? ORDER BY ${p} DESC LIMIT ?`).all(
        id,
        start.timestamp,
        start.path,
        limit,
      ),
    );
    if (same.length >= limit) return same;
    return [
      ...same,
      ...this.#records(
        this.#q(`SELECT articles.record AS record FROM ${from} WHERE (${where}) AND ${t} > ? ORDER BY ${t} ASC, ${p} DESC LIMIT ?`).all(
          id,
          start.timestamp,
          limit - same.length,
        ),
      ),
    ];
  }

  /**
   * Every `every`-th article of a list from the oldest (the first of each archive page): one pass over
   * the list's index, where reading page k by offset would step over k pages' rows each time.
   */
  everyNth(kind: ListKind, id: string | null, every: number): { timestamp: number; path: string }[] {
    const { from, where, t, p } = listSql(kind);
    const rows = this.#q(`SELECT ${t} AS timestamp, ${p} AS path FROM ${from} WHERE ${where} ORDER BY ${t} ASC, ${p} DESC`).all(id) as {
      timestamp: number;
      path: string;
    }[];
    const out: { timestamp: number; path: string }[] = [];
    for (let i = 0; i < rows.length; i += every) out.push(rows[i]!);
    return out;
  }

  /** Position of an article in a list, newest first (0 = newest). */
  position(kind: ListKind, id: string | null, at: { timestamp: number; path: string }): number {
    const { from, where, t, p } = listSql(kind);
    return (
      this.#q(`SELECT COUNT(*) AS n FROM ${from} WHERE (${where}) AND (${t} > ? OR (${t} = ? AND ${p} < ?))`).get(id, at.timestamp, at.timestamp, at.path) as {
        n: number;
      }
    ).n;
  }

  /** The newest change (update or publication, epoch ms) among the articles of a list. */
  newestChange(kind: ListKind, id: string | null): number | undefined {
    // the whole site: the end of the `changed` index, not a scan of every article
    if (kind === 'all') return (this.#q('SELECT MAX(changed) AS m FROM articles').get() as { m: number | null }).m ?? undefined;
    const { from, where } = listSql(kind);
    return (this.#q(`SELECT MAX(articles.changed) AS m FROM ${from} WHERE ${where}`).get(id) as { m: number | null }).m ?? undefined;
  }

  /** The site's article with this headline (related-headline links): the newest one. */
  findByHeadline(headline: string): ArticleRecord | undefined {
    const row = this.#q('SELECT record FROM articles WHERE headline_key = ? ORDER BY timestamp DESC, path LIMIT 1').get(headlineKey(headline)) as
      | { record: string }
      | undefined;
    return row && (JSON.parse(row.record) as ArticleRecord);
  }

  /** Ids of the articles whose body names a related headline with this key. */
  mentioning(key: string): string[] {
    return (this.#q('SELECT id FROM mentions WHERE headline_key = ?').all(key) as { id: string }[]).map((r) => r.id);
  }

  /** Ids of a section's articles. */
  idsInSection(slug: string): string[] {
    return (this.#q('SELECT id FROM articles WHERE section = ?').all(slug) as { id: string }[]).map((r) => r.id);
  }

  /** Section labels as readers see them, by slug (table `sections`). */
  sectionLabels(): Map<string, string> {
    return new Map((this.#q('SELECT slug, label FROM sections').all() as { slug: string; label: string }[]).map((r) => [r.slug, r.label]));
  }

  /** The nearest day (`yyyy/mm/dd`) before this one that has stories. */
  dayBefore(day: string): string | undefined {
    return (this.#q('SELECT day FROM articles WHERE day < ? ORDER BY day DESC LIMIT 1').get(day) as { day: string } | undefined)?.day;
  }

  /** The nearest day after this one that has stories. */
  dayAfter(day: string): string | undefined {
    return (this.#q('SELECT day FROM articles WHERE day > ? ORDER BY day LIMIT 1').get(day) as { day: string } | undefined)?.day;
  }

  /** Section slugs with at least one article. */
  sectionSlugs(): string[] {
    return this.#distinct('articles', 'section');
  }

  /** Agencies with at least one article: slug and the name its newest article gives. */
  agencies(): { slug: string; name: string }[] {
    return this.#distinct('article_agencies', 'agency').map((slug) => ({ slug, name: this.agencyName(slug)! }));
  }

  agencyName(slug: string): string | undefined {
    return (this.#q('SELECT name FROM article_agencies WHERE agency = ? ORDER BY timestamp DESC, path LIMIT 1').get(slug) as { name: string } | undefined)
      ?.name;
  }

  /** Local days (`yyyy/mm/dd`) with at least one article. */
  days(): string[] {
    return this.#distinct('articles', 'day');
  }

  /** Local months (`yyyy-mm`) with at least one article, and their articles oldest first (search shards). */
  months(): string[] {
    return this.#distinct('articles', 'month');
  }

  /**
   * The values of an indexed column, in order, one index seek each: a DISTINCT or GROUP BY reads the
   * whole index, a row per article, and these are asked on every publish.
   */
  #distinct(table: string, column: string): string[] {
    const next = this.#q(`SELECT ${column} AS v FROM ${table} WHERE ${column} > ? ORDER BY ${column} LIMIT 1`);
    const values: string[] = [];
    for (let row = next.get('') as { v: string } | undefined; row; row = next.get(row.v) as { v: string } | undefined) values.push(row.v);
    return values;
  }

  /** How many articles a local month (`yyyy-mm`) has, from the month index. */
  monthCount(month: string): number {
    return (this.#q('SELECT COUNT(*) AS n FROM articles WHERE month = ?').get(month) as { n: number }).n;
  }

  /**
   * What a search shard's key is made of (../search/build.ts shardKey), for the month's articles in the
   * same order as monthArticles: the publisher plans a month's shards from these and reads whole records
   * only for a shard it indexes (at 100,000 stories the newest month holds some 1,700).
   */
  monthShardStories(month: string): ShardStory[] {
    return this.#q(
      "SELECT path, timestamp, record ->> '$.file' AS file, record ->> '$.item' AS item, record ->> '$.digest' AS digest FROM articles WHERE month = ? ORDER BY timestamp, path",
    ).all(month) as unknown as ShardStory[];
  }

  monthArticles(month: string): ArticleRecord[] {
    return this.#records(this.#q('SELECT record FROM articles WHERE month = ? ORDER BY timestamp, path').all(month));
  }

  /** The latest quote of each symbol (from the newest article that carries it), newest first. */
  latestQuotes(): { quote: ArticleRecord['quotes'][number]; id: string }[] {
    // one index seek per symbol for its newest quote (comparing every pair of quotes grew with the square)
    const latest = this.#q('SELECT quote, id, timestamp, path FROM quotes WHERE symbol = ? ORDER BY timestamp DESC, path LIMIT 1');
    const rows = this.#distinct('quotes', 'symbol').map((symbol) => {
      const row = latest.get(symbol) as { quote: string; id: string; timestamp: number; path: string };
      const { position, ...quote } = JSON.parse(row.quote) as ArticleRecord['quotes'][number] & { position: number };
      return { quote, id: row.id, timestamp: row.timestamp, path: row.path, position };
    });
    // newest first, then by path and by the quote's place in its story, as the strip shows them
    rows.sort((a, b) => b.timestamp - a.timestamp || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.position - b.position);
    return rows.map(({ quote, id }) => ({ quote, id }));
  }

  /** Articles published after `ms`, newest first (the news sitemap's window). */
  since(ms: number): ArticleRecord[] {
    return this.#records(this.#q('SELECT record FROM articles WHERE timestamp > ? ORDER BY timestamp DESC, path').all(ms));
  }

  /** Every article path and its last change, for the page sitemap. */
  allPaths(): { path: string; changed: number }[] {
    return this.#q('SELECT path, changed FROM articles').all() as { path: string; changed: number }[];
  }
}
