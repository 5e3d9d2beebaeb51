// Finds the wire files in the content folder (recursively) and applies the limits that protect the
// build: size, symlinks that leave the folder. Every `.txt` found is an input and gets a report line.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface ContentFile {
  /** Path relative to the content folder, `/`-separated: the file's id everywhere. */
  file: string;
  /** Absolute path to read. */
  path: string;
  /** Set when the file is refused before it is read. */
  rejection?: string;
}

const toPosix = (p: string) => p.split(sep).join('/');
const isInside = (root: string, p: string) => p === root || p.startsWith(root + sep);

export function isWireFile(name: string): boolean {
  return name.toLowerCase().endsWith('.txt');
}

export function findContentFiles(contentPath: string, maxFileSize: number): ContentFile[] {
  let root: string;
  try {
    root = realpathSync(contentPath);
  } catch {
    throw new Error(`Dateline: the content folder ${contentPath} does not exist (set contentDir or DATELINE_CONTENT)`);
  }
  const found: ContentFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue; // editor swap files, .DS_Store, VCS folders
      const path = join(dir, entry.name);
      const file = toPosix(relative(root, path));
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      if (!isWireFile(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
        } catch {
          found.push({ file, path, rejection: 'symbolic link to a file that does not exist' });
          continue;
        }
        if (!isInside(root, target)) {
          found.push({ file, path, rejection: 'symbolic link points outside the content folder; refused' });
          continue;
        }
        if (!statSync(target).isFile()) {
          found.push({ file, path, rejection: 'symbolic link does not point at a regular file' });
          continue;
        }
      } else if (!entry.isFile()) {
        found.push({ file, path, rejection: 'not a regular file' });
        continue;
      }
      const size = statSync(path).size;
      if (size > maxFileSize) {
        found.push({ file, path, rejection: `file is ${size.toLocaleString('en')} bytes, over the ${maxFileSize.toLocaleString('en')}-byte limit (option maxFileSize)` });
        continue;
      }
      found.push({ file, path });
    }
  };
  walk(root);
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

