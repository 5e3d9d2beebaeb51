// `npm run publish` after a full build: a new story, an edit and a deletion each write exactly the files
// whose bytes change (the story's page and image, the lists, feeds, sitemaps and search shards that
// show it), leave every other file as it was (same inode and mtime), list what they wrote and removed
// in changes.json, and end in the same folder a cold full build of the same content gives.
import { existsSync, readdirSync, renameSync, rmSync, readFileSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputDir, publishSite } from '../helpers/build.ts';
import { wire } from '../foundation/fixtures.ts';
import { changesBetween, snapshot, treeDifferences } from './tree.ts';

const NAME = 'publish-basics';
const NOW = '2024-03-10T12:00:00+05:00';
const env = { DATELINE_NOW: NOW };
const story = (day: number, headline: string, body: string[], section = 'World') =>
  wire({ section, headline, byline: 'AFP', published: `0${day} Mar, 2024 10:00am`, body });

const base = {
  // "Port fees rise after long talks" is a related headline in a.txt: it links once that story exists.
  'a.txt': story(1, 'Ministers meet on trade', ['KARACHI: Ministers met on trade.', 'Port fees rise after long talks']),
  'b.txt': story(2, 'Rains flood low streets', ['LAHORE: Rain flooded low streets overnight.']),
  'c.txt': story(3, 'Exporters ask for relief', ['FAISALABAD: Exporters asked for relief.'], 'Business'),
};

const dir = outputDir(NAME);
const content = join(dir, 'content');
const dist = join(dir, 'dist');

/** Takes changes.json as a deployer does (moves it away) and returns it. */
function takeChanges(): { written: string[]; removed: string[]; full: boolean; publishes: number } {
  const taken = join(dir, 'changes.taken.json');
  renameSync(join(dir, 'changes.json'), taken);
  const changes = JSON.parse(readFileSync(taken, 'utf8'));
  rmSync(taken);
  return changes;
}

/** Publishes and returns what changed in dist/, checked against changes.json. */
function publishAndCompare(args: string[] = []) {
  const before = snapshot(dist);
  const run = publishSite(NAME, { args, env });
  expect(run.status, run.output).toBe(0);
  const after = snapshot(dist);
  const changed = changesBetween(before, after);
  expect(changed.touched, 'files rewritten with the same bytes').toEqual([]);
  const listed = takeChanges();
  expect(listed.full).toBe(false);
  expect(listed.written).toEqual(changed.written);
  expect(listed.removed).toEqual(changed.removed);
  return { ...changed, output: run.output, site: run.site };
}

