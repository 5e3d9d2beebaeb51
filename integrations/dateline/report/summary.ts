// The build report: every input file exactly once with what happened to it. Written to
// `.dateline/report.json` (env `DATELINE_REPORT`) on every build, outside `dist/`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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

export interface BuildReport {
  generatedAt: string;
  contentDir: string;
  /** `total`: files; `items`: items in them; each status: items with it (a rejected file is one). */
  /** Present when strict mode refused the publish: nothing was published (the statuses say what a publish would do). */
  strict?: { published: false; rejectedFiles: number; message: string };
  counts: Record<FileStatus, number> & { total: number; items: number };
  files: ReportEntry[];
}

export function makeReport(entries: ReportEntry[], meta: { now: Date; contentDir: string }): BuildReport {
  const files = [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const counts = { total: files.length, items: 0, ...Object.fromEntries(STATUSES.map((s) => [s, 0])) } as BuildReport['counts'];
  for (const f of files) {
    for (const status of f.items ? f.items.map((i) => i.status) : [f.status]) {
      counts[status]++;
      counts.items++;
    }
  }
  return { generatedAt: meta.now.toISOString(), contentDir: meta.contentDir, counts, files };
}

export function writeReport(report: BuildReport, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Text for a terminal line: control characters (a file may be named with ESC sequences or a newline)
 * are written as `\u001b` escapes, so a name can neither drive the terminal nor forge a line.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Files and items with this status, as entries (an item carries its file's name and its own line). */
export function entriesWith(report: BuildReport, status: FileStatus): ReportEntry[] {
  return report.files.flatMap((f) =>
    f.items ? f.items.filter((i) => i.status === status).map((i) => ({ ...i, file: f.file })) : f.status === status ? [f] : [],
  );
}

/** Every rejection: whole files, and single items of files of several. */
export const rejections = (report: BuildReport) => entriesWith(report, 'rejected');

/** `content/x.txt:5: message`, the form editors and terminals link to. */
export function formatProblem(contentDir: string, entry: ReportEntry): string {
  return printable(`${contentDir}/${entry.file}:${entry.line ?? 1}: ${entry.message ?? ''}`);
}

/** The one-screen summary printed at the end of a build and by `npm run validate`. */
export function summarize(report: BuildReport, limit = 30): string[] {
  const { counts } = report;
  const items = counts.items === counts.total ? '' : ` (${counts.items} items)`;
  const lines = [
    `${counts.total} wire files${items}: ${STATUSES.map((s) => `${counts[s]} ${s}`).join(', ')}`,
  ];
  const rejected = rejections(report);
  for (const f of rejected.slice(0, limit)) lines.push(`  rejected ${formatProblem(report.contentDir, f)}`);
  if (rejected.length > limit) lines.push(`  … and ${rejected.length - limit} more rejected (see the report)`);
  for (const status of ['duplicate', 'withdrawn'] as const) {
    const listed = entriesWith(report, status);
    for (const f of listed.slice(0, 10)) lines.push(`  ${status} ${printable(`${report.contentDir}/${f.file}:${f.line ?? 1}: ${f.message ?? ''}`)}`);
    if (listed.length > 10) lines.push(`  … and ${listed.length - 10} more ${status} (see the report)`);
  }
  const warned = report.files.filter((f) => f.warnings?.length || f.items?.some((i) => i.warnings?.length)).length;
  if (warned) lines.push(`  ${warned} files have warnings (see the report)`);
  return lines;
}
