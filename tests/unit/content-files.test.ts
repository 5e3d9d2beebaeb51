// A named file (contentFileAt, what a publisher told "this file changed" reads) gets exactly the entry a
// scan of the whole content folder (findContentFiles) gives it, refusals included, or none when the scan
// lists none: the named path looks at the entries on its path only, and must never disagree with a build.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContentFile, contentFileAt, findContentFiles } from '../../integrations/dateline/ingest/content-files.ts';

const MAX = 1000;
const scratch = mkdtempSync(join(tmpdir(), 'dateline-content-files-'));
const content = join(scratch, 'content');
const outside = join(scratch, 'outside');

beforeAll(() => {
  const write = (path: string, data: string | Buffer = 'a story') => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, data);
  };
  write(join(outside, 'secret.txt'));
  mkdirSync(join(outside, 'folder'));
  write(join(outside, 'folder', 'story.txt'));
  write(join(content, 'ok.txt'));
  write(join(content, '.hidden.txt'));
  write(join(content, 'note.md'));
  write(join(content, 'picture.jpg'));
  write(join(content, 'big.txt'), 'x'.repeat(MAX + 1));
  write(join(content, 'exact.txt'), 'x'.repeat(MAX));
  write(join(content, '2024', '03', 'story.xml'));
  write(join(content, '2024', '03', 'other.json'));
  write(join(content, '.git', 'hooks.txt'));
  mkdirSync(join(content, 'folder.txt'));
  write(join(content, 'folder.txt', 'inner.txt'));
  symlinkSync('ok.txt', join(content, 'inside-link.txt'));
  symlinkSync('2024/03/story.xml', join(content, 'deep-link.txt'));
  symlinkSync(join(outside, 'secret.txt'), join(content, 'escape.txt'));
  symlinkSync('missing.txt', join(content, 'dangling.txt'));
  symlinkSync('2024', join(content, 'folder-link.txt'));
  symlinkSync(join(outside, 'folder'), join(content, 'outside-link.txt'));
  symlinkSync(join(outside, 'folder'), join(content, 'outside-folder'));
  symlinkSync('2024', join(content, 'inside-folder'));
  symlinkSync('note.md', join(content, 'link-to-note.txt'));
  symlinkSync('ok.txt', join(content, 'link-named.md'));
  // Names that are not valid UTF-8: a file, and a folder holding a good story.
  const latin1 = (name: string) => Buffer.concat([Buffer.from(`${content}/`), Buffer.from(name, 'latin1')]);
  writeFileSync(latin1('caf\u00e9.txt'), 'a story');
  mkdirSync(latin1('d\u00e9p\u00eat'));
  writeFileSync(Buffer.concat([latin1('d\u00e9p\u00eat'), Buffer.from('/story.txt')]), 'a story');
  // A real U+FFFD in a name (valid UTF-8) beside one the scan decodes to it.
  write(join(content, 'caf\ufffd.txt'));
  // Unreadable: a file, a folder, a folder that can be listed but not searched (as root, all readable).
  write(join(content, 'locked.txt'));
  chmodSync(join(content, 'locked.txt'), 0);
  write(join(content, 'closed', 'story.txt'));
  chmodSync(join(content, 'closed'), 0);
  write(join(content, 'listed', 'story.txt'));
  chmodSync(join(content, 'listed'), 0o444);
});

afterAll(() => {
  for (const folder of ['closed', 'listed']) chmodSync(join(content, folder), 0o755);
  rmSync(scratch, { recursive: true, force: true });
});

/** Every name the test asks for: the scan's own, and those it must list nothing for. */
const NAMES = [
  'ok.txt',
  '.hidden.txt',
  'note.md',
  'picture.jpg',
  'big.txt',
  'exact.txt',
  '2024/03/story.xml',
  '2024/03/other.json',
  '2024/03/missing.txt',
  '2024/03',
  '.git/hooks.txt',
  'folder.txt',
  'folder.txt/inner.txt',
  'inside-link.txt',
  'deep-link.txt',
  'escape.txt',
  'dangling.txt',
  'folder-link.txt',
  'folder-link.txt/03/story.xml',
  'outside-link.txt',
  'outside-link.txt/story.txt',
  'outside-folder',
  'outside-folder/',
  'outside-folder/story.txt',
  'inside-folder/03/story.xml',
  'link-to-note.txt',
  'link-named.md',
  'caf\ufffd.txt',
  'd\ufffdp\ufffdt/story.txt',
  'locked.txt',
  'closed/story.txt',
  'listed/story.txt',
  'missing.txt',
  'no-folder/missing.txt',
  'ok.txt/x.txt',
  '/ok.txt',
  'ok.txt/',
  '2024//03/story.xml',
  '../outside/secret.txt',
  './ok.txt',
];

describe('contentFileAt', () => {
  let scan: ContentFile[];
  beforeAll(() => {
    scan = findContentFiles(content, MAX);
  });

  it('gives every name exactly the entry the scan of the whole folder gives it', () => {
    for (const name of new Set([...NAMES, ...scan.map((f) => f.file)])) {
      // The scan also reports folders (`name/`: unreadable, or a link leading out); they are no files to name.
      const expected = name.endsWith('/') ? undefined : scan.find((f) => f.file === name);
      expect(contentFileAt(content, name, MAX), name).toEqual(expected);
    }
  });

  it('covers the cases it is meant to (the comparison above is not vacuous)', () => {
    const at = (name: string) => contentFileAt(content, name, MAX);
    expect(at('ok.txt')).toEqual({ file: 'ok.txt', path: join(content, 'ok.txt') });
    expect(at('exact.txt')?.rejection).toBeUndefined();
    expect(at('2024/03/story.xml')?.rejection).toBeUndefined();
    expect(at('inside-link.txt')?.rejection).toBeUndefined();
    expect(at('big.txt')?.rejection).toMatch(/over the 1,000-byte limit/);
    expect(at('escape.txt')?.rejection).toMatch(/outside the content folder/);
    expect(at('outside-link.txt')?.rejection).toMatch(/outside the content folder/);
    expect(at('dangling.txt')?.rejection).toMatch(/does not exist/);
    expect(at('folder-link.txt')?.rejection).toMatch(/not point at a regular file/);
    expect(at('link-to-note.txt')).toBeDefined();
    expect(at('d\ufffdp\ufffdt/story.txt')?.rejection).toMatch(/not valid UTF-8/);
    for (const name of ['.hidden.txt', 'note.md', 'folder.txt', 'missing.txt', 'outside-folder/story.txt', 'inside-folder/03/story.xml']) {
      expect(at(name), name).toBeUndefined();
    }
    expect(scan.find((f) => f.file === 'outside-folder/')?.rejection).toMatch(/not followed/);
  });

  it('names the file by the content folder it was given, also when that is reached through a link', () => {
    const linked = join(scratch, 'linked-content');
    symlinkSync(content, linked);
    const all = findContentFiles(linked, MAX);
    for (const name of ['ok.txt', 'big.txt', 'escape.txt', '2024/03/story.xml']) {
      expect(contentFileAt(linked, name, MAX), name).toEqual(all.find((f) => f.file === name));
    }
    expect(contentFileAt(join(scratch, 'nowhere'), 'ok.txt', MAX)).toBeUndefined();
  });
});
