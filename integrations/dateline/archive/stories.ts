// Stories in the archive: for the story keys a change touched (and stories whose embargo has passed),
// the versions are decided again (../stories/versions.ts), the stories of the folders they live in are
// placed again (../stories/placement.ts), section labels are checked, and the article records of
// published stories are rebuilt. Everything else in the archive is left as it is, so the work is
// proportional to the change; deciding every story from nothing gives the same rows (tested).
import type { ResolvedDatelineConfig } from '../options.ts';
import { correctionOf } from '../stories/correction.ts';
import { assignPaths, basePathOf } from '../stories/placement.ts';
import { normaliseSectionMap, sectionOf } from '../stories/sections.ts';
import { decideStories, type VersionDecision, type VersionInput } from '../stories/versions.ts';
import { toIsoInZone, toMillis } from '../time.ts';
import { refreshEntries, type ItemDecisionRecord } from './statuses.ts';
import { sectionSlug } from '../urls.ts';
import type { ItemSummary } from '../ingest/summary.ts';
import { itemsOfStory } from './catalog.ts';
import type { ArchiveDb } from './db.ts';
import type { ArticleRecord } from './records.ts';
import { checkArticle } from './schema.ts';

/** A version of a story as decided: where it came from and what its item said. */
export interface DecidedItem extends VersionInput {
  summary: ItemSummary;
  digest: string;
  warnings: string[];
}

export interface StoryRow {
  key: string;
  status: 'published' | 'scheduled' | 'withdrawn';
  published: number;
  due: number | null;
  day_dir: string;
  base_path: string;
  path: string;
  section_slug: string;
  section_name: string;
}

export interface DecidedStory {
  row: StoryRow;
  versions: DecidedItem[];
  decisions: Map<DecidedItem, VersionDecision>;
  shown?: DecidedItem;
  /** The version whose publication time is the story's. */
  first: DecidedItem;
  modified?: number;
}

export interface StoryChanges {
  /** Stories decided again, with their versions (published ones need an article record). */
  stories: Map<string, DecidedStory>;
  /** Stories whose row is gone (no item has their key any more). */
  removed: Set<string>;
  /** Section slugs whose reader-facing label changed (every page shows the section navigation). */
  labels: Set<string>;
  /** Files whose report entries must be written again. */
  files: Set<string>;
}

const warningText = (d: { line: number; message: string }) => `line ${d.line}: ${d.message}`;

function versionsOf(db: ArchiveDb, key: string): DecidedItem[] {
  const versions: DecidedItem[] = [];
  for (const { file, index, record, digest } of itemsOfStory(db, key)) {
    if (!record.ok) continue;
    const s = record.summary;
    const published = toMillis(s.published);
    const item: DecidedItem = {
      file,
      index,
      line: s.line,
      key,
      published,
      versionTime: s.modified ? toMillis(s.modified) : published,
      status: s.status,
      contentKey: s.contentKey,
      summary: s,
      digest,
      warnings: record.warnings.map(warningText),
    };
    if (s.version !== undefined) item.version = s.version;
    if (s.embargoedUntil !== undefined) item.embargoedUntil = toMillis(s.embargoedUntil);
    versions.push(item);
  }
  return versions;
}

/** Decides one story from its items (undefined when it has none). */
export function decideStory(
  db: ArchiveDb,
  key: string,
  now: number,
  config: ResolvedDatelineConfig,
  sectionMap: Map<string, string>,
): DecidedStory | undefined {
  const items = versionsOf(db, key);
  if (items.length === 0) return undefined;
  const { stories, decisions } = decideStories(items, now);
  const story = stories[0]!;
  const first = story.versions.find((v) => v.published === story.published)!;
  const sectionName = sectionOf(story.first.summary, sectionMap, config.defaultSection);
  const base = basePathOf(
    { key, published: story.published, publishedIso: first.summary.published, headline: story.first.summary.headline, sectionName },
    config.timeZone,
  );
  const upcoming = story.versions.map((v) => decisions.get(v)).flatMap((d) => (d?.status === 'scheduled' ? [d.dueAt] : []));
  // A picture of the version shown that is still under embargo joins the story when its embargo ends.
  for (const until of story.shown?.summary.pictureEmbargoes ?? []) if (toMillis(until) > now) upcoming.push(toMillis(until));
  const row: StoryRow = {
    key,
    status: story.status,
    published: story.published,
    due: upcoming.length ? Math.min(...upcoming) : null,
    day_dir: base.dayDir,
    base_path: base.basePath,
    path: base.basePath, // placed below with its folder
    section_slug: base.sectionSlug,
    section_name: sectionName,
  };
  const decided: DecidedStory = { row, versions: story.versions, decisions, first };
  if (story.shown) decided.shown = story.shown;
  if (story.modified !== undefined) decided.modified = story.modified;
  return decided;
}

