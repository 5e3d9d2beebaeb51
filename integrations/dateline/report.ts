// The build report: every input file exactly once with what happened to it. Written to
// `.dateline/report.json` (env `DATELINE_REPORT`) on every build, outside `dist/`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type FileStatus = 'published' | 'scheduled' | 'rejected' | 'duplicate';

export interface ReportEntry {
  /** Path relative to the content folder. */
  file: string;
  status: FileStatus;
  /** Absolute URL, for published files. */
  url?: string;
  /** 1-based line of the problem, for rejected files. */
  line?: number;
  message?: string;
  warnings?: string[];
}

export interface BuildReport {
  generatedAt: string;
  contentDir: string;
  counts: Record<FileStatus, number> & { total: number };
  files: ReportEntry[];
}

export function makeReport(entries: ReportEntry[], meta: { now: Date; contentDir: string }): BuildReport {
  const files = [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const counts = { total: files.length, published: 0, scheduled: 0, rejected: 0, duplicate: 0 };
  for (const f of files) counts[f.status]++;
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

/** `content/x.txt:5: message`, the form editors and terminals link to. */
export function formatProblem(contentDir: string, entry: ReportEntry): string {
  return printable(`${contentDir}/${entry.file}:${entry.line ?? 1}: ${entry.message ?? ''}`);
}

/** The one-screen summary printed at the end of a build and by `npm run validate`. */
export function summarize(report: BuildReport, limit = 30): string[] {
  const { counts } = report;
  const lines = [
    `${counts.total} wire files: ${counts.published} published, ${counts.scheduled} scheduled, ${counts.duplicate} duplicate, ${counts.rejected} rejected`,
  ];
  const rejected = report.files.filter((f) => f.status === 'rejected');
  for (const f of rejected.slice(0, limit)) lines.push(`  rejected ${formatProblem(report.contentDir, f)}`);
  if (rejected.length > limit) lines.push(`  … and ${rejected.length - limit} more rejected (see the report)`);
  const duplicates = report.files.filter((f) => f.status === 'duplicate');
  for (const f of duplicates.slice(0, 10)) lines.push(`  duplicate ${printable(`${report.contentDir}/${f.file}: ${f.message}`)}`);
  if (duplicates.length > 10) lines.push(`  … and ${duplicates.length - 10} more duplicates (see the report)`);
  const warned = report.files.filter((f) => f.warnings?.length).length;
  if (warned) lines.push(`  ${warned} files have warnings (see the report)`);
  return lines;
}
