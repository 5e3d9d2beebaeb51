// Files placed into the output from Dateline's cache (social images, search shards) are hard-linked:
// cached files are written once under a content key and never changed, so the output can share them,
// and 10,000 links take a fraction of the time of 10,000 copies. Across devices it falls back to a copy.
import { copyFileSync, linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Whether two paths name the same file (hard links of one inode). */
export function sameFile(a: string, b: string): boolean {
  const x = statSync(a, { throwIfNoEntry: false });
  const y = statSync(b, { throwIfNoEntry: false });
  return !!x && !!y && x.ino === y.ino && x.dev === y.dev;
}

export function linkOrCopy(source: string, target: string): void {
  if (sameFile(source, target)) return; // linked by an earlier build
  mkdirSync(dirname(target), { recursive: true });
  rmSync(target, { force: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
