// The build report in a terminal: the one-screen summary printed at the end of a build and by
// `npm run validate`, and a problem as `content/x.txt:5: message`, with control characters escaped.
import { STATUSES, type FileStatus, type ReportEntry } from '../archive/statuses.ts';
import type { BuildReport } from './build-report.ts';

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
  const lines = [`${counts.total} wire files${items}: ${STATUSES.map((s) => `${counts[s]} ${s}`).join(', ')}`];
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
