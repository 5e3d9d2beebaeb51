// Full-text search with Pagefind, written while the pages render.
//
// The stories are split into shards of consecutive months (shards.ts). Each shard is indexed from the
// wire files (records.ts) by its own Pagefind process, one shard at a time, into Dateline's cache,
// keyed by what it holds: an unchanged shard is never indexed again, so publishing a story re-indexes
// only the newest shard. The work starts in `astro:build:start` and runs beside page generation (the
// Pagefind process uses the core the page renderer leaves idle); `astro:build:done` waits for it and
// links the shards into `<outDir>/pagefind/<shard>/`, with `pagefind/shards.json` listing them newest
// first for the search page.
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleRecord } from '../analyze.ts';
import { linkTree } from '../link-files.ts';
import { parserFingerprint } from '../parse-cache.ts';
import { searchRecord, type RecordOptions } from './records.ts';
import { planShards } from './shards.ts';

export const SHARDS_FILE = 'shards.json';

export interface BuiltShard {
  id: string;
  last: string;
  stories: number;
  /** The shard's Pagefind bundle in the cache. */
  dir: string;
}

export interface SearchIndex {
  shards: BuiltShard[];
  indexed: number;
  reused: number;
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

/** Everything a shard's index depends on besides its stories: Pagefind, the parser, the record format. */
function indexFingerprint(rootPath: string, options: RecordOptions): string {
  return createHash('sha256')
    .update(`pagefind ${pagefindVersion(rootPath)}\0parser ${parserFingerprint()}\0`)
    .update(readFileSync(fileURLToPath(new URL('./records.ts', import.meta.url))))
    .update(`\0${options.language}\0${options.timeZone}`)
    .digest('hex');
}

function shardKey(fingerprint: string, articles: ArticleRecord[]): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const a of articles) hash.update(`\0${a.path}\0${a.file}\0${a.digest}\0${a.timestamp}`);
  return hash.digest('hex').slice(0, 16);
}

async function indexShard(articles: ArticleRecord[], options: RecordOptions, target: string): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    const added = await Promise.all(articles.map((a) => index.addCustomRecord(searchRecord(a, options))));
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
): Promise<SearchIndex> {
  const started = performance.now();
  const fingerprint = indexFingerprint(options.rootPath, options);
  mkdirSync(options.cacheDir, { recursive: true });
  const shards: BuiltShard[] = [];
  let indexed = 0;
  for (const shard of planShards(articles, options.shardSize)) {
    const dir = join(options.cacheDir, `${shard.id}-${shardKey(fingerprint, shard.articles)}`);
    if (!existsSync(dir)) {
      await indexShard(shard.articles, options, dir);
      indexed++;
    }
    shards.push({ id: shard.id, last: shard.last, stories: shard.articles.length, dir });
  }
  // Keep only the shards of this build.
  const current = new Set(shards.map((s) => s.dir));
  for (const name of readdirSync(options.cacheDir)) {
    const path = join(options.cacheDir, name);
    if (!current.has(path)) rmSync(path, { recursive: true, force: true });
  }
  return { shards, indexed, reused: shards.length - indexed, milliseconds: Math.round(performance.now() - started) };
}

/** Places every shard under `<outDir>/pagefind/` and writes `pagefind/shards.json` (newest first). */
export function placeSearchIndex(outDir: string, index: SearchIndex): void {
  const root = join(outDir, 'pagefind');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const shard of index.shards) linkTree(shard.dir, join(root, shard.id));
  const listed = [...index.shards].reverse().map(({ id, last, stories }) => ({ id, first: id, last, stories }));
  writeFileSync(join(root, SHARDS_FILE), `${JSON.stringify({ shards: listed })}\n`);
}

export function describeSearchIndex(index: SearchIndex): string {
  const stories = index.shards.reduce((n, s) => n + s.stories, 0);
  const work = index.indexed ? `${index.indexed} indexed, ${index.reused} unchanged` : 'all unchanged, reused';
  return `search: ${stories} stories in ${index.shards.length} shard(s), ${work} (${index.milliseconds} ms)`;
}
