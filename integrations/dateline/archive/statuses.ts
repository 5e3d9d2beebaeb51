// The build report from the archive: every wire file once, with what became of each of its items. A
// file's entry is kept in the archive and rewritten only when the file or one of its stories changes,
// so writing `.dateline/report.json` at 100,000 files is a join of stored strings, not a new analysis.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../formats/item.ts';
import { STATUSES, type BuildReport, type FileStatus, type ReportEntry, type ReportItem } from '../report.ts';
import type { FileParseRecord, ItemRecord } from './catalog.ts';
import type { ArchiveDb } from './db.ts';

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

/** The report's counts: files, items, and items of each status. */
export function reportCounts(db: ArchiveDb): BuildReport['counts'] {
  const counts = { total: 0, items: 0, ...Object.fromEntries(STATUSES.map((s) => [s, 0])) } as BuildReport['counts'];
  // a few distinct status lists, counted by SQLite (not a row per file brought into JavaScript)
  for (const { statuses, n } of db.prepare('SELECT statuses, count(*) AS n FROM files WHERE statuses IS NOT NULL GROUP BY statuses').all() as { statuses: string; n: number }[]) {
    counts.total += n;
    for (const status of statuses.split(',') as FileStatus[]) {
      counts[status] += n;
      counts.items += n;
    }
  }
  return counts;
}

/** The whole report, from the stored entries (a full build's summary reads it). */
export function archiveReport(db: ArchiveDb, meta: { now: Date; contentDir: string }): BuildReport {
  const files = (db.prepare('SELECT report FROM files WHERE report IS NOT NULL ORDER BY file').all() as { report: string }[]).map((r) => JSON.parse(r.report) as ReportEntry);
  return { generatedAt: meta.now.toISOString(), contentDir: meta.contentDir, counts: reportCounts(db), files };
}

/**
 * Writes `.dateline/report.json` atomically from the stored entries, one file per line (without
 * parsing them again).
 */
export function writeArchiveReport(db: ArchiveDb, path: string, meta: { now: Date; contentDir: string; refused?: number }): BuildReport['counts'] {
  const counts = reportCounts(db);
  // Strict mode refused the publish: the statuses say what a publish would do, but nothing was published.
  const strict = meta.refused ? { strict: { published: false, rejectedFiles: meta.refused, message: `strict mode: ${meta.refused} wire file(s) rejected, nothing published; the other statuses say what a publish will do once they are mended or removed` } } : {};
  // Joined by SQLite, reading the files in the primary key's order (at 100,000 files: 0.05 s; a row
  // each brought into JavaScript took ten times as long, and group_concat's own ORDER BY sorts again)
  const entries = (db.prepare("SELECT group_concat(report, ',\n') AS text FROM (SELECT report FROM files WHERE report IS NOT NULL ORDER BY file)").get() as { text: string | null }).text;
  const head = JSON.stringify({ generatedAt: meta.now.toISOString(), contentDir: meta.contentDir, ...strict, counts });
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${head.slice(0, -1)},\n"files":[\n${entries ?? ''}\n]}\n`);
  renameSync(tmp, path);
  return counts;
}
