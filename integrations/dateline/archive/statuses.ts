// What became of each wire file and of each of its items (the statuses), and the entry each file keeps
// in the archive (`files.report`, `files.statuses`): rewritten only when the file or one of its stories
// changes (archive/stories.ts), so the build report (../report/) at 100,000 files is a join of stored
// strings, not a new analysis.
import type { Diagnostic } from '../formats/item.ts';
import type { FileParseRecord, ItemRecord } from './catalog.ts';
import { dataVersion, type ArchiveDb } from './db.ts';

export const STATUSES = ['published', 'scheduled', 'superseded', 'withdrawn', 'duplicate', 'rejected'] as const;
export type FileStatus = (typeof STATUSES)[number];

/** What happened to one item of a file of several (a NewsML-G2 newsMessage, a ninjs feed). */
export interface ReportItem {
  /** 1-based line where the item starts. */
  line: number;
  status: FileStatus;
  headline?: string;
  url?: string;
  message?: string;
  warnings?: string[];
}

/** A file's entry in the build report: every input file exactly once, with what happened to it. */
export interface ReportEntry {
  /** Path relative to the content folder. */
  file: string;
  /** A file of several items: the first of STATUSES that any of its items has. */
  status: FileStatus;
  /** Absolute URL, for a published file of one item. */
  url?: string;
  /** 1-based line of the problem, for rejected files. */
  line?: number;
  message?: string;
  warnings?: string[];
  /** The items of a file of several, each with its own status. */
  items?: ReportItem[];
}

/**
 * What became of one item (stored with it when its story is decided). `rejected`: its story's article
 * record failed the schema (./schema.ts), so the item is rejected like one its parser refused.
 */
export interface ItemDecisionRecord {
  status: FileStatus;
  url?: string;
  message?: string;
}

const warningText = (d: Diagnostic) => `line ${d.line}: ${d.message}`;

const firstProblem = (errors: Diagnostic[]) => {
  const [first, ...more] = errors;
  const extra = more.length ? ` (and ${more.length} more: ${more.map(warningText).join('; ')})` : '';
  return { line: first?.line ?? 1, message: `${first?.message ?? 'unreadable'}${extra}` };
};

/** The report entry of one file, from its row and its items' rows. */
export function fileEntry(db: ArchiveDb, file: string): ReportEntry | undefined {
  const row = db.prepare('SELECT parse, rejection FROM files WHERE file = ?').get(file) as { parse: string; rejection: string | null } | undefined;
  if (!row) return undefined;
  if (row.rejection) return { file, status: 'rejected', line: 1, message: row.rejection };
  const parse = JSON.parse(row.parse) as FileParseRecord;
  const fileWarnings = parse.warnings.map(warningText);
  const items = db.prepare('SELECT summary, decision FROM items WHERE file = ? ORDER BY idx').all(file) as { summary: string; decision: string | null }[];
  if (parse.errors.length || items.length === 0) {
    const problem = parse.errors.length ? firstProblem(parse.errors) : { line: 1, message: `no news item found in this ${parse.format} file` };
    return { file, status: 'rejected', ...problem, ...(fileWarnings.length ? { warnings: fileWarnings } : {}) };
  }
  const reported: ReportItem[] = items.map((row, index) => {
    const item = JSON.parse(row.summary) as ItemRecord & { imageWarnings?: string[] };
    const warnings = [...(index === 0 ? fileWarnings : []), ...item.warnings.map(warningText)];
    if (!item.ok) return { status: 'rejected', ...firstProblem(item.errors), ...(warnings.length ? { warnings } : {}) };
    const decision = row.decision ? (JSON.parse(row.decision) as ItemDecisionRecord & { imageWarnings?: string[] }) : { status: 'scheduled' as const };
    const allWarnings = [...warnings, ...(decision.imageWarnings ?? [])];
    return {
      line: item.summary.line,
      status: decision.status,
      ...(item.summary.headline ? { headline: item.summary.headline } : {}),
      ...(decision.url ? { url: decision.url } : {}),
      ...(decision.message ? { message: decision.message } : {}),
      ...(allWarnings.length ? { warnings: allWarnings } : {}),
    };
  });
  if (reported.length === 1) {
    const { line, headline: _h, ...only } = reported[0]!;
    return { file, ...only, ...(only.status === 'rejected' ? { line } : {}) };
  }
  const status = STATUSES.find((s) => reported.some((r) => r.status === s))!;
  return { file, status, items: reported };
}

