// A built site's files as a reader of the folder sees them: bytes (hashed), inode and mtime, so tests
// can tell which files a publish wrote, which it left alone, and whether two folders are the same.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FileState {
  hash: string;
  ino: number;
  mtimeMs: number;
}

/** Every file under `dir` (paths relative to it, `/`-separated). */
export function snapshot(dir: string): Map<string, FileState> {
  const files = new Map<string, FileState>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const stat = statSync(path);
    files.set(
      path
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
      { hash: createHash('sha256').update(readFileSync(path)).digest('hex'), ino: stat.ino, mtimeMs: stat.mtimeMs },
    );
  }
  return files;
}

/** Where two folders differ: files only in one, and files whose bytes differ (with where they first differ). */
export function treeDifferences(a: string, b: string): string[] {
  const one = snapshot(a);
  const other = snapshot(b);
  const out: string[] = [];
  for (const path of one.keys()) if (!other.has(path)) out.push(`only in ${a}: ${path}`);
  for (const path of other.keys()) if (!one.has(path)) out.push(`only in ${b}: ${path}`);
  for (const [path, state] of one) {
    const theirs = other.get(path);
    if (!theirs || theirs.hash === state.hash) continue;
    const x = readFileSync(join(a, path));
    const y = readFileSync(join(b, path));
    let i = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) i++;
    const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString('utf8'));
    out.push(`${path}: differs at byte ${i}\n    publish: ${show(x)}\n    cold:    ${show(y)}`);
  }
  return out;
}

/** What happened to each file between two snapshots. */
export function changesBetween(before: Map<string, FileState>, after: Map<string, FileState>) {
  const written: string[] = [];
  const removed: string[] = [];
  const touched: string[] = []; // same bytes, but a new inode or mtime: rewritten for nothing
  for (const [path, state] of after) {
    const old = before.get(path);
    if (!old || old.hash !== state.hash) written.push(path);
    else if (old.ino !== state.ino || old.mtimeMs !== state.mtimeMs) touched.push(path);
  }
  for (const path of before.keys()) if (!after.has(path)) removed.push(path);
  return { written: written.sort(), removed: removed.sort(), touched: touched.sort() };
}
