// Finds the wire files in the content folder (recursively) and applies the limits that protect the
// build: size, symlinks that leave the folder. Every wire file found is an input and gets a report line.
import { isUtf8 } from 'node:buffer';
import { type Dirent, lstatSync, opendirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
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
      const seen = scanEntry(root, dir, rawName, entry, badName, maxFileSize);
      if (seen === FOLDER) walk(childPath(dir, rawName), badName || !isUtf8(rawName));
      else if (seen) found.push(seen);
    }
  };
  walk(Buffer.from(root), false);
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const FOLDER = Symbol('folder');
type EntryType = Pick<Dirent, 'isFile' | 'isDirectory' | 'isSymbolicLink'>;
const childPath = (dir: Buffer, rawName: Buffer) => Buffer.concat([dir, Buffer.from(sep), rawName]);

/**
 * What a scan makes of one entry `rawName` of folder `dir`: a folder to walk into, the content file it
 * lists (maybe refused), or undefined. The scan and contentFileAt both decide here, so that a named
 * publish can never accept or refuse a file differently from a build. `badName`: a folder on its path
 * is not valid UTF-8.
 */
function scanEntry(
  root: string,
  dir: Buffer,
  rawName: Buffer,
  entry: EntryType,
  badName: boolean,
  maxFileSize: number,
): ContentFile | typeof FOLDER | undefined {
  const name = rawName.toString('utf8');
  if (name.startsWith('.')) return undefined; // editor swap files, .DS_Store, VCS folders
  if (entry.isDirectory()) return FOLDER;
  const path = childPath(dir, rawName).toString('utf8');
  const file = toPosix(relative(root, path));
  if (entry.isSymbolicLink() && !isWireFile(name)) {
    // Links to folders are not followed. One inside the folder adds nothing (its files are found
    // where they are); one leading out would silently leave its files unpublished: say so.
    if (!isOutsideFolder(root, path)) return undefined;
    return {
      file: `${file}/`,
      path,
      rejection: 'symbolic link to a folder outside the content folder: not followed, so its files are not published (copy them in)',
    };
  }
  if (!isWireFile(name)) return undefined;
  if (badName || !isUtf8(rawName)) {
    return { file, path, rejection: 'the file name (or a folder name on its path) is not valid UTF-8: rename it' };
  }
  if (entry.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      return { file, path, rejection: 'symbolic link to a file that does not exist' };
    }
    if (!isInside(root, target)) return { file, path, rejection: 'symbolic link points outside the content folder; refused' };
    if (!statSync(target).isFile()) return { file, path, rejection: 'symbolic link does not point at a regular file' };
  } else if (!entry.isFile()) {
    return { file, path, rejection: 'not a regular file' };
  }
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    return { file, path, rejection: `cannot read the file: ${(error as Error).message}` };
  }
  if (size > maxFileSize) {
    return {
      file,
      path,
      rejection: `file is ${size.toLocaleString('en')} bytes, over the ${maxFileSize.toLocaleString('en')}-byte limit (option maxFileSize)`,
    };
  }
  return { file, path };
}

/**
 * One content file by its path relative to the content folder, with the refusals a scan applies; undefined
 * when it does not exist (a publisher told of a deleted file) or a scan would not list it (in a dot folder,
 * of another extension, under a linked folder). Examines only the entries on its path, not their folders
 * (a named publish must cost what the change costs, not what the folder holds).
 */
export function contentFileAt(contentPath: string, file: string, maxFileSize: number): ContentFile | undefined {
  const parts = file.split('/');
  if (parts.some((p) => p.startsWith('.') || p === '') || !isWireFile(parts.at(-1)!)) return undefined;
  let root: string;
  try {
    root = realpathSync(contentPath);
  } catch {
    return undefined;
  }
  const found = entryAt(root, Buffer.from(root), false, parts, maxFileSize);
  return found?.file === file ? found : undefined;
}

/** The scan's entry for `parts` under folder `dir`, going down the path as the walk does. */
function entryAt(root: string, dir: Buffer, badName: boolean, parts: string[], maxFileSize: number): ContentFile | undefined {
  // The walk lists nothing in a folder it cannot read (it reports the folder instead).
  try {
    opendirSync(dir).closeSync();
  } catch {
    return undefined;
  }
  const [part, ...rest] = parts;
  for (const { rawName, type } of entriesNamed(dir, part)) {
    const seen = scanEntry(root, dir, rawName, type, badName, maxFileSize);
    if (rest.length === 0) {
      if (seen !== FOLDER && seen) return seen;
    } else if (seen === FOLDER) {
      const found = entryAt(root, childPath(dir, rawName), badName || !isUtf8(rawName), rest, maxFileSize);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The entries of `dir` whose decoded name is `name`, in listing order. Usually the one entry lstat finds;
 * a name holding U+FFFD may stand for names that are not valid UTF-8 (the scan decodes them so, and a
 * publisher or watcher is told them so), which only a listing finds: rare, so that case lists the folder.
 */
function entriesNamed(dir: Buffer, name: string): { rawName: Buffer; type: EntryType }[] {
  const listed = (match: (rawName: Buffer) => boolean) => {
    try {
      return readdirSync(dir, { withFileTypes: true, encoding: 'buffer' })
        .map((entry) => ({ rawName: entry.name as unknown as Buffer, type: entry as EntryType }))
        .filter(({ rawName }) => match(rawName));
    } catch {
      return [];
    }
  };
  if (name.includes('\ufffd')) return listed((rawName) => rawName.toString('utf8') === name);
  const rawName = Buffer.from(name);
  try {
    return [{ rawName, type: lstatSync(childPath(dir, rawName)) }];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    // e.g. a folder that can be listed but not searched: the walk still sees the entry's type.
    return listed((entry) => entry.equals(rawName));
  }
}