/** Stores the report entries of these files again; returns the entries. */
export function refreshEntries(db: ArchiveDb, files: Iterable<string>): ReportEntry[] {
  const put = db.prepare('UPDATE files SET report = ?, statuses = ? WHERE file = ?');
  const entries: ReportEntry[] = [];
  for (const file of files) {
    const entry = fileEntry(db, file);
    if (!entry) continue;
    put.run(JSON.stringify(entry), (entry.items ? entry.items.map((i) => i.status) : [entry.status]).join(','), file);
    entries.push(entry);
  }
  return entries;
}

/** Adds the warnings of an article's pictures and social image to the decision of the item it shows (the report lists them with it). */
export function addImageWarnings(db: ArchiveDb, file: string, item: number, warnings: string[]): void {
  const row = db.prepare('SELECT decision FROM items WHERE file = ? AND idx = ?').get(file, item) as { decision: string } | undefined;
  if (row?.decision)
    db.prepare('UPDATE items SET decision = ? WHERE file = ? AND idx = ?').run(
      JSON.stringify({ ...JSON.parse(row.decision), imageWarnings: warnings }),
      file,
      item,
    );
}

/** Every rejected file and item in the archive, as entries (an item carries its file's name and its own line). */
export function rejectedEntries(db: ArchiveDb): ReportEntry[] {
  // the expression of the partial index files_rejected (db.ts), so SQLite reads only those rows
  const rows = db.prepare("SELECT report FROM files WHERE instr(',' || statuses || ',', ',rejected,') > 0 ORDER BY file").all() as { report: string }[];
  return rows.flatMap(({ report }) => {
    const entry = JSON.parse(report) as ReportEntry;
    return entry.items ? entry.items.filter((i) => i.status === 'rejected').map((i) => ({ ...i, file: entry.file })) : [entry];
  });
}

/** Files per list of their items' statuses (`published,superseded`), as the triggers on 'files' keep them. */
export function statusListCounts(db: ArchiveDb): { statuses: string; n: number }[] {
  return db.prepare('SELECT statuses, n FROM status_counts WHERE n > 0').all() as { statuses: string; n: number }[];
}

/**
 * A resident publisher's copy of the joined groups (`--watch`), so a publish reads back only the groups
 * it joined again: at 100,000 files the groups are 20 MB, and copying them out of SQLite was most of
 * writing the report. Valid while no other connection writes the archive (SQLite's data_version).
 */
export class ReportGroupCopy {
  version: number | undefined;
  readonly bodies = new Map<string, Uint8Array>();
}

/**
 * Every file's report entry as JSON text, in file order, `,\n` between them: one UTF-8 chunk per group
 * of files (table report_groups), the groups a change touched joined again first.
 */
export function reportEntryChunks(db: ArchiveDb, copy?: ReportGroupCopy): Uint8Array[] {
  const stale = (db.prepare('SELECT grp FROM report_groups WHERE body IS NULL').all() as { grp: string }[]).map((r) => r.grp);
  if (stale.length) {
    const join = db.prepare(
      "UPDATE report_groups SET body = (SELECT CAST(group_concat(report, ',\n' ORDER BY file) AS BLOB) FROM files WHERE substr(file, 1, 7) = ?1 AND report IS NOT NULL) WHERE grp = ?1",
    );
    for (const grp of stale) join.run(grp);
    db.exec('DELETE FROM report_groups WHERE body IS NULL'); // groups with no entry left
  }
  if (!copy) return (db.prepare('SELECT body FROM report_groups ORDER BY grp').all() as { body: Uint8Array }[]).map((r) => r.body);
  const version = dataVersion(db);
  if (copy.version !== version) {
    copy.bodies.clear();
    for (const { grp, body } of db.prepare('SELECT grp, body FROM report_groups').all() as { grp: string; body: Uint8Array }[]) copy.bodies.set(grp, body);
    copy.version = version;
  } else {
    const read = db.prepare('SELECT body FROM report_groups WHERE grp = ?');
    for (const grp of stale) {
      const row = read.get(grp) as { body: Uint8Array } | undefined;
      if (row) copy.bodies.set(grp, row.body);
      else copy.bodies.delete(grp);
    }
  }
  // the order is SQLite's (UTF-8 bytes), not JavaScript's
  return (db.prepare('SELECT grp FROM report_groups ORDER BY grp').all() as { grp: string }[]).map((r) => copy.bodies.get(r.grp)!);
}
