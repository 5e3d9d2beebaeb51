// Indexing one search shard with Pagefind: its stories' records (records.ts) in, a Pagefind bundle in
// Dateline's cache out, in a folder named by everything the shard's index depends on (its stories'
// texts and times, Pagefind's version, the parsers, the record format, language and zone). A folder
// that exists is never indexed again; everything under `pagefind/` can be cached for good.
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleRecord } from '../archive/records.ts';
import { parserFingerprint } from '../formats/fingerprint.ts';
import { searchRecord, searchTextKey, type RecordOptions } from './records.ts';

/** Files of a Pagefind bundle the search page does not load (it imports `pagefind.js` only). */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** The shard list, beside the search page (under `pagefind/` everything is immutable). */
export const SHARDS_FILE = 'search/shards.json';

/** Pagefind's version (its package.json is not exported, so read the file). */
function pagefindVersion(rootPath: string): string {
  try {
    return (JSON.parse(readFileSync(join(rootPath, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Everything a shard's index depends on besides its stories: Pagefind, the parser, the record format, dates. */
export function indexFingerprint(rootPath: string, options: RecordOptions): string {
  return createHash('sha256')
    .update(`pagefind ${pagefindVersion(rootPath)} ${UNUSED_FILES.join(',')}\0parser ${parserFingerprint()}\0`)
    .update(readFileSync(fileURLToPath(new URL('./records.ts', import.meta.url))))
    .update(readFileSync(fileURLToPath(new URL('../time.ts', import.meta.url)))) // the date shown in results
    .update(`\0${options.language}\0${options.timeZone}`)
    .digest('hex');
}

export function shardKey(fingerprint: string, articles: readonly Pick<ArticleRecord, 'path' | 'file' | 'item' | 'digest' | 'timestamp'>[]): string {
  const hash = createHash('sha256').update(fingerprint);
  for (const a of articles) hash.update(`\0${a.path}\0${a.file}\0${a.item}\0${a.digest}\0${a.timestamp}`);
  return hash.digest('hex').slice(0, 16);
}

export async function indexShard(articles: ArticleRecord[], options: RecordOptions, target: string, texts: Map<string, string>): Promise<void> {
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
    // Pagefind's ready-made interfaces (430 KB a shard) are never loaded: the search page is our own.
    for (const file of UNUSED_FILES) rmSync(join(tmp, file), { force: true });
  } finally {
    // One Pagefind process per shard: its memory is returned as soon as the shard is written.
    await pagefind.close();
  }
  renameSync(tmp, target);
}
