// Pictures beside the wire files: only regular files really inside the content folder are read, with
// real folders and symbolic links in a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLocalPicture, resolveLocalPicture } from '../../integrations/dateline/pictures/local.ts';

let base: string;
let content: string;
let contentLink: string;
let outside: string;
let hasFifo = false;
const WIRE = 'wire/story.xml';

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'dateline-local-pictures-')));
  content = join(base, 'content');
  outside = join(base, 'outside');
  contentLink = join(base, 'content-link');
  for (const dir of ['wire/photos', 'photos', 'folder.jpg']) mkdirSync(join(content, dir), { recursive: true });
  mkdirSync(join(outside, 'back'), { recursive: true });
  writeFileSync(join(content, 'wire/story.xml'), '<newsItem/>');
  writeFileSync(join(content, 'wire/photos/a.jpg'), 'A-bytes');
  writeFileSync(join(content, 'photos/b.jpg'), 'B-bytes');
  writeFileSync(join(content, 'photos/photo 1.jpg'), 'spaced');
  writeFileSync(join(content, 'photos/..dots.jpg'), 'dots');
  writeFileSync(join(content, 'photos/big.jpg'), Buffer.alloc(2000, 1));
  writeFileSync(join(outside, 'secret.jpg'), 'secret');
  symlinkSync('../photos/b.jpg', join(content, 'wire/link-in.jpg'));
  symlinkSync(join(outside, 'secret.jpg'), join(content, 'photos/link-out.jpg'));
  symlinkSync(outside, join(content, 'linked-folder'));
  symlinkSync('photos', join(content, 'inner-folder'));
  // Out of the folder and back in: the file's real path is inside, a folder on the way is not.
  symlinkSync(join(content, 'photos/b.jpg'), join(outside, 'back/b.jpg'));
  symlinkSync(join(outside, 'back'), join(content, 'out-and-back'));
  symlinkSync(join(content, 'photos/nothing.jpg'), join(content, 'photos/dangling.jpg'));
  symlinkSync('loop.jpg', join(content, 'photos/loop.jpg'));
  symlinkSync(content, contentLink);
  try {
    execFileSync('mkfifo', [join(content, 'photos/fifo.jpg')], { stdio: 'ignore' });
    hasFifo = true;
  } catch {
    hasFifo = false;
  }
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const find = (href: string, wire = WIRE, root = content) => resolveLocalPicture(root, wire, href);
const reasonOf = (href: string, wire = WIRE) => {
  const result = find(href, wire);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.reason;
};