/** `file` or `file:line` (for an item of a file of several). */
const where = (v: DecidedItem) => (v.summary.line > 1 ? `${v.file}:${v.summary.line}` : v.file);

/** The report's words for what became of a version. */
function decisionRecord(
  item: DecidedItem,
  decision: VersionDecision,
  story: DecidedStory,
  url: (path: string) => string,
  timeZone: string,
): ItemDecisionRecord {
  switch (decision.status) {
    case 'published':
      return { status: 'published', url: url(story.row.path) };
    case 'duplicate':
      return { status: 'duplicate', message: `same story, version and text as ${where(decision.of as DecidedItem)}` };
    case 'superseded':
      return { status: 'superseded', message: `an earlier version of the story; ${where(decision.by as DecidedItem)} is published` };
    case 'withdrawn': {
      const kill = decision.by as DecidedItem;
      const what = kill.summary.status === 'withheld' ? 'withheld' : 'killed';
      return {
        status: 'withdrawn',
        message:
          kill === item
            ? `this item ${what === 'killed' ? 'kills' : 'withholds'} the story: it appears nowhere on the site`
            : `the story was ${what} by ${where(kill)}: it appears nowhere on the site`,
      };
    }
    case 'scheduled':
      return { status: 'scheduled', message: `embargoed until ${toIsoInZone(decision.dueAt, timeZone)}` };
  }
}

/** Stores what became of every version of a decided story (the report reads it). */
function storeDecisions(db: ArchiveDb, story: DecidedStory, url: (path: string) => string, timeZone: string): void {
  const put = db.prepare('UPDATE items SET decision = ? WHERE file = ? AND idx = ?');
  for (const [item, decision] of story.decisions) put.run(JSON.stringify(decisionRecord(item, decision, story, url, timeZone)), item.file, item.index);
}

