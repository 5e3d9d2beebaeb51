// The build report: every input file exactly once with what happened to it, written to
// `.dateline/report.json` (env `DATELINE_REPORT`) on every build, outside `dist/`. Each file's entry is
// kept in the archive (../archive/statuses.ts); the report is their join.
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArchiveDb } from '../archive/db.ts';
import { type ReportGroupCopy, reportEntryChunks, STATUSES, statusListCounts, type FileStatus, type ReportEntry } from '../archive/statuses.ts';

export interface BuildReport {
  generatedAt: string;
  contentDir: string;
  /** Present when strict mode refused the publish: nothing was published (the statuses say what a publish would do). */
  strict?: { published: false; rejectedFiles: number; message: string };
  /** `total`: files; `items`: items in them; each status: items with it (a rejected file is one). */
  counts: Record<FileStatus, number> & { total: number; items: number };
  files: ReportEntry[];
}

/** The report's counts: files, items, and items of each status. */
export function reportCounts(db: ArchiveDb): BuildReport['counts'] {
  const counts = { total: 0, items: 0, ...Object.fromEntries(STATUSES.map((s) => [s, 0])) } as BuildReport['counts'];
  for (const { statuses, n } of statusListCounts(db)) {
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
  const files = reportEntryChunks(db).flatMap((chunk) => JSON.parse(`[${Buffer.from(chunk).toString('utf8')}]`) as ReportEntry[]);
  return { generatedAt: meta.now.toISOString(), contentDir: meta.contentDir, counts: reportCounts(db), files };
}

/**
 * Writes `.dateline/report.json` atomically from the stored entries, one file per line (without
 * parsing them again). `copy`: a resident publisher's copy of the joined groups, kept between publishes.
 */
export function writeArchiveReport(
  db: ArchiveDb,
  path: string,
  meta: { now: Date; contentDir: string; refused?: number },
  copy?: ReportGroupCopy,
): BuildReport['counts'] {
  const counts = reportCounts(db);
  // Strict mode refused the publish: the statuses say what a publish would do, but nothing was published.
  const strict = meta.refused
    ? {
        strict: {
          published: false,
          rejectedFiles: meta.refused,
          message: `strict mode: ${meta.refused} wire file(s) rejected, nothing published; the other statuses say what a publish will do once they are mended or removed`,
        },
      }
    : {};
  const head = JSON.stringify({ generatedAt: meta.now.toISOString(), contentDir: meta.contentDir, ...strict, counts });
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  // The entries come joined, a group of files at a time (../archive/statuses.ts reportEntryChunks): at
  // 100,000 files the file is written from some sixty chunks without a string of it in JavaScript.
  const fd = openSync(tmp, 'w');
  try {
    const write = (bytes: Uint8Array) => {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    };
    write(Buffer.from(`${head.slice(0, -1)},\n"files":[\n`));
    reportEntryChunks(db, copy).forEach((chunk, i) => {
      if (i > 0) write(Buffer.from(',\n'));
      write(chunk);
    });
    write(Buffer.from('\n]}\n'));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return counts;
}