describe('resolveLocalPicture: what is found', () => {
  it('resolves a path beside the wire file', () => {
    expect(find('photos/a.jpg')).toEqual({ ok: true, path: join(content, 'wire/photos/a.jpg'), file: 'wire/photos/a.jpg' });
    expect(find('./photos/a.jpg')).toMatchObject({ ok: true, file: 'wire/photos/a.jpg' });
  });

  it('resolves `..` that stays inside the content folder', () => {
    expect(find('../photos/b.jpg')).toMatchObject({ ok: true, file: 'photos/b.jpg' });
    expect(find('photos/../../photos/b.jpg')).toMatchObject({ ok: true, file: 'photos/b.jpg' });
  });

  it('resolves against the content folder for a wire file at its top', () => {
    expect(find('photos/b.jpg', 'story.xml')).toMatchObject({ ok: true, file: 'photos/b.jpg' });
  });

  it('takes a relative path literally (no percent-decoding), and a name starting with `..` is just a name', () => {
    expect(find('../photos/photo 1.jpg')).toMatchObject({ ok: true, file: 'photos/photo 1.jpg' });
    expect(reasonOf('../photos/photo%201.jpg')).toBe('not found: ../photos/photo%201.jpg');
    expect(find('../photos/..dots.jpg')).toMatchObject({ ok: true, file: 'photos/..dots.jpg' });
  });

  it('follows symbolic links that stay inside, and gives the real path', () => {
    expect(find('link-in.jpg')).toEqual({ ok: true, path: join(content, 'photos/b.jpg'), file: 'photos/b.jpg' });
    expect(find('../inner-folder/b.jpg')).toMatchObject({ ok: true, file: 'photos/b.jpg' });
  });

  it('works when the content folder itself is reached through a symbolic link', () => {
    expect(find('photos/a.jpg', WIRE, contentLink)).toEqual({ ok: true, path: join(content, 'wire/photos/a.jpg'), file: 'wire/photos/a.jpg' });
  });

  it('resolves file: URLs inside the content folder, under either spelling of it', () => {
    const url = pathToFileURL(join(content, 'photos/b.jpg')).href;
    expect(find(url)).toMatchObject({ ok: true, file: 'photos/b.jpg' });
    expect(find(pathToFileURL(join(contentLink, 'photos/b.jpg')).href, WIRE, contentLink)).toMatchObject({ ok: true, file: 'photos/b.jpg' });
    expect(find(pathToFileURL(join(content, 'photos/b.jpg')).href, WIRE, contentLink)).toMatchObject({ ok: true, file: 'photos/b.jpg' });
    expect(find(`file://localhost${join(content, 'photos/b.jpg')}`)).toMatchObject({ ok: true, file: 'photos/b.jpg' });
    expect(find(`file:${join(content, 'photos/b.jpg')}`)).toMatchObject({ ok: true, file: 'photos/b.jpg' });
    // A URL is decoded: %20 is a space.
    expect(find(pathToFileURL(join(content, 'photos/photo 1.jpg')).href)).toMatchObject({ ok: true, file: 'photos/photo 1.jpg' });
  });
});

