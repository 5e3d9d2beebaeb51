// Finds the wire files in the content folder (recursively) and applies the limits that protect the
// build: size, symlinks that leave the folder. Every wire file found is an input and gets a report line.
import { isUtf8 } from 'node:buffer';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isWireFileName } from '../formats/index.ts';

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

/** Whether a link resolves to a folder outside `root`. */
function isOutsideFolder(root: string, link: string): boolean {
  try {
    const target = realpathSync(link);
    return !isInside(root, target) && statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** A wire file by name: `.txt`, `.tst`, `.anpa`, `.xml`, `.json` (its format is then told by its content). */
export const isWireFile = isWireFileName;

export function findContentFiles(contentPath: string, maxFileSize: number): ContentFile[] {
  return findContentFilesIn(contentPath, '', maxFileSize, true);
}

/** The wire files of one folder under the content folder (`recursive`: and of its sub-folders). */
function findContentFilesIn(contentPath: string, folder: string, maxFileSize: number, recursive = false): ContentFile[] {
  let root: string;
  try {
    root = realpathSync(contentPath);
  } catch {
    throw new Error(`Dateline: the content folder ${contentPath} does not exist (set contentDir or DATELINE_CONTENT)`);
  }
  const found: ContentFile[] = [];
  // Names are read as bytes: a name that is not valid UTF-8 cannot be opened through its decoded
  // string (the build used to stop on it with ENOENT), so such files are listed and refused.
  const walk = (dir: Buffer, badName: boolean) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      const file = `${toPosix(relative(root, dir.toString()))}/`;
      found.push({ file, path: dir.toString(), rejection: `folder cannot be read: ${(error as Error).message}` });
      return;
    }
    for (const entry of entries) {
      const rawName = entry.name as unknown as Buffer;
      const name = rawName.toString('utf8');
      if (name.startsWith('.')) continue; // editor swap files, .DS_Store, VCS folders
      const rawPath = Buffer.concat([dir, Buffer.from(sep), rawName]);
      const path = rawPath.toString('utf8');
      const file = toPosix(relative(root, path));
      const bad = badName || !isUtf8(rawName);
      if (entry.isDirectory()) {
        if (recursive) walk(rawPath, bad);
        continue;
      }
      if (entry.isSymbolicLink() && !isWireFile(name)) {
        // Links to folders are not followed. One inside the folder adds nothing (its files are found
        // where they are); one leading out would silently leave its files unpublished: say so.
        if (isOutsideFolder(root, path)) {
          found.push({
            file: `${file}/`,
            path,
            rejection: 'symbolic link to a folder outside the content folder: not followed, so its files are not published (copy them in)',
          });
        }
        continue;
      }
      if (!isWireFile(name)) continue;
      if (bad) {
        found.push({ file, path, rejection: 'the file name (or a folder name on its path) is not valid UTF-8: rename it' });
        continue;
      }
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
      let size: number;
      try {
        size = statSync(path).size;
      } catch (error) {
        found.push({ file, path, rejection: `cannot read the file: ${(error as Error).message}` });
        continue;
      }
      if (size > maxFileSize) {
        found.push({
          file,
          path,
          rejection: `file is ${size.toLocaleString('en')} bytes, over the ${maxFileSize.toLocaleString('en')}-byte limit (option maxFileSize)`,
        });
        continue;
      }
      found.push({ file, path });
    }
  };
  walk(Buffer.from(folder ? join(root, folder) : root), false);
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * One content file by its path relative to the content folder, with the refusals a scan applies; undefined
 * when it does not exist (a publisher told of a deleted file). A named file in a folder a scan would skip
 * (a dot folder) or of another extension is not a wire file: also undefined.
 */
export function contentFileAt(contentPath: string, file: string, maxFileSize: number): ContentFile | undefined {
  const parts = file.split('/');
  if (parts.some((p) => p.startsWith('.') || p === '') || !isWireFile(parts.at(-1)!)) return undefined;
  const folder = parts.slice(0, -1).join(sep);
  let found: ContentFile[];
  try {
    found = findContentFilesIn(contentPath, folder, maxFileSize);
  } catch {
    return undefined;
  }
  return found.find((f) => f.file === file);
}
