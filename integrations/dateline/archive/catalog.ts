// The wire files of the content folder and their items, kept in the archive. Syncing reads only files
// that changed: a file whose size and modification time match the archive is not read at all (a
// publish), or is read and digested but not parsed again when its bytes match (a full build checks every
// byte). Each changed file's items replace its old ones; the story keys they touch are returned, old and
// new, so only those stories are decided again. Files read by other parsers, or in another time zone,
// are read again (the archive keeps what the parser made of them).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parseWireFile } from '../formats/index.ts';
import type { Diagnostic, WireFormat, WireItem } from '../formats/item.ts';
import type { ContentFile } from '../ingest/content-files.ts';
import { itemWarnings, summarizeItem, type ItemSummary } from '../ingest/summary.ts';
import { parserFingerprint } from '../formats/fingerprint.ts';
import { getMeta, setMeta, type ArchiveDb } from './db.ts';

/** What a file's parse said about the file as a whole (its items are rows of their own). */
export interface FileParseRecord {
  format: WireFormat;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Whether the parse used the file's modification time (teletype trailers without a year). */
  usesFileTime?: boolean;
}

/** An item row: parsed (its summary) or rejected on its own. */
export type ItemRecord = { ok: true; summary: ItemSummary; warnings: Diagnostic[] } | { ok: false; line: number; errors: Diagnostic[]; warnings: Diagnostic[] };

export interface SyncResult {
  /** Story keys whose items changed (before or after). */
  keys: Set<string>;
  /** Files added, changed or removed (content-relative paths). */
  files: string[];
  parsed: number;
  reused: number;
}

const USES_FILE_TIME = new Set<WireFormat>(['iptc7901', 'anpa1312']);

interface FileRow {
  size: number;
  mtime: number;
  digest: string;
  parse: string;
  rejection: string | null;
}

export interface SyncOptions {
  timeZone: string;
  /** Trust size and modification time (a publish); else every file's bytes are digested (a full build). */
  trustTimes: boolean;
  /**
   * The scan covers the whole content folder: files in the archive that it did not find were deleted.
   * False when a publisher names the files that changed.
   */
  complete: boolean;
  /** Called with each item parsed in this run (not taken from the archive). */
  onParsed?: (file: string, index: number, item: WireItem) => void;
  /** Called before each input is looked at and once after the last, with how many are done (progress). */
  onFile?: (done: number, total: number) => void;
}

