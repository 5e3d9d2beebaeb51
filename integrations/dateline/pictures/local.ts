// Pictures that come with the wire files, in the content folder. A wire file names its picture by a
// path beside it (`photos/harbour.jpg`) or a `file:` URL; either is read only when it is a regular file
// inside the content folder. As in ../ingest/content-files.ts, symbolic links are followed only while
// they stay inside: every folder on the way and the file itself are checked by their real paths.
//
// Decisions:
// - A relative path is taken literally (no percent-decoding): `photo%201.jpg` is a file of that name.
//   A `file:` URL is a URL, so it is decoded (`file:///…/photo%201.jpg` is `photo 1.jpg`).
// - `file:` URLs need an absolute path (`file:///abs/x.jpg`, `file:/abs/x.jpg`, `file://localhost/…`);
//   `file:photos/x.jpg` is refused rather than guessed at (URL parsers read it as `/photos/x.jpg`).
// - A backslash anywhere is refused: on Windows it is a separator (`..\..\x`), on POSIX a confusing
//   name; wire files written on Windows must use `/`. So is any other `scheme:` (`C:/x`, `https:`, `data:`).
import { constants, realpathSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type LocalPicture = { ok: true; path: string; file: string } | { ok: false; reason: string };
export type LocalPictureBytes = { ok: true; bytes: Buffer } | { ok: false; reason: string };

const toPosix = (p: string) => p.split(sep).join('/');
const isInside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

/** The path as given, safe to print: control characters escaped, very long ones cut. */
function shown(href: string): string {
  const text = href.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The path's place relative to `root` (lexically), or undefined when it is not inside. */
function inside(root: string, absolute: string): string | undefined {
  const rel = relative(root, absolute);
  return isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`) ? undefined : rel;
}

/**
 * Finds the file a rendition `href` names: `contentPath` is the content folder, `wireFile` the wire
 * file's path relative to it (`/`-separated, as ContentFile.file). Never throws; a refusal's reason is
 * short and names the path as the wire gave it.
 */
export function resolveLocalPicture(contentPath: string, wireFile: string, href: string): LocalPicture {
  const no = (reason: string): LocalPicture => ({ ok: false, reason });
  const given = shown(href);
  if (href.trim() === '') return no('empty picture path');
  if (href.includes('\0')) return no(`NUL character in the picture path: ${given}`);
  if (href.includes('\\')) return no(`backslash in the picture path (use /): ${given}`);

  let root: string;
  try {
    root = realpathSync(contentPath);
  } catch {
    return no(`the content folder ${contentPath} cannot be read`);
  }

  // The path below the content folder, `/`-separated and normalised (no `.` or `..` left).
  let rel: string;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    let absolute: string;
    try {
      const url = new URL(href);
      if (!/^file:(\/\/[^/]*)?\//i.test(href)) return no(`file: URL without an absolute path: ${given}`);
      if (url.hostname !== '' && url.hostname !== 'localhost') return no(`file: URL on another host (${url.hostname}): ${given}`);
      absolute = fileURLToPath(url);
    } catch {
      return no(`not a valid file: URL: ${given}`);
    }
    if (absolute.includes('\0')) return no(`NUL character in the picture path: ${given}`);
    // The folder as configured or as its real path: either spelling of it is accepted.
    const found = inside(resolve(contentPath), absolute) ?? inside(root, absolute);
    if (found === undefined) return no(`file: URL outside the content folder: ${given}`);
    rel = toPosix(found);
  } else if (scheme !== undefined) {
    if (scheme.length === 1) return no(`absolute Windows path, only paths inside the content folder are read: ${given}`);
    return no(`not a local path (${scheme}: URL): ${given}`);
  } else if (href.startsWith('/')) {
    return no(`absolute path, only paths inside the content folder are read: ${given}`);
  } else {
    const folder = posix.dirname(wireFile.split(sep).join('/'));
    rel = posix.normalize(posix.join(folder === '.' ? '' : folder, href));
    if (rel === '..' || rel.startsWith('../') || rel.startsWith('/')) return no(`path leads out of the content folder: ${given}`);
  }

  // Walk it one name at a time from the real content folder: each folder, and the file, must really
  // be inside (a link may lead out; one that leads out and back in is refused too).
  const parts = posix
    .normalize(rel)
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return no(`path leads out of the content folder: ${given}`);
  let current = root;
  for (const part of parts) {
    let real: string;
    try {
      real = realpathSync(join(current, part));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return no(`not found: ${given}`);
      if (code === 'ELOOP') return no(`symbolic link loop: ${given}`);
      return no(`cannot be read (${code ?? (error as Error).message}): ${given}`);
    }
    if (!isInside(root, real)) return no(`symbolic link leads out of the content folder: ${given}`);
    current = real;
  }
  let stats;
  try {
    stats = statSync(current);
  } catch (error) {
    return no(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): ${given}`);
  }
  if (stats.isDirectory()) return no(`a folder, not a picture file: ${given}`);
  if (!stats.isFile()) return no(`not a regular file: ${given}`);
  return { ok: true, path: current, file: toPosix(relative(root, current)) };
}

/** `12,345,678 bytes (11.8 MB)`. */
export function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const size = mb >= 1 ? `${mb.toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes.toLocaleString('en')} bytes (${size})`;
}

/**
 * Reads a file found by resolveLocalPicture, never more than `maxBytes` (a file larger, or one that
 * grows while read, is refused). Opened without following a symbolic link (the path is a real path,
 * so a link there now was put in since) and without blocking (a FIFO swapped in is refused, not waited on).
 */
export async function readLocalPicture(path: string, maxBytes: number): Promise<LocalPictureBytes> {
  const no = (reason: string): LocalPictureBytes => ({ ok: false, reason });
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return no('not found (removed since it was found)');
    if (code === 'ELOOP') return no('became a symbolic link since it was found');
    return no(`cannot be read (${code ?? (error as Error).message})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return no('not a regular file');
    if (stats.size > maxBytes) return no(`larger than the limit of ${describeBytes(maxBytes)}: ${describeBytes(stats.size)}`);
    // One byte more than allowed is asked for, to notice a file that grew after the stat.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return no(`larger than the limit of ${describeBytes(maxBytes)} (it grew while being read)`);
      if (length === buffer.length) return no('changed while being read (it grew)');
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return no(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    await handle.close().catch(() => {});
  }
}
