// Full-text search with Pagefind, written while the rest of the build runs.
//
// The stories are split into shards of consecutive months (shards.ts). Each shard is indexed from the
// wire files (records.ts) by its own Pagefind process, one shard at a time, into Dateline's cache,
// keyed by what it holds: an unchanged shard is never indexed again, so publishing a story re-indexes
// only the newest shard. The loader starts the work as soon as it knows the stories, and it runs beside
// the rest of the build (the Pagefind process uses the core the page renderer leaves idle);
// `astro:build:done` waits for it and links the shards into `<outDir>/pagefind/<month>-<key>/`: a
// shard's folder is named by its content, so everything under `pagefind/` can be cached for good, and
// `search/shards.json` lists the current shards newest first for the search page.
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleRecord } from '../ingest/index.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import { linkTree } from '../link-files.ts';
import { parserFingerprint } from '../ingest/parse-cache.ts';
import { searchRecord, searchTextKey, type RecordOptions } from './records.ts';
import { planShards } from './shards.ts';

/** The shard list, beside the search page (under `pagefind/` everything is immutable). */
export const SHARDS_FILE = 'search/shards.json';

export interface BuiltShard {
  id: string;
  /** Folder under `pagefind/`: `<id>-<content key>`. */
  folder: string;
  last: string;
  stories: number;
  /** The shard's Pagefind bundle in the cache. */
  dir: string;
}

export interface SearchIndex {
  shards: BuiltShard[];
  /** Shards indexed in this build (the others came from the cache). */
  indexed: number;
  milliseconds: number;
}

/** Pagefind's version (its package.json is not exported, so read the file). */
function pagefindVersion(rootPath: string): string {
  try {
    return (JSON.parse(readFileSync(join(rootPath, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Everything a shard's index depends on besides its stories: Pagefind, the parser, the record format, dates. */
function indexFingerprint(rootPath: string, options: RecordOptions): string {
  return createHash('sha256')
    .update(`pagefind ${pagefindVersion(rootPath)}\0parser ${parserFingerprint()}\0`)
    .update(readFileSync(fileURLToPath(new URL('./records.ts', import.meta.url))))
    .update(readFileSync(fileURLToPath(new URL('../time.ts', import.meta.url)))) // the date shown in results
    .update(`\0${options.language}\0${options.timeZone}`)
    .digest('hex');
}

function shardKey(fingerprint: string, articles: ArticleRecord[]): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const a of articles) hash.update(`\0${a.path}\0${a.file}\0${a.item}\0${a.digest}\0${a.timestamp}`);
  return hash.digest('hex').slice(0, 16);
}

async function indexShard(articles: ArticleRecord[], options: RecordOptions, target: string, texts: Map<string, string>): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    const added = await Promise.all(articles.map((a) => index.addCustomRecord(searchRecord(a, options, texts.get(searchTextKey(a.file, a.item))))));
    const failed = added.flatMap((r) => r.errors);
    if (failed.length) throw new Error(failed.join('; '));
    const written = await index.writeFiles({ outputPath: tmp });
    if (written.errors.length) throw new Error(written.errors.join('; '));
  } finally {
    // One Pagefind process per shard: its memory is returned as soon as the shard is written.
    await pagefind.close();
  }
  renameSync(tmp, target);
}

/** Indexes the shards that changed (one at a time) and returns every shard's bundle in the cache. */
export async function buildSearchIndex(
  articles: ArticleRecord[],
  options: RecordOptions & { cacheDir: string; rootPath: string; shardSize: number },
  /** Search texts the loader already has (items it parsed, by searchTextKey); used up as shards are done. */
  texts: Map<string, string> = new Map(),
): Promise<SearchIndex> {
  const started = performance.now();
  const fingerprint = indexFingerprint(options.rootPath, options);
  mkdirSync(options.cacheDir, { recursive: true });
  const shards: BuiltShard[] = [];
  let indexed = 0;
  for (const shard of planShards(articles, options.shardSize)) {
    const folder = `${shard.id}-${shardKey(fingerprint, shard.articles)}`;
    const dir = join(options.cacheDir, folder);
    if (!existsSync(dir)) {
      await indexShard(shard.articles, options, dir, texts);
      indexed++;
    }
    for (const a of shard.articles) texts.delete(searchTextKey(a.file, a.item));
    shards.push({ id: shard.id, folder, last: shard.last, stories: shard.articles.length, dir });
  }
  // Keep only the shards of this build.
  const current = new Set(shards.map((s) => s.dir));
  for (const name of readdirSync(options.cacheDir)) {
    const path = join(options.cacheDir, name);
    if (!current.has(path)) rmSync(path, { recursive: true, force: true });
  }
  return { shards, indexed, milliseconds: Math.round(performance.now() - started) };
}

/**
 * Places every shard under `<outDir>/pagefind/` and writes the shard list (newest first). Folders are
 * named by content, so a shard an earlier build placed is left as it is.
 */
export function placeSearchIndex(outDir: string, index: SearchIndex): void {
  const root = join(outDir, 'pagefind');
  mkdirSync(root, { recursive: true });
  const folders = new Set(index.shards.map((s) => s.folder));
  for (const name of readdirSync(root)) if (!folders.has(name)) rmSync(join(root, name), { recursive: true, force: true });
  for (const shard of index.shards) {
    const target = join(root, shard.folder);
    if (!existsSync(join(target, 'pagefind-entry.json'))) linkTree(shard.dir, target);
  }
  const listed = [...index.shards].reverse().map(({ folder, id, last, stories }) => ({ path: folder, first: id, last, stories }));
  mkdirSync(join(outDir, 'search'), { recursive: true });
  writeFileSync(join(outDir, SHARDS_FILE), `${JSON.stringify({ shards: listed })}\n`);
}

export function describeSearchIndex(index: SearchIndex): string {
  const stories = index.shards.reduce((n, s) => n + s.stories, 0);
  const work = index.indexed ? `${index.indexed} indexed, ${index.shards.length - index.indexed} unchanged` : 'all unchanged, reused';
  return `search: ${stories} stories in ${index.shards.length} shard(s), ${work} (${index.milliseconds} ms)`;
}

/** The last job started: a new one waits for it (they share Pagefind's service and the cache). */
let previous: Promise<unknown> = Promise.resolve();

/** Starts `buildSearchIndex` for a build; a failure is reported where the index is awaited. */
export function startSearchIndex(articles: ArticleRecord[], config: ResolvedDatelineConfig, texts?: Map<string, string>): Promise<SearchIndex> {
  const run = () => buildSearchIndex(articles, {
    contentPath: config.contentPath,
    timeZone: config.timeZone,
    language: config.language,
    cacheDir: join(config.cachePath, 'search'),
    rootPath: config.rootPath,
    shardSize: config.searchShardSize,
  }, texts);
  const job = previous.then(run, run);
  previous = job.catch(() => {}); // the job itself is awaited, and so thrown, in astro:build:done
  return job;
}
