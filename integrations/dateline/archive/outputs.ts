// The files Dateline has written into the output folder (tables `outputs`, `changes` and
// `inline_sources`): each file's digest and kind, a page's sitemap group, lastmod and pictures, whether
// a full build has yet to write or find it (stale); the files written or removed since the changes file
// was last written; and the inline scripts and styles of each page (the CSP of `_headers`). The writer
// is ../publish/output.ts; the sitemaps and the sweep of a full build read here too.
import { preparedStatements, type ArchiveDb } from './db.ts';

export type OutputKind = 'page' | 'feed' | 'image' | 'search' | 'sitemap' | 'static';

/** What the archive knows of one written file. */
export interface OutputRow {
  hash: string;
  lastmod: string | null;
  /** The page sitemap that lists it (pages). */
  grp: string | null;
  /** The site paths of the pictures a page shows (JSON). */
  images: string | null;
  /** 1: a full build has not written it or found it in place yet. */
  stale: number;
}

/** A page as its sitemap group lists it. */
export interface SitemapPageRow {
  path: string;
  lastmod: string | null;
  images: string | null;
}

export type InlineSourceKind = 'script' | 'style' | 'style-attribute';

export class OutputTable {
  readonly #db: ArchiveDb;
  readonly #sql: (sql: string) => ReturnType<ArchiveDb['prepare']>;

  constructor(db: ArchiveDb) {
    this.#sql = preparedStatements(db);
    this.#db = db;
  }

  // --- outputs -----------------------------------------------------------------------------------

  /** The digest recorded for a file. */
  hashOf(path: string): string | undefined {
    return (this.#sql('SELECT hash FROM outputs WHERE path = ?').get(path) as { hash: string } | undefined)?.hash;
  }

  /** What is recorded of a file, if it was written. */
  get(path: string): OutputRow | undefined {
    return this.#sql('SELECT hash, lastmod, grp, images, stale FROM outputs WHERE path = ?').get(path) as OutputRow | undefined;
  }

  /** Records a file as written (and not stale). */
  put(path: string, row: { hash: string; kind: OutputKind; lastmod?: string | undefined; grp?: string | undefined; images?: string | null }): void {
    this.#sql('INSERT OR REPLACE INTO outputs (path, hash, kind, lastmod, grp, images, stale) VALUES (?, ?, ?, ?, ?, ?, 0)').run(
      path,
      row.hash,
      row.kind,
      row.lastmod ?? null,
      row.grp ?? null,
      row.images ?? null,
    );
  }

  /** A full build found the file in place as it would write it. */
  markFresh(path: string): void {
    this.#sql('UPDATE outputs SET stale = 0 WHERE path = ?').run(path);
  }

  /** A full build begins: every file is stale until the build writes it or finds it in place. */
  markAllStale(): void {
    this.#db.exec('UPDATE outputs SET stale = 1');
  }

  /** Forgets a removed file, and its page's inline sources. */
  forget(path: string): void {
    this.#sql('DELETE FROM outputs WHERE path = ?').run(path);
    this.#sql('DELETE FROM inline_sources WHERE path = ?').run(path);
  }

