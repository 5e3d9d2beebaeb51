// SiteOutput.link (integrations/dateline/publish/output.ts): a file from Dateline's cache (a search
// shard's file, a social image) placed in the output by hard link, over a real archive and folders.
// The case a crash test found: a publisher killed after linking a file and before recording it leaves
// the very file in place; the next publisher must record it and leave no temporary file beside it
// (rename() of a link over another link to the same file does nothing and keeps the source name).
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../integrations/dateline/archive/db.ts';
import { SiteOutput } from '../../integrations/dateline/publish/output.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dateline-output-link-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function setup(name: string) {
  const root = join(scratch, name);
  const cache = join(root, 'cache');
  const dist = join(root, 'dist');
  mkdirSync(cache, { recursive: true });
  mkdirSync(dist, { recursive: true });
  const source = join(cache, 'fragment.pf');
  writeFileSync(source, 'indexed words');
  const db = openArchive(join(root, 'archive.db'), { fresh: true });
  return { dist, source, db, output: new SiteOutput(db, dist) };
}
const PATH = 'pagefind/2024-03.0-abc/fragment/en_1.pf_fragment';
const everyFile = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());

describe('SiteOutput.link', () => {
  it('links a file with nothing in its place, and records it', () => {
    const { dist, source, db, output } = setup('new');
    expect(output.link(PATH, source, 'search', 'key-1')).toBe(true);
    expect(statSync(join(dist, PATH)).ino).toBe(statSync(source).ino);
    expect(everyFile(dist)).toEqual([PATH]);
    expect(output.table.get(PATH)?.hash).toBe('key-1');
    db.close();
  });

  it('records the file a killed publisher linked and did not record, and leaves no temporary file', () => {
    const { dist, source, db, output } = setup('killed');
    mkdirSync(join(dist, PATH, '..'), { recursive: true });
    linkSync(source, join(dist, PATH)); // what the killed publisher did before it could record it
    expect(output.link(PATH, source, 'search', 'key-1')).toBe(true);
    expect(everyFile(dist)).toEqual([PATH]);
    expect(statSync(join(dist, PATH)).ino).toBe(statSync(source).ino);
    expect(output.table.get(PATH)?.hash).toBe('key-1');
    expect(output.counts.written).toBe(1);
    db.close();
  });

  it('replaces another file in its place, and leaves no temporary file', () => {
    const { dist, source, db, output } = setup('replace');
    mkdirSync(join(dist, PATH, '..'), { recursive: true });
    writeFileSync(join(dist, PATH), 'an older shard');
    expect(output.link(PATH, source, 'search', 'key-2')).toBe(true);
    expect(readFileSync(join(dist, PATH), 'utf8')).toBe('indexed words');
    expect(everyFile(dist)).toEqual([PATH]);
    expect(output.table.get(PATH)?.hash).toBe('key-2');
    db.close();
  });

  it('leaves a file already linked and recorded alone', () => {
    const { source, db, output } = setup('kept');
    output.link(PATH, source, 'search', 'key-1');
    expect(output.link(PATH, source, 'search', 'key-1')).toBe(false);
    db.close();
  });
});
