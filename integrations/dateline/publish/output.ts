// Writing the site into the output folder. Every file is written atomically (a temporary file, then a
// rename), so a reader or a deploy never sees half a page, and a publisher killed mid-write leaves the
// old file or the new one. A file whose bytes are unchanged is not written at all: it keeps its inode
// and modification time, and it is not listed as changed. Every write and removal is recorded in the
// archive until a publish completes, for `.dateline/changes.json` (what to upload).
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ArchiveDb } from '../archive/db.ts';
import { OutputTable, type OutputKind } from '../archive/outputs.ts';
import { PendingQueue } from '../archive/pending.ts';
import { linkOrCopy, sameFile } from './link-files.ts';

export type { OutputKind };

/** Files place() works on at once. */
const PLACE_CONCURRENCY = 16;

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64url').slice(0, 27);

export interface WriteOptions {
  /** The sitemap `lastmod` of a page. */
  lastmod?: string;
  /** The page sitemap that lists the page: it is written again when the page appears, goes or changes its lastmod or pictures. */
  sitemap?: string;
  /** Site paths of the pictures the page shows (its sitemap's `image:image`). */
  images?: string[];
}

/** What a removed file was, for the summary (a publisher seeing "17 removed" wants to know what went). */
export const REMOVED_KINDS = ['replaced search-index files', 'pages', 'feeds', 'social images', 'photo files', 'sitemaps', 'other files'] as const;
export type RemovedKind = (typeof REMOVED_KINDS)[number];

/**
 * By path: a search shard lives in a folder named by its content, so re-indexing it puts a new folder
 * beside the old one and removes the old files; pictures and social images go with their story.
 */
export function removedKind(path: string): RemovedKind {
  if (path.startsWith('pagefind/')) return 'replaced search-index files';
  if (path.startsWith('og/')) return 'social images';
  if (path.startsWith('photos/')) return 'photo files';
  if (/^sitemap[^/]*\.xml$/.test(path)) return 'sitemaps';
  if (path.endsWith('rss.xml')) return 'feeds';
  if (path.endsWith('.html')) return 'pages';
  return 'other files';
}

export class SiteOutput {
  readonly dir: string;
  /** What the archive records of the files written (archive/outputs.ts). */
  readonly table: OutputTable;
  readonly #pending: PendingQueue;
  // What the current publish did (begin() starts them again: a resident publisher keeps one SiteOutput).
  #written = 0;
  #removed = 0;
  #kept = 0;
  /** Files removed by the current publish, by what they were (removedKind()). */
  readonly #removedKinds = new Map<RemovedKind, number>();

  /** Folders known to exist (a recursive mkdir per file was a tenth of a full build's main thread). */
  readonly #folders = new Set<string>();
  /** Files place() has put in place (or found in place), for the write() that records each. */
  readonly #placed = new Map<string, { hash: string; wrote: boolean }>();

  constructor(db: ArchiveDb, dir: string) {
    this.table = new OutputTable(db);
    this.#pending = new PendingQueue(db);
    this.dir = dir;
  }

  /** Makes a folder whose parents are known (one mkdir, not a recursive walk, for each new folder). */
  #ensureFolder(folder: string): void {
    if (this.#folders.has(folder)) return;
    if (folder.length <= this.dir.length) {
      // the output folder itself, wherever it is
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
      return;
    }
    this.#ensureFolder(dirname(folder));
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.#folders.add(folder);
  }