describe('resolveLocalPicture: what is refused', () => {
  it('a missing file, naming the path as given', () => {
    expect(reasonOf('photos/x.jpg')).toBe('not found: photos/x.jpg');
    expect(reasonOf('photos/a.jpg/x.jpg')).toBe('not found: photos/a.jpg/x.jpg');
  });

  it('`..` that leaves the content folder', () => {
    expect(reasonOf('../../outside/secret.jpg')).toBe('path leads out of the content folder: ../../outside/secret.jpg');
    expect(reasonOf('../outside/secret.jpg', 'story.xml')).toMatch(/^path leads out of the content folder/);
    expect(reasonOf('photos/../../../../../../etc/passwd')).toMatch(/^path leads out of the content folder/);
  });

  it('absolute paths', () => {
    expect(reasonOf('/etc/passwd')).toBe('absolute path, only paths inside the content folder are read: /etc/passwd');
    // Even one that names a file inside the content folder: paths are relative to the wire file.
    expect(reasonOf(join(content, 'photos/b.jpg'))).toMatch(/^absolute path/);
    expect(reasonOf('//server/share/x.jpg')).toMatch(/^absolute path/);
    expect(reasonOf('C:/photos/x.jpg')).toMatch(/^absolute Windows path/);
  });

  it('file: URLs outside the content folder, on another host, or without an absolute path', () => {
    expect(reasonOf('file:///etc/passwd')).toBe('file: URL outside the content folder: file:///etc/passwd');
    expect(reasonOf(pathToFileURL(join(outside, 'secret.jpg')).href)).toMatch(/^file: URL outside the content folder/);
    expect(reasonOf(`${pathToFileURL(content).href}/../outside/secret.jpg`)).toMatch(/^file: URL outside the content folder/);
    expect(reasonOf(`${pathToFileURL(content).href}/%2e%2e/outside/secret.jpg`)).toMatch(/^file: URL outside the content folder/);
    expect(reasonOf('file://fileserver/share/x.jpg')).toBe('file: URL on another host (fileserver): file://fileserver/share/x.jpg');
    expect(reasonOf('file:photos/b.jpg')).toBe('file: URL without an absolute path: file:photos/b.jpg');
    expect(reasonOf(`${pathToFileURL(content).href}/photos%2Fb.jpg`)).toMatch(/^not a valid file: URL/);
    expect(reasonOf(`${pathToFileURL(content).href}/photos/b.jpg%00.png`)).toMatch(/^NUL character/);
  });

  it('symbolic links whose real path leads outside, by the file or by any folder on the way', () => {
    expect(reasonOf('../photos/link-out.jpg')).toBe('symbolic link leads out of the content folder: ../photos/link-out.jpg');
    expect(reasonOf('../linked-folder/secret.jpg')).toMatch(/^symbolic link leads out of the content folder/);
    expect(reasonOf('../out-and-back/b.jpg')).toMatch(/^symbolic link leads out of the content folder/);
    expect(reasonOf(pathToFileURL(join(content, 'photos/link-out.jpg')).href)).toMatch(/^symbolic link leads out/);
  });

  it('dangling links and link loops', () => {
    expect(reasonOf('../photos/dangling.jpg')).toBe('not found: ../photos/dangling.jpg');
    expect(reasonOf('../photos/loop.jpg')).toBe('symbolic link loop: ../photos/loop.jpg');
  });

  it('anything but a regular file', () => {
    expect(reasonOf('../folder.jpg')).toBe('a folder, not a picture file: ../folder.jpg');
    expect(reasonOf('..')).toMatch(/^a folder/);
    expect(reasonOf('.', 'story.xml')).toMatch(/^a folder/);
  });

  it('a FIFO', (context) => {
    if (!hasFifo) context.skip();
    expect(reasonOf('../photos/fifo.jpg')).toBe('not a regular file: ../photos/fifo.jpg');
  });

  it('NUL characters and backslashes, printed safely', () => {
    const nul = reasonOf('photos/a.jpg\0.png');
    expect(nul).toBe('NUL character in the picture path: photos/a.jpg\\u0000.png');
    expect(nul).not.toContain('\0');
    expect(reasonOf('..\\..\\outside\\secret.jpg')).toBe('backslash in the picture path (use /): ..\\..\\outside\\secret.jpg');
    expect(reasonOf('photos\\a.jpg')).toMatch(/^backslash/);
  });

  it('web addresses and other URLs, and an empty path', () => {
    expect(reasonOf('https://photos.example/x.jpg')).toBe('not a local path (https: URL): https://photos.example/x.jpg');
    expect(reasonOf('data:image/jpeg;base64,AAAA')).toMatch(/^not a local path \(data: URL\)/);
    expect(reasonOf('')).toBe('empty picture path');
    expect(reasonOf('  ')).toBe('empty picture path');
  });

  it('a content folder that does not exist', () => {
    const result = resolveLocalPicture(join(base, 'nowhere'), WIRE, 'photos/a.jpg');
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/content folder .* cannot be read/) });
  });
});

describe('readLocalPicture', () => {
  it('reads a file found', async () => {
    const found = find('photos/a.jpg');
    if (!found.ok) throw new Error(found.reason);
    const read = await readLocalPicture(found.path, 1000);
    expect(read).toEqual({ ok: true, bytes: Buffer.from('A-bytes') });
  });

  it('reads a file of exactly maxBytes, and refuses a larger one', async () => {
    const path = join(content, 'photos/big.jpg');
    const exact = await readLocalPicture(path, 2000);
    expect(exact.ok && exact.bytes.length).toBe(2000);
    const over = await readLocalPicture(path, 1999);
    expect(over).toEqual({ ok: false, reason: 'larger than the limit of 1,999 bytes (2.0 KB): 2,000 bytes (2.0 KB)' });
  });

  it('refuses a missing file, a symbolic link, a folder and a FIFO (without waiting on it)', async () => {
    expect(await readLocalPicture(join(content, 'photos/gone.jpg'), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/^not found/) });
    expect(await readLocalPicture(join(content, 'wire/link-in.jpg'), 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/symbolic link/) });
    expect(await readLocalPicture(join(content, 'folder.jpg'), 1000)).toMatchObject({ ok: false, reason: 'not a regular file' });
    if (hasFifo) expect(await readLocalPicture(join(content, 'photos/fifo.jpg'), 1000)).toMatchObject({ ok: false, reason: 'not a regular file' });
  });
});
