// The archive: everything Dateline knows about a content folder between runs, in one SQLite file
// (Node's built-in node:sqlite; SQLite itself is the store). It holds the wire files seen and what
// their items said (so an unchanged file is never read again), the stories and their versions, the
// published articles with the columns lists are queried by, and the site's outputs. A publish reads and
// writes only the rows a change touches; nothing is loaded whole, which is what keeps a publish at
// 100,000 stories as quick as at 10,000.
//
// The file is a cache: delete it and the next build recreates it from the content folder.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync as Database } from 'node:sqlite';
import { createRequire } from 'node:module';

/** Bumped when a table changes: an archive of another version is dropped and rebuilt. */
export const ARCHIVE_VERSION = 8;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Wire files as last read: size and mtime let a publish skip unchanged files without reading them.
CREATE TABLE IF NOT EXISTS files (
  file TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime INTEGER NOT NULL,
  digest TEXT NOT NULL,
  -- the parse: format, file errors and warnings (JSON); its items are in 'items'
  parse TEXT NOT NULL,
  -- refused before reading (size, links, names): the reason
  rejection TEXT,
  -- the file's entry in the build report (JSON), kept current as its items' stories change
  report TEXT,
  -- the statuses of its items, comma-separated (the report's counts)
  statuses TEXT
);
CREATE INDEX IF NOT EXISTS files_statuses ON files (statuses);
-- The rejected files, for the summary's list of problems without reading every file's row.
CREATE INDEX IF NOT EXISTS files_rejected ON files (file) WHERE instr(',' || statuses || ',', ',rejected,') > 0;

-- The report's counts: files per list of statuses, kept by the triggers below.
CREATE TABLE IF NOT EXISTS status_counts (statuses TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
-- The report's text, one group of files at a time: the entries (files.report) of the files whose
-- names share their first 7 characters (a month's folder, \`2025/12\`, in a dated layout), joined in
-- file order, or NULL when one of them changed. A publish joins again only the groups it touched, so
-- writing report.json costs a copy of the groups, not a read of every file's row (150 ms at 100,000).
-- Groups in order, then files in order, are all files in order: a shorter group is a whole name.
CREATE TABLE IF NOT EXISTS report_groups (grp TEXT PRIMARY KEY, body BLOB) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS files_report_group ON files (substr(file, 1, 7), file);

-- Kept by SQLite itself, so no write to 'files' can miss them (openArchive turns recursive_triggers
-- on, so a row that INSERT OR REPLACE replaces counts as deleted).
CREATE TRIGGER IF NOT EXISTS files_added AFTER INSERT ON files BEGIN
  INSERT INTO report_groups (grp, body) VALUES (substr(NEW.file, 1, 7), NULL) ON CONFLICT (grp) DO UPDATE SET body = NULL;
  INSERT INTO status_counts (statuses, n) SELECT NEW.statuses, 1 WHERE NEW.statuses IS NOT NULL ON CONFLICT (statuses) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS files_reported AFTER UPDATE OF report, statuses ON files BEGIN
  INSERT INTO report_groups (grp, body) VALUES (substr(NEW.file, 1, 7), NULL) ON CONFLICT (grp) DO UPDATE SET body = NULL;
  UPDATE status_counts SET n = n - 1 WHERE statuses = OLD.statuses;
  INSERT INTO status_counts (statuses, n) SELECT NEW.statuses, 1 WHERE NEW.statuses IS NOT NULL ON CONFLICT (statuses) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS files_removed AFTER DELETE ON files BEGIN
  INSERT INTO report_groups (grp, body) VALUES (substr(OLD.file, 1, 7), NULL) ON CONFLICT (grp) DO UPDATE SET body = NULL;
  UPDATE status_counts SET n = n - 1 WHERE statuses = OLD.statuses;
END;

-- Items of the files: one row per item, parsed or rejected.
CREATE TABLE IF NOT EXISTS items (
  file TEXT NOT NULL,
  idx INTEGER NOT NULL,
  key TEXT,            -- story identity (NULL for a rejected item)
  summary TEXT NOT NULL, -- JSON: the item summary, or the rejection
  item TEXT,           -- JSON: the whole parsed item (body included), so pages, feeds and search never parse the file again
  decision TEXT,       -- JSON: what became of it (status, url, message), set when its story is decided
  PRIMARY KEY (file, idx)
);
CREATE INDEX IF NOT EXISTS items_key ON items (key);

-- Stories: one row per identity key, with the decision over its versions and its place.
CREATE TABLE IF NOT EXISTS stories (
  key TEXT PRIMARY KEY,
  status TEXT NOT NULL,          -- published | scheduled | withdrawn
  published INTEGER NOT NULL,    -- epoch ms of the earliest version
  due INTEGER,                   -- scheduled: when the next version becomes due
  day_dir TEXT NOT NULL,         -- section/yyyy/mm/dd/: stories can only collide within one
  base_path TEXT NOT NULL,       -- the URL before a collision suffix
  path TEXT NOT NULL,
  section_slug TEXT NOT NULL,
  section_name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_day ON stories (day_dir);
CREATE INDEX IF NOT EXISTS stories_section ON stories (section_slug, published);
CREATE INDEX IF NOT EXISTS stories_due ON stories (due);

-- Section labels as readers see them (the configured label, else the oldest story's name).
CREATE TABLE IF NOT EXISTS sections (slug TEXT PRIMARY KEY, label TEXT NOT NULL);

-- Published articles (the article index the theme reads), with the columns lists are queried by.
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  section TEXT NOT NULL,
  day TEXT NOT NULL,             -- yyyy/mm/dd, local
  month TEXT NOT NULL,           -- yyyy-mm, local (search shards)
  timestamp INTEGER NOT NULL,
  changed INTEGER NOT NULL,      -- epoch ms of the last change (update time, else publication)
  headline_key TEXT NOT NULL,
  record TEXT NOT NULL           -- JSON: the article record (archive/records.ts)
);
CREATE INDEX IF NOT EXISTS articles_order ON articles (timestamp DESC, path);
CREATE INDEX IF NOT EXISTS articles_section ON articles (section, timestamp DESC, path);
CREATE INDEX IF NOT EXISTS articles_day ON articles (day, timestamp DESC, path);
CREATE INDEX IF NOT EXISTS articles_month ON articles (month, timestamp, path);
CREATE INDEX IF NOT EXISTS articles_headline ON articles (headline_key, timestamp, path);
CREATE INDEX IF NOT EXISTS articles_changed ON articles (changed);

-- The agencies in each article's byline, for the agency lists.
CREATE TABLE IF NOT EXISTS article_agencies (
  agency TEXT NOT NULL,          -- slug
  name TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  path TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (agency, id)
);
CREATE INDEX IF NOT EXISTS agencies_order ON article_agencies (agency, timestamp DESC, path);
CREATE INDEX IF NOT EXISTS agencies_id ON article_agencies (id);

-- How many articles each list holds (kind 'all' with id ''), kept by putArticle and dropArticle: a
-- COUNT(*) reads every index entry of its list, 25,000 of them for a large agency at 100,000 stories,
-- and a publish asks for the counts of every section and agency (site/effects.ts).
CREATE TABLE IF NOT EXISTS list_counts (kind TEXT NOT NULL, id TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;

-- The related headlines each article's body names, for the pages that link to a story.
CREATE TABLE IF NOT EXISTS mentions (
  headline_key TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (headline_key, id)
);
CREATE INDEX IF NOT EXISTS mentions_id ON mentions (id);

-- Market quotes carried by articles (the front page's strip shows the latest per symbol).
CREATE TABLE IF NOT EXISTS quotes (
  symbol TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  path TEXT NOT NULL,
  id TEXT NOT NULL,
  quote TEXT NOT NULL,
  PRIMARY KEY (symbol, id)
);
CREATE INDEX IF NOT EXISTS quotes_id ON quotes (id);
CREATE INDEX IF NOT EXISTS quotes_latest ON quotes (symbol, timestamp DESC, path);

-- Every file Dateline has written into the output folder, with a hash of its bytes.
CREATE TABLE IF NOT EXISTS outputs (
  path TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  kind TEXT NOT NULL,            -- page | feed | image | search | sitemap | static
  lastmod TEXT,                  -- pages: the sitemap lastmod (ISO), when the page has one
  grp TEXT,                      -- pages: the page sitemap that lists them (sitemaps/pages.ts)
  images TEXT,                   -- pages: the site paths of the pictures the page shows (JSON), for its sitemap's image:image
  stale INTEGER NOT NULL DEFAULT 0 -- a full build not yet past it: what it does not write again goes
);
CREATE INDEX IF NOT EXISTS outputs_kind ON outputs (kind);
CREATE INDEX IF NOT EXISTS outputs_grp ON outputs (grp);

-- Inline scripts and styles of the pages, as CSP hash sources (the _headers file allows their union).
CREATE TABLE IF NOT EXISTS inline_sources (
  path TEXT NOT NULL,
  kind TEXT NOT NULL,            -- script | style | style-attribute
  hash TEXT NOT NULL,
  PRIMARY KEY (path, kind, hash)
);
CREATE INDEX IF NOT EXISTS inline_sources_hash ON inline_sources (kind, hash);

-- The search index's shards (search/shards.ts): a folder under pagefind/ each, named by its content.
-- span: planned together (a year, or the newest month); last: the newest story's time, for the order;
-- retired: replaced, its files still to remove (the search page no longer lists it).
CREATE TABLE IF NOT EXISTS search_shards (
  folder TEXT PRIMARY KEY,
  span TEXT NOT NULL,
  idx INTEGER NOT NULL,
  stories INTEGER NOT NULL,
  last INTEGER NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS search_shards_span ON search_shards (span);

-- The pictures each published article shows, by derived set (its folder under photos/): a set's files
-- stay in the output folder while any article uses them (stories and versions share them).
CREATE TABLE IF NOT EXISTS photo_uses (
  key TEXT NOT NULL,
  id TEXT NOT NULL,
  PRIMARY KEY (key, id)
);
CREATE INDEX IF NOT EXISTS photo_uses_id ON photo_uses (id);

-- Work a publish has committed to but not finished: outputs to render and write. A publisher that is
-- killed leaves them here, and the next one finishes them first.
CREATE TABLE IF NOT EXISTS pending (what TEXT PRIMARY KEY);

-- Site files written or removed since the last complete publish (for .dateline/changes.json).
CREATE TABLE IF NOT EXISTS changes (path TEXT PRIMARY KEY, change TEXT NOT NULL);

-- What each route read when it was last drawn (site/reads.ts): named things (an article, a path, a
-- headline, a list's count, the navigation) and ranges of lists by order key. A change looks up the
-- routes by what it touched (site/effects.ts). Ranges are found by their upper end: a new story, the
-- newest, meets only the ranges open towards the newest.
CREATE TABLE IF NOT EXISTS route_keys (key TEXT NOT NULL, route TEXT NOT NULL, PRIMARY KEY (key, route)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS route_keys_route ON route_keys (route);
CREATE TABLE IF NOT EXISTS route_ranges (list TEXT NOT NULL, hi BLOB NOT NULL, lo BLOB NOT NULL, route TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS route_ranges_hi ON route_ranges (list, hi, lo);
CREATE INDEX IF NOT EXISTS route_ranges_route ON route_ranges (route);
`;

let sqlite: typeof import('node:sqlite') | undefined;

/**
 * node:sqlite is stable in Node 24 and unflagged (but warns as experimental) in Node 22, which this
 * project pins; the warning is silenced for this one module, not for anything else.
 */
export function loadSqlite(): typeof import('node:sqlite') {
  if (sqlite) return sqlite;
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    sqlite = createRequire(import.meta.url)('node:sqlite') as typeof import('node:sqlite');
  } finally {
    process.emitWarning = emit;
  }
  return sqlite;
}

export type ArchiveDb = Database;

/** How long a connection waits for another one's lock before failing. */
const BUSY_TIMEOUT_MS = 30_000;

/**
 * Opens (or creates) the archive. `fresh`: start from nothing (a full build). An archive of another
 * schema version, or one that cannot be read, is replaced.
 */
export function openArchive(path: string, options: { fresh?: boolean; readOnly?: boolean } = {}): ArchiveDb {
  const { DatabaseSync } = loadSqlite();
  mkdirSync(dirname(path), { recursive: true });
  if (options.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const open = () => {
    // A busy archive is waited for, not failed: render workers' read connections take the WAL's
    // locks for a moment as they open and close (a 100,000-story build failed with "database is
    // locked" when a write met one).
    const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS, ...(options.readOnly ? { readOnly: true } : {}) });
    if (!options.readOnly) {
      // WAL: readers (page renderers in other threads) never wait for the writer.
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA recursive_triggers = ON;');
      db.exec(SCHEMA);
    }
    return db;
  };
  let db = open();
  if (options.readOnly) return db;
  const version = (db.prepare("SELECT value FROM meta WHERE key = 'version'").get() as { value?: string } | undefined)?.value;
  if (version !== undefined && version !== String(ARCHIVE_VERSION)) {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    db = open();
  }
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)").run(String(ARCHIVE_VERSION));
  return db;
}

export function getMeta(db: ArchiveDb, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: ArchiveDb, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
}

export function deleteMeta(db: ArchiveDb, key: string): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(key);
}

/** A number that changes whenever another connection commits to the archive (SQLite's data_version). */
export function dataVersion(db: ArchiveDb): number {
  return (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
}

/**
 * A full build starts over from the catalog: every story is decided again and every route drawn, so
 * what was decided and drawn before is forgotten (the wire files and their items are kept).
 */
export function forgetDecisions(db: ArchiveDb): void {
  for (const table of [
    'stories',
    'sections',
    'articles',
    'article_agencies',
    'list_counts',
    'mentions',
    'quotes',
    'photo_uses',
    'inline_sources',
    'route_keys',
    'route_ranges',
  ])
    db.exec(`DELETE FROM ${table}`);
}

/** Statements prepared once per connection and kept: a publish runs the same few thousands of times. */
const statementCaches = new WeakMap<ArchiveDb, (sql: string) => ReturnType<ArchiveDb['prepare']>>();
export function preparedStatements(db: ArchiveDb): (sql: string) => ReturnType<ArchiveDb['prepare']> {
  let cache = statementCaches.get(db);
  if (!cache) {
    const prepared = new Map<string, ReturnType<ArchiveDb['prepare']>>();
    cache = (sql) => {
      let statement = prepared.get(sql);
      if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
      return statement;
    };
    statementCaches.set(db, cache);
  }
  return cache;
}

export function transaction<T>(db: ArchiveDb, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * transaction() for work that awaits (pictures, social images, loading the theme). `work` returns
 * `{ commit: false }` to roll back what it did and still return its value (strict mode's refusal).
 * Nothing else may use the connection meanwhile: the publisher runs one publish at a time.
 */
export async function transactionAsync<T>(db: ArchiveDb, work: () => Promise<{ value: T; commit: boolean }>, onRollback?: () => void): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const { value, commit } = await work();
    db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    if (!commit) onRollback?.();
    return value;
  } catch (error) {
    db.exec('ROLLBACK');
    onRollback?.();
    throw error;
  }
}