export function syncCatalog(db: ArchiveDb, inputs: ContentFile[], options: SyncOptions): SyncResult {
  const getFile = db.prepare('SELECT size, mtime, digest, parse, rejection FROM files WHERE file = ?');
  const putFile = db.prepare('INSERT OR REPLACE INTO files (file, size, mtime, digest, parse, rejection) VALUES (?, ?, ?, ?, ?, ?)');
  const touchFile = db.prepare('UPDATE files SET size = ?, mtime = ? WHERE file = ?');
  const dropFile = db.prepare('DELETE FROM files WHERE file = ?');
  const itemKeys = db.prepare('SELECT DISTINCT key FROM items WHERE file = ? AND key IS NOT NULL');
  const dropItems = db.prepare('DELETE FROM items WHERE file = ?');
  const putItem = db.prepare('INSERT INTO items (file, idx, key, summary, item) VALUES (?, ?, ?, ?, ?)');
  const reader = `${parserFingerprint()} ${options.timeZone}`;
  if (getMeta(db, 'reader') !== reader) {
    // every file counts as changed until it has been read with these parsers
    db.exec("UPDATE files SET size = -1, digest = '' WHERE rejection IS NULL");
    setMeta(db, 'reader', reader);
  }
  const keys = new Set<string>();
  const files: string[] = [];
  let parsed = 0;
  let reused = 0;

  const replaceItems = (file: string, items: ItemRecord[], parsedItems: (WireItem | undefined)[] = []) => {
    for (const { key } of itemKeys.all(file) as { key: string }[]) keys.add(key);
    dropItems.run(file);
    items.forEach((item, index) => {
      const key = item.ok ? item.summary.key : null;
      if (key) keys.add(key);
      const parsedItem = parsedItems[index];
      putItem.run(file, index, key, JSON.stringify(item), parsedItem ? JSON.stringify(parsedItem) : null);
    });
  };

  const seen = new Set<string>();
  let looked = 0;
  for (const input of inputs) {
    options.onFile?.(looked++, inputs.length);
    seen.add(input.file);
    const old = getFile.get(input.file) as FileRow | undefined;
    if (input.rejection) {
      if (old?.rejection === input.rejection) continue;
      replaceItems(input.file, []);
      putFile.run(input.file, 0, 0, '', JSON.stringify({ format: 'text', errors: [], warnings: [] }), input.rejection);
      files.push(input.file);
      continue;
    }
    let size: number;
    let mtime: number;
    let bytes: Buffer;
    try {
      const stat = statSync(input.path);
      size = stat.size;
      mtime = Math.floor(stat.mtimeMs);
      if (options.trustTimes && old && !old.rejection && old.size === size && old.mtime === mtime) {
        reused++;
        continue;
      }
      bytes = readFileSync(input.path);
    } catch (error) {
      const rejection = `cannot read the file: ${(error as Error).message}`;
      replaceItems(input.file, []);
      putFile.run(input.file, 0, 0, '', JSON.stringify({ format: 'text', errors: [], warnings: [] }), rejection);
      files.push(input.file);
      continue;
    }
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const oldParse = old && !old.rejection ? (JSON.parse(old.parse) as FileParseRecord) : undefined;
    if (old && oldParse && old.digest === digest && !(oldParse.usesFileTime && old.mtime !== mtime)) {
      if (old.size !== size || old.mtime !== mtime) touchFile.run(size, mtime, input.file);
      reused++;
      continue;
    }
    parsed++;
    const parse = parseWireFile(input.file, bytes, { timeZone: options.timeZone, fileTime: mtime });
    const items: ItemRecord[] = parse.items.map((p, index) => {
      if (!p.ok) return { ok: false, line: p.line, errors: p.errors, warnings: p.warnings };
      options.onParsed?.(input.file, index, p.item);
      // the parser's warnings, and what the item's text says that readers will not see (summary.ts)
      return { ok: true, summary: summarizeItem(p.item), warnings: [...p.warnings, ...itemWarnings(p.item)] };
    });
    const record: FileParseRecord = { format: parse.format, errors: parse.errors, warnings: parse.warnings };
    if (USES_FILE_TIME.has(parse.format)) record.usesFileTime = true;
    replaceItems(
      input.file,
      items,
      parse.items.map((p) => (p.ok ? p.item : undefined)),
    );
    putFile.run(input.file, size, mtime, digest, JSON.stringify(record), null);
    files.push(input.file);
  }
  options.onFile?.(inputs.length, inputs.length);
  if (options.complete) {
    for (const { file } of db.prepare('SELECT file FROM files').all() as { file: string }[]) {
      if (seen.has(file)) continue;
      replaceItems(file, []);
      dropFile.run(file);
      files.push(file);
    }
  }
  return { keys, files, parsed, reused };
}

/** Forgets a file that is gone (a publish that was told which files changed). */
export function forgetFile(db: ArchiveDb, file: string): Set<string> {
  const keys = new Set((db.prepare('SELECT DISTINCT key FROM items WHERE file = ? AND key IS NOT NULL').all(file) as { key: string }[]).map((r) => r.key));
  db.prepare('DELETE FROM items WHERE file = ?').run(file);
  db.prepare('DELETE FROM files WHERE file = ?').run(file);
  return keys;
}

/** Every story key any item of the catalog has (a full build decides them all). */
export function catalogKeys(db: ArchiveDb): string[] {
  return (db.prepare('SELECT DISTINCT key FROM items WHERE key IS NOT NULL').all() as { key: string }[]).map((r) => r.key);
}

export interface CatalogItem {
  file: string;
  index: number;
  record: ItemRecord;
  digest: string;
}

/** The items of a story, from every file. */
export function itemsOfStory(db: ArchiveDb, key: string): CatalogItem[] {
  return (
    db.prepare('SELECT items.file AS file, idx, summary, digest FROM items JOIN files USING (file) WHERE key = ? ORDER BY items.file, idx').all(key) as {
      file: string;
      idx: number;
      summary: string;
      digest: string;
    }[]
  ).map((r) => ({ file: r.file, index: r.idx, record: JSON.parse(r.summary) as ItemRecord, digest: r.digest }));
}

/** Every file with its parse and items, for the report (in path order). */
export function* catalogFiles(db: ArchiveDb): Generator<{ file: string; rejection: string | null; parse: FileParseRecord; items: ItemRecord[] }> {
  const rows = db.prepare('SELECT file, parse, rejection FROM files ORDER BY file').all() as { file: string; parse: string; rejection: string | null }[];
  const items = db.prepare('SELECT summary FROM items WHERE file = ? ORDER BY idx');
  for (const row of rows) {
    yield {
      file: row.file,
      rejection: row.rejection,
      parse: JSON.parse(row.parse) as FileParseRecord,
      items: (items.all(row.file) as { summary: string }[]).map((r) => JSON.parse(r.summary) as ItemRecord),
    };
  }
}