  /** Site paths of the recorded files under a folder (`photos/3f9a…/`), by a range of the index. */
  pathsUnder(folder: string): string[] {
    const end = `${folder.slice(0, -1)}${String.fromCharCode(folder.charCodeAt(folder.length - 1) + 1)}`;
    return (this.#sql('SELECT path FROM outputs WHERE path >= ? AND path < ?').all(folder, end) as { path: string }[]).map((r) => r.path);
  }

  /** Files of every page and feed (a publish that redraws the whole site draws their routes too). */
  routeFiles(): string[] {
    return (this.#sql("SELECT path FROM outputs WHERE kind IN ('page', 'feed')").all() as { path: string }[]).map((r) => r.path);
  }

  /** Files a full build wrote or found in place (stale = 0), or those it did not (stale = 1). */
  pathsByStale(stale: boolean): string[] {
    return (this.#sql('SELECT path FROM outputs WHERE stale = ?').all(stale ? 1 : 0) as { path: string }[]).map((r) => r.path);
  }

  /** Static files placed from the theme (keyed `theme:<digest>`; files Dateline writes itself are keyed by a digest with no colon). */
  themeFiles(): string[] {
    return (this.#sql("SELECT path FROM outputs WHERE kind = 'static' AND instr(hash, ':') > 0").all() as { path: string }[]).map((r) => r.path);
  }

  // --- sitemaps ----------------------------------------------------------------------------------

  /** The page sitemap groups that list any page. */
  pageGroups(): string[] {
    return (this.#sql("SELECT DISTINCT grp FROM outputs WHERE kind = 'page' AND grp IS NOT NULL").all() as { grp: string }[]).map((r) => r.grp);
  }

  /** The pages a sitemap group lists. */
  groupPages(group: string): SitemapPageRow[] {
    return this.#sql("SELECT path, lastmod, images FROM outputs WHERE grp = ? AND kind = 'page'").all(group) as unknown as SitemapPageRow[];
  }

  /** The sitemap files written for a group (`<group>-<n>.xml`, and any path of that shape). */
  groupSitemapFiles(group: string): string[] {
    return (this.#sql("SELECT path FROM outputs WHERE kind = 'sitemap' AND path LIKE ?").all(`${group}-%.xml`) as { path: string }[]).map((r) => r.path);
  }

  /** The news sitemap files written. */
  newsSitemapFiles(): string[] {
    return (this.#sql("SELECT path FROM outputs WHERE kind = 'sitemap' AND path LIKE 'sitemap-news-%'").all() as { path: string }[]).map((r) => r.path);
  }

  /** Every sitemap file written, with its lastmod. */
  sitemapFiles(): { path: string; lastmod: string | null }[] {
    return this.#sql("SELECT path, lastmod FROM outputs WHERE kind = 'sitemap'").all() as { path: string; lastmod: string | null }[];
  }

  // --- changes (for .dateline/changes.json) ------------------------------------------------------

  /** Notes a file written or removed since the changes file was last written. */
  noteChange(path: string, change: 'written' | 'removed'): void {
    this.#sql('INSERT OR REPLACE INTO changes (path, change) VALUES (?, ?)').run(path, change);
  }

  /** The files written or removed since the changes file was last written, by path. */
  changes(): { path: string; change: 'written' | 'removed' }[] {
    return this.#sql('SELECT path, change FROM changes ORDER BY path').all() as { path: string; change: 'written' | 'removed' }[];
  }

  /** The changes file holds them now. */
  clearChanges(): void {
    this.#db.exec('DELETE FROM changes');
  }

  // --- inline sources (the CSP of _headers) ------------------------------------------------------

  /** Whether a page's inline sources are recorded. */
  hasInlineSources(path: string): boolean {
    return this.#sql('SELECT 1 FROM inline_sources WHERE path = ? LIMIT 1').get(path) !== undefined;
  }

  /** Replaces a page's inline sources (hashes by kind). */
  replaceInlineSources(path: string, sources: { scripts: string[]; styles: string[]; styleAttributes: string[] }): void {
    this.#sql('DELETE FROM inline_sources WHERE path = ?').run(path);
    const put = this.#sql('INSERT OR IGNORE INTO inline_sources (path, kind, hash) VALUES (?, ?, ?)');
    for (const h of sources.scripts) put.run(path, 'script', h);
    for (const h of sources.styles) put.run(path, 'style', h);
    for (const h of sources.styleAttributes) put.run(path, 'style-attribute', h);
  }

  /** The distinct hashes of one kind over every page, in order: one index seek each (there is a row per page that has one). */
  inlineHashes(kind: InlineSourceKind): string[] {
    const next = this.#sql('SELECT hash FROM inline_sources WHERE kind = ? AND hash > ? ORDER BY hash LIMIT 1');
    const found: string[] = [];
    for (let row = next.get(kind, '') as { hash: string } | undefined; row; row = next.get(kind, row.hash) as { hash: string } | undefined)
      found.push(row.hash);
    return found;
  }
}