export function updateStories(
  db: ArchiveDb,
  touched: Iterable<string>,
  now: number,
  config: ResolvedDatelineConfig,
  url: (path: string) => string,
  /** Called before each story is decided, and at the end with all done (progress). */
  onStory?: (done: number, total: number) => void,
): StoryChanges {
  const keys = new Set(touched);
  // Stories with a version whose embargo has passed since they were last decided.
  for (const { key } of db.prepare('SELECT key FROM stories WHERE due IS NOT NULL AND due <= ?').all(now) as { key: string }[]) keys.add(key);
  const sectionMap = normaliseSectionMap(config.sectionMap);
  const getRow = db.prepare('SELECT * FROM stories WHERE key = ?');
  const putRow = db.prepare(
    'INSERT OR REPLACE INTO stories (key, status, published, due, day_dir, base_path, path, section_slug, section_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const dropRow = db.prepare('DELETE FROM stories WHERE key = ?');
  const changes: StoryChanges = { stories: new Map(), removed: new Set(), labels: new Set(), files: new Set() };
  const folders = new Set<string>();
  const slugs = new Set<string>();
  const filesOf = db.prepare('SELECT DISTINCT file FROM items WHERE key = ?');

  let decided = 0;
  for (const key of keys) {
    onStory?.(decided++, keys.size);
    const before = getRow.get(key) as StoryRow | undefined;
    if (before) {
      folders.add(before.day_dir);
      slugs.add(before.section_slug);
    }
    for (const { file } of filesOf.all(key) as { file: string }[]) changes.files.add(file);
    const story = decideStory(db, key, now, config, sectionMap);
    if (!story) {
      if (before) {
        dropRow.run(key);
        changes.removed.add(key);
      }
      continue;
    }
    const r = story.row;
    putRow.run(
      r.key,
      r.status,
      r.published,
      r.due,
      r.day_dir,
      r.base_path,
      before?.base_path === r.base_path ? before.path : r.base_path,
      r.section_slug,
      r.section_name,
    );
    folders.add(r.day_dir);
    slugs.add(r.section_slug);
    changes.stories.set(key, story);
  }

  // Place every story of the folders touched: a suffix may move between two stories of one folder.
  const inFolder = db.prepare('SELECT key, published, base_path, path FROM stories WHERE day_dir = ?');
  const setPath = db.prepare('UPDATE stories SET path = ? WHERE key = ?');
  for (const folder of folders) {
    const group = inFolder.all(folder) as { key: string; published: number; base_path: string; path: string }[];
    const paths = assignPaths(group.map((g) => ({ key: g.key, published: g.published, basePath: g.base_path })));
    for (const g of group) {
      const path = paths.get(g.key)!;
      if (path !== g.path) setPath.run(path, g.key);
      const decided = changes.stories.get(g.key);
      if (decided) decided.row.path = path;
      else if (path !== g.path) {
        // Another story of the folder moves (a new story took its plain URL): decide it again too.
        const story = decideStory(db, g.key, now, config, sectionMap)!;
        story.row.path = path;
        changes.stories.set(g.key, story);
        for (const { file } of filesOf.all(g.key) as { file: string }[]) changes.files.add(file);
      }
    }
  }
  for (const story of changes.stories.values()) storeDecisions(db, story, url, config.timeZone);

  // Labels: the configured one, else the name the oldest story of the section uses.
  const configured = new Map(config.sections.map((s) => [sectionSlug(s.name), s.label]));
  const oldest = db.prepare('SELECT section_name FROM stories WHERE section_slug = ? ORDER BY published, key LIMIT 1');
  const getLabel = db.prepare('SELECT label FROM sections WHERE slug = ?');
  const putLabel = db.prepare('INSERT OR REPLACE INTO sections (slug, label) VALUES (?, ?)');
  const dropLabel = db.prepare('DELETE FROM sections WHERE slug = ?');
  for (const slug of slugs) {
    const name = (oldest.get(slug) as { section_name: string } | undefined)?.section_name;
    const label = name === undefined ? undefined : (configured.get(slug) ?? name);
    const before = (getLabel.get(slug) as { label: string } | undefined)?.label;
    if (label === before) continue;
    if (label === undefined) dropLabel.run(slug);
    else putLabel.run(slug, label);
    changes.labels.add(slug);
  }
  onStory?.(keys.size, keys.size);
  return changes;
}

/** The label readers see for a section slug. */
export function sectionLabel(db: ArchiveDb, slug: string): string | undefined {
  return (db.prepare('SELECT label FROM sections WHERE slug = ?').get(slug) as { label: string } | undefined)?.label;
}

/** The article record of a published story (without its social image, which is drawn from it). */
export function articleRecord(story: DecidedStory, label: string): Omit<ArticleRecord, 'image'> {
  const shown = story.shown!;
  const { status: _s, line: _l, key: _k, embargoedUntil: _e, version: _v, modified: _m, correction: _c, pictureEmbargoes: _p, ...summary } = shown.summary;
  const record: Omit<ArticleRecord, 'image'> = {
    ...summary,
    id: story.row.key,
    file: shown.file,
    item: shown.index,
    path: story.row.path,
    sectionSlug: story.row.section_slug,
    sectionLabel: label,
    published: story.first.summary.published,
    timestamp: story.row.published,
    digest: shown.digest,
    warnings: shown.warnings,
  };
  if (story.modified !== undefined) record.modified = shown.summary.modified ?? shown.summary.published;
  const correction = correctionOf(story.versions, shown);
  if (correction) record.correction = correction;
  return record;
}

/**
 * Checks a complete article record (with its social image and photos) against the schema (./schema.ts)
 * before the archive stores it. A record that fails is not stored: the version shown is reported as
 * rejected, at its file and line, with what is wrong (`headline: expected …, got …`), and the story is
 * not published, as for an item its parser rejected (strict mode then refuses the publish). Returns
 * whether the record may be stored.
 */
export function admitArticle(db: ArchiveDb, record: ArticleRecord): boolean {
  const problem = checkArticle(record);
  if (problem === undefined) return true;
  const decision: ItemDecisionRecord = { status: 'rejected', message: `not published, its article record is invalid: ${problem}` };
  db.prepare('UPDATE items SET decision = ? WHERE file = ? AND idx = ?').run(JSON.stringify(decision), record.file, record.item);
  refreshEntries(db, [record.file]);
  return false;
}

/** The soonest instant after `now` at which a scheduled story falls due (epoch ms), if any (a resident publisher wakes then). */
export function nextDue(db: ArchiveDb, now: number): number | undefined {
  return (db.prepare('SELECT MIN(due) AS t FROM stories WHERE due IS NOT NULL AND due > ?').get(now) as { t: number | null }).t ?? undefined;
}
