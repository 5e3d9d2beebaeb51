// The search index on publish: the spans (a year, or the newest month) of the months a change touched are
// cut into shards again (search/shards.ts); a shard whose folder (named by its content) is new is indexed
// by Pagefind into the cache and linked into `dist/pagefind/<folder>/`; folders no span uses any more
// are removed; `search/shards.json` lists the shards newest first for the search page.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Library } from '../site/library.ts';
import type { SearchShards } from '../archive/search-shards.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import { indexFingerprint, indexShard, SHARDS_FILE, shardKey } from '../search/build.ts';
import { planSpan, spanOf } from '../search/shards.ts';
import type { RecordOptions } from '../search/records.ts';
import type { SiteOutput } from './output.ts';

export interface SearchUpdate {
  indexed: number;
  shards: number;
  milliseconds: number;
}

function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? files(dir, path) : [path];
  });
}

/**
 * Brings the search index up to date for `months` (every month, on a full build). `texts`: search
 * texts of items parsed in this run (by searchTextKey), so their files are not read again.
 */
export async function updateSearch(
  shards: SearchShards,
  library: Library,
  config: ResolvedDatelineConfig,
  output: SiteOutput,
  months: Set<string> | 'all',
  texts: Map<string, string>,
  /** Called after each shard, with how many of the stories of the spans checked are done (progress). */
  onProgress?: (done: number, total: number) => void,
): Promise<SearchUpdate> {
  const started = performance.now();
  const options: RecordOptions = {
    contentPath: config.contentPath,
    timeZone: config.timeZone,
    language: config.language,
    wireItem: (a) => library.wireItem(a),
  };
  const fingerprint = indexFingerprint(config.rootPath, options);
  const cacheDir = join(config.cachePath, 'search');
  mkdirSync(cacheDir, { recursive: true });
  const present = library.queries.months();
  const newest = present.at(-1);
  // The newest month is planned on its own and every other with its year: a change of which month is
  // newest re-plans the spans of both months.
  const previousNewest = shards.newestMonthSpan();
  const todo = new Set<string>();
  if (months === 'all') {
    for (const m of present) todo.add(spanOf(m, newest));
    for (const span of shards.liveSpans()) todo.add(span);
  } else {
    for (const m of months) todo.add(spanOf(m, newest));
  }
  if (newest !== previousNewest) {
    for (const m of [newest, previousNewest]) if (m) for (const span of [m, m.slice(0, 4)]) todo.add(span);
  }
  let indexed = 0;
  // the stories of the spans to check, counted from the month index (progress)
  const spanStories = (span: string) =>
    (span.length === 4 ? present.filter((m) => m.startsWith(`${span}-`) && m !== newest) : span === newest ? [span] : []).reduce(
      (n, m) => n + library.queries.monthCount(m),
      0,
    );
  const total = onProgress ? [...todo].reduce((n, span) => n + spanStories(span), 0) : 0;
  let checked = 0;
  onProgress?.(0, total);
  for (const span of [...todo].sort()) {
    const articles =
      span.length === 4
        ? present.filter((m) => m.startsWith(`${span}-`) && m !== newest).flatMap((m) => library.queries.monthShardStories(m))
        : span === newest
          ? library.queries.monthShardStories(span)
          : [];
    const planned = planSpan(span, articles, config.searchShardSize).map((shard, idx) => ({
      folder: `${shard.id}-${shardKey(fingerprint, shard.articles)}`,
      idx,
      shard,
    }));
    const before = new Set(shards.liveFolders(span));
    const keep = new Set(planned.map((p) => p.folder));
    for (const folder of before) if (!keep.has(folder)) shards.retire(folder);
    for (const { folder, idx, shard } of planned) {
      const dir = join(cacheDir, folder);
      if (!existsSync(join(dir, 'pagefind-entry.json'))) {
        rmSync(dir, { recursive: true, force: true });
        // whole records only for a shard that is indexed (planning needs only what its key names)
        const records = shard.articles.map((a) => library.queries.byPath(a.path)!);
        await indexShard(records, options, dir, texts);
        indexed++;
      }
      // (every file again on a full build, which keeps only what it places)
      if (months === 'all' || !before.has(folder) || !existsSync(join(output.dir, 'pagefind', folder, 'pagefind-entry.json'))) {
        for (const file of files(dir)) output.link(`pagefind/${folder}/${file}`, join(dir, file), 'search', folder);
      }
      shards.put({ folder, span, idx, stories: shard.articles.length, last: shard.articles.at(-1)!.timestamp });
      checked += shard.articles.length;
      if (checked < total) onProgress?.(checked, total);
    }
  }
  onProgress?.(total, total);
  // Newest first; a reader's search asks a few shards of the same span at once.
  const listed = shards.listed().map((r) => ({ path: r.folder, span: r.span, stories: r.stories }));
  output.write(SHARDS_FILE, `${JSON.stringify({ shards: listed })}\n`, 'static');
  // Replaced shards go only now: until the new list is in place, the search page reads the old one.
  // (Also those a publisher killed before it could remove them.)
  for (const folder of shards.retiredFolders()) {
    // a range of the primary key (pathsUnder), not LIKE: the outputs table holds every file of the site
    for (const path of output.pathsUnder(`pagefind/${folder}/`)) output.remove(path);
    rmSync(join(cacheDir, folder), { recursive: true, force: true });
    shards.forget(folder);
  }
  return { indexed, shards: listed.length, milliseconds: Math.round(performance.now() - started) };
}

/** Search shards in the cache no shard of the archive uses (after a full build). */
export function pruneSearchCache(shards: SearchShards, config: ResolvedDatelineConfig): void {
  const cacheDir = join(config.cachePath, 'search');
  if (!existsSync(cacheDir)) return;
  const used = new Set(shards.folders());
  for (const name of readdirSync(cacheDir)) if (!used.has(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
}