  /** Runs `create` (which makes a file beside `target`) once `target`'s folder exists. */
  #inFolder(target: string, create: () => void): void {
    const folder = dirname(target);
    this.#ensureFolder(folder);
    try {
      create();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // the folder went (removed by hand while a watcher ran): forget what was known, make it again
      this.#folders.clear();
      mkdirSync(folder, { recursive: true });
      this.#folders.add(folder);
      create();
    }
  }

  /** Starts the counts of a new publish. */
  begin(): void {
    this.#written = 0;
    this.#removed = 0;
    this.#kept = 0;
    this.#removedKinds.clear();
  }

  /** What the publish since begin() did: files written, removed (and what they were), left unchanged. */
  get counts(): { written: number; removed: number; unchanged: number; removedKinds: [RemovedKind, number][] } {
    const removedKinds = REMOVED_KINDS.filter((k) => this.#removedKinds.has(k)).map((k): [RemovedKind, number] => [k, this.#removedKinds.get(k)!]);
    return { written: this.#written, removed: this.#removed, unchanged: this.#kept, removedKinds };
  }

  /**
   * The file side of write() for many files at once, in parallel on libuv's threads: each file is
   * compared with what is in place and written (temporary file, rename) when it differs. The write()
   * calls that follow, one per file, only record what happened. Leaves the thread free meanwhile
   * (render workers are answered while the disk works).
   */
  async place(files: { path: string; bytes: Uint8Array }[]): Promise<void> {
    let next = 0;
    const one = async () => {
      for (let i = next++; i < files.length; i = next++) {
        const { path, bytes } = files[i]!;
        const hash = digest(bytes);
        const target = join(this.dir, path);
        const recorded = this.table.hashOf(path);
        let same = false;
        try {
          const info = await stat(target);
          same = info.isFile() && info.size === bytes.length && (recorded === hash || digest(await readFile(target)) === hash);
        } catch {
          same = false;
        }
        if (!same) {
          const tmp = `${target}.${process.pid}.dateline-tmp`;
          // a new folder is one mkdir, once: not worth a round trip to the thread pool
          this.#ensureFolder(dirname(target));
          await writeFile(tmp, bytes);
          await rename(tmp, target);
        }
        this.#placed.set(path, { hash, wrote: !same });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PLACE_CONCURRENCY, files.length) }, one));
  }

  /** Writes `bytes` at site path `path` unless the file already holds exactly them. Returns whether it wrote. */
  write(path: string, bytes: Uint8Array | string, kind: OutputKind, options: WriteOptions = {}): boolean {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    const hash = digest(data);
    const target = join(this.dir, path);
    const row = this.table.get(path);
    const images = options.images?.length ? JSON.stringify(options.images) : null;
    const listed = !row || (row.lastmod ?? undefined) !== options.lastmod || row.images !== images;
    const placed = this.#placed.get(path);
    this.#placed.delete(path);
    let same = false;
    let inPlace = false;
    if (placed?.hash === hash) {
      same = !placed.wrote;
      inPlace = true;
    } else {
      try {
        const info = statSync(target);
        // The archive says what was written; the file itself decides (after a crash, or a first build
        // over an existing output folder, the two may differ).
        same = info.isFile() && info.size === data.length && (row?.hash === hash || digest(readFileSync(target)) === hash);
      } catch {
        same = false;
      }
    }
    if (!same) {
      if (!inPlace) {
        const tmp = `${target}.${process.pid}.dateline-tmp`;
        this.#inFolder(target, () => writeFileSync(tmp, data));
        renameSync(tmp, target);
      }
      this.table.noteChange(path, 'written');
      this.#written++;
    } else {
      // Already in place but not what the archive recorded: written by a publisher killed before it
      // could record it. Still a change for the deployer, though not a write.
      if (row?.hash !== hash) this.table.noteChange(path, 'written');
      this.#kept++;
    }
    if (!row || row.hash !== hash || listed) {
      this.table.put(path, { hash, kind, lastmod: options.lastmod, grp: options.sitemap, images });
      if (options.sitemap && listed) this.#pending.add({ kind: 'sitemap', group: options.sitemap });
    } else if (row.stale) this.table.markFresh(path);
    return !same;
  }

  /**
   * Places a file from a cache (a social image, a search shard's file) by hard link, or a copy across
   * devices. `key` names its content (the cache's key): an unchanged file already in place is left alone.
   */
  link(path: string, source: string, kind: OutputKind, key: string): boolean {
    const target = join(this.dir, path);
    const row = this.table.get(path);
    let present: boolean;
    try {
      present = statSync(target).isFile();
    } catch {
      present = false;
    }
    if (present && row?.hash === key) {
      if (row.stale) this.table.markFresh(path);
      this.#kept++;
      return false;
    }
    // Nothing there (a full build into a new folder, a new shard): one link, which is atomic itself.
    // Already this very file (linked by a publisher killed before it recorded it): nothing to place;
    // a link beside it renamed over it would stay, as rename() of two links to one file does nothing.
    // Anything else (a file to replace, another device, no hard links) goes beside it and is renamed.
    let linked = present && sameFile(source, target);
    if (!present) {
      try {
        this.#inFolder(target, () => linkSync(source, target));
        linked = true;
      } catch {
        linked = false;
      }
    }
    if (!linked) {
      const tmp = `${target}.${process.pid}.dateline-tmp`;
      rmSync(tmp, { force: true });
      this.#inFolder(target, () => linkOrCopy(source, tmp));
      renameSync(tmp, target);
    }
    // the change first: a publisher killed between the two leaves a file the next one links again and
    // lists; recorded first, the file would look in place to it and never reach the changes file
    this.table.noteChange(path, 'written');
    this.table.put(path, { hash: key, kind });
    this.#written++;
    return true;
  }

  /** Removes the file at `path` (and folders it leaves empty). */
  remove(path: string): void {
    const target = join(this.dir, path);
    let existed = false;
    try {
      existed = statSync(target).isFile();
    } catch {
      existed = false;
    }
    const row = this.table.get(path);
    // Recorded but already gone: removed by a publisher killed before it could record that.
    if (existed || row) this.table.noteChange(path, 'removed');
    if (existed) {
      rmSync(target, { force: true });
      this.#removed++;
      const kind = removedKind(path);
      this.#removedKinds.set(kind, (this.#removedKinds.get(kind) ?? 0) + 1);
      for (let dir = dirname(target); dir.startsWith(this.dir + sep); dir = dirname(dir)) {
        try {
          rmdirSync(dir);
          this.#folders.delete(dir);
        } catch {
          break; // not empty
        }
      }
    }
    if (row?.grp) this.#pending.add({ kind: 'sitemap', group: row.grp });
    this.table.forget(path);
  }

  /** Site paths of the recorded outputs under a folder (`photos/3f9a…/`), by a range of the index. */
  pathsUnder(folder: string): string[] {
    return this.table.pathsUnder(folder);
  }

  /** Site paths of every file in the output folder (temporary files of a killed writer included). */
  filesOnDisk(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else found.push(relative(this.dir, path).split(sep).join('/'));
      }
    };
    walk(this.dir);
    return found.sort();
  }

  /** Removes leftover temporary files of a killed writer. */
  removeTemporaryFiles(): void {
    for (const path of this.filesOnDisk()) if (path.endsWith('.dateline-tmp')) rmSync(join(this.dir, path), { force: true });
  }
}

/**
 * Writes `.dateline/changes.json`: the files written and removed since a deployer last took the file
 * (moved it away), so publishes that run before a deploy add up instead of overwriting each other. A
 * path is listed once, under what happened to it last; a deployer brings each listed path to the state
 * it has in dist/ now (upload if present, delete if not), so a list taken mid-publish is still right.
 */
export function writeChanges(outputs: OutputTable, file: string, meta: { generatedAt: string }): { written: string[]; removed: string[] } {
  const rows = outputs.changes();
  const change = new Map<string, string>();
  let since = meta.generatedAt;
  let publishes = 0;
  let full = false;
  const earlier = readChanges(file);
  if (earlier) {
    for (const path of earlier.written) change.set(path, 'written');
    for (const path of earlier.removed) change.set(path, 'removed');
    since = earlier.since ?? since;
    publishes = earlier.publishes ?? 1;
    full = earlier.full === true;
  }
  for (const r of rows) change.set(r.path, r.change);
  const paths = [...change.keys()].sort();
  const written = paths.filter((p) => change.get(p) === 'written');
  const removed = paths.filter((p) => change.get(p) === 'removed');
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  // full: what an earlier file listed is not known (it could not be read): deploy the whole folder
  const body = { since, generatedAt: meta.generatedAt, publishes: publishes + 1, full, written, removed };
  writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`);
  renameSync(tmp, file);
  outputs.clearChanges();
  return { written, removed };
}

interface ChangesFile {
  since?: string;
  publishes?: number;
  full?: boolean;
  written: string[];
  removed: string[];
}

/** The changes file a deployer has not taken yet, if any. */
function readChanges(file: string): ChangesFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as ChangesFile;
    if (Array.isArray(parsed.written) && Array.isArray(parsed.removed)) return parsed;
  } catch {
    // not JSON any more (edited by hand, or a disk error)
  }
  // What it listed is not known: the deployer is told to bring over the whole folder.
  return { full: true, written: [], removed: [] };
}