describe('npm run publish', () => {
  beforeAll(() => {
    const first = buildSite(NAME, { files: base, env });
    expect(first.report.counts.published).toBe(3);
    // a first build lists every file it wrote: all of them
    const listed = takeChanges();
    expect(listed.full).toBe(false);
    expect(listed.written).toEqual([...snapshot(dist).keys()].sort());
  });

  it('with nothing changed writes nothing', () => {
    const { written, removed, output } = publishAndCompare();
    expect([written, removed]).toEqual([[], []]);
    expect(output).toMatch(/0 parsed, 3 unchanged/);
    expect(output).toMatch(/0 file\(s\) written, 0 removed/);
  });

  it('a new story: its page and image, the lists, feeds, sitemaps and search that show it, and nothing else', () => {
    writeFileSync(join(content, 'd.txt'), story(4, 'Port fees rise after long talks', ['KARACHI: Port fees rose on Monday.']));
    const { written, removed, output, site } = publishAndCompare(['d.txt']);
    expect(output).toMatch(/1 parsed, 0 unchanged/);
    expect(removed.filter((f) => !f.startsWith('pagefind/'))).toEqual([]);
    const page = 'world/2024/03/04/port-fees-rise-after-long-talks/index.html';
    for (const f of [
      page,
      'og/world/2024/03/04/port-fees-rise-after-long-talks.png',
      'index.html',
      'world/index.html',
      'world/rss.xml',
      'rss.xml',
      '2024/03/04/index.html',
      'agency/afp/index.html',
      'sitemap-articles-2024-03-0.xml',
      'search/shards.json',
    ]) {
      expect(written, f).toContain(f);
    }
    expect(written.some((f) => f.startsWith('pagefind/'))).toBe(true);
    // the day before now links forward to the new day; the old story's related headline now links
    expect(written).toContain('2024/03/03/index.html');
    expect(site.read('world/2024/03/01/ministers-meet-on-trade/index.html')).toContain('href="/world/2024/03/04/port-fees-rise-after-long-talks/"');
    expect(written).toContain('world/2024/03/01/ministers-meet-on-trade/index.html');
    // every list page's "Latest news" shows it, the Business section's too
    expect(written).toContain('business/index.html');
    // what does not show the new story is not written
    for (const f of [
      'business/2024/03/03/exporters-ask-for-relief/index.html',
      'business/rss.xml',
      '2024/03/01/index.html',
      'og/world/2024/03/01/ministers-meet-on-trade.png',
      'search/index.html',
      '404.html',
      'robots.txt',
    ]) {
      expect(written, f).not.toContain(f);
    }
    expect(site.read('world/index.html')).toContain('Port fees rise after long talks');
    // the summary names what went live, and says what the removed files were (a re-indexed search
    // shard is written into a new folder, and the old one's files go)
    expect(output).toMatch(/^\[dateline\] {3}live https:\/\/dateline\.example\.com\/world\/2024\/03\/04\/port-fees-rise-after-long-talks\/ \(\S+\/d\.txt\)$/m);
    expect(removed.length).toBeGreaterThan(0);
    expect(output).toContain(`, ${removed.length} removed, `);
    expect(output).toContain(`\n[dateline] ${removed.length} removed: ${removed.length} replaced search-index files\n`);
  });

  it('an edit found by scanning the folder rewrites the story’s page and what shows its text', () => {
    writeFileSync(join(content, 'b.txt'), story(2, 'Rains flood low streets', ['LAHORE: Rain flooded low streets overnight, and schools closed.']));
    const { written, output, site } = publishAndCompare();
    expect(output).toMatch(/1 parsed, 3 unchanged/);
    expect(site.read('world/2024/03/02/rains-flood-low-streets/index.html')).toContain('schools closed');
    for (const f of ['world/2024/03/02/rains-flood-low-streets/index.html', 'world/rss.xml', 'rss.xml']) expect(written, f).toContain(f);
    // the teaser text in lists is the first paragraph: the lists show it
    expect(written).toContain('world/index.html');
    expect(written).not.toContain('business/index.html');
    expect(written).not.toContain('world/2024/03/04/port-fees-rise-after-long-talks/index.html');
  });

  it('a file touched but not changed is read, found the same, and writes nothing', () => {
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(content, 'a.txt'), later, later);
    const { written, removed, output } = publishAndCompare();
    expect(output).toMatch(/0 parsed, 4 unchanged/);
    expect([written, removed]).toEqual([[], []]);
  });

  it('a deleted file: its story goes from every output, an empty section and its folder with it', () => {
    rmSync(join(content, 'c.txt'));
    const { removed, site } = publishAndCompare(['c.txt']);
    for (const f of [
      'business/2024/03/03/exporters-ask-for-relief/index.html',
      'business/index.html',
      'business/rss.xml',
      '2024/03/03/index.html',
      'og/business/2024/03/03/exporters-ask-for-relief.png',
    ]) {
      expect(removed, f).toContain(f);
    }
    expect(existsSync(join(dist, 'business'))).toBe(false);
    expect(existsSync(join(dist, 'og', 'business'))).toBe(false);
    const sitemaps = readdirSync(dist)
      .filter((f) => f.startsWith('sitemap'))
      .map((f) => site.read(f))
      .join('\n');
    expect(sitemaps).not.toContain('exporters-ask-for-relief');
    expect(sitemaps).not.toContain('/business/');
    expect(site.read('rss.xml')).not.toContain('Exporters ask for relief');
    expect(site.read('index.html')).not.toContain('Exporters ask for relief');
    expect(site.report.files.map((f) => f.file).sort()).toEqual(['a.txt', 'b.txt', 'd.txt']);
  });

  it('a bad file is reported with its line and the rest is published', () => {
    writeFileSync(join(content, 'bad.txt'), ' date 2024-03-05\nWorld\n\nNo time here\n\nAFP\n\nBody.\n');
    writeFileSync(join(content, 'e.txt'), story(5, 'Cotton prices steady', ['MULTAN: Cotton prices held steady.']));
    const { written, output, site } = publishAndCompare(['bad.txt', 'e.txt']);
    expect(output).toMatch(/rejected .*bad\.txt:\d+: /);
    expect(site.report.files.find((f) => f.file === 'bad.txt')).toMatchObject({ status: 'rejected', line: expect.any(Number) });
    // every file once, in path order
    const files = site.report.files.map((f) => f.file);
    expect(files).toEqual([...new Set(files)].sort());
    expect(written).toContain('world/2024/03/05/cotton-prices-steady/index.html');
  });

  it('named files: an absolute path inside the content folder is published; a path outside stops the publish, naming it', () => {
    writeFileSync(join(content, 'f.txt'), story(6, 'Wheat stocks checked', ['SUKKUR: Officials checked wheat stocks.']));
    const refused = publishSite(NAME, { args: [join(content, 'f.txt'), '../elsewhere.txt'], env });
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('not in the content folder');
    expect(refused.output).toContain('../elsewhere.txt');
    expect(refused.output).toMatch(/nothing was published/);
    expect(existsSync(join(dist, 'world/2024/03/06/wheat-stocks-checked/index.html'))).toBe(false);
    const { written } = publishAndCompare([join(content, 'f.txt')]);
    expect(written).toContain('world/2024/03/06/wheat-stocks-checked/index.html');
  });

  it('after the parsers changed (a Dateline upgrade), every file is read again, and what reads the same writes nothing', () => {
    // the archive says its files were read by other parsers
    const db = new DatabaseSync(join(dir, 'cache', 'dateline', 'archive.db'));
    db.prepare("UPDATE meta SET value = 'an-older-parser Asia/Karachi' WHERE key = 'reader'").run();
    db.close();
    const { written, removed, output } = publishAndCompare();
    expect(output).toMatch(/6 parsed, 0 unchanged/); // bad.txt too: a better parser may read it
    expect([written, removed]).toEqual([[], []]);
    // and the next publish trusts them again
    expect(publishAndCompare().output).toMatch(/0 parsed, 6 unchanged/);
  });

  it('ends in the folder a cold full build of the same content gives, byte for byte', () => {
    const cold = buildSite(`${NAME}-cold`, { contentDir: content, env });
    expect(treeDifferences(dist, cold.dist)).toEqual([]);
  });
});
