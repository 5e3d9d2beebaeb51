// The archive's article queries (integrations/dateline/archive/articles.ts ArticleQueries), over a real
// archive in a temporary folder (archive/db.ts openArchive, filled with putArticle and records that
// pass archive/schema.ts checkArticle), against a model: each list (the site's, a section's, an
// agency's, a day's) is its articles newest first, then by path (compared as UTF-8 bytes, as SQLite
// compares text). And site/reads.ts orderKey, the bytes that place a story in every list: sorting by it
// is the lists' order, oldest first.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleQueries, dropArticle, headlineKey, lastChangeOf, putArticle, type ListKind } from '../../integrations/dateline/archive/articles.ts';
import { openArchive, type ArchiveDb } from '../../integrations/dateline/archive/db.ts';
import type { ArticleRecord } from '../../integrations/dateline/archive/records.ts';
import { checkArticle } from '../../integrations/dateline/archive/schema.ts';
import { HIGHEST, LOWEST, orderKey } from '../../integrations/dateline/site/reads.ts';
import { localDateParts, toIsoInZone } from '../../integrations/dateline/time.ts';
import { agencySlug } from '../../integrations/dateline/urls.ts';

const TIME_ZONE = 'Asia/Karachi';
const scratch = mkdtempSync(join(tmpdir(), 'dateline-archive-queries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let archives = 0;
const open: ArchiveDb[] = [];
afterAll(() => open.forEach((db) => db.close()));

/** A fresh archive file of its own. */
function freshArchive(): ArchiveDb {
  const db = openArchive(join(scratch, `archive-${archives++}.sqlite`), { fresh: true });
  open.push(db);
  return db;
}

interface Spec {
  path: string;
  timestamp: number;
  section: string;
  agencies: string[];
  headline: string;
  quotes?: { symbol: string; price: number }[];
  modifiedAfter?: number;
}

/** An article record as the publisher stores it; it must pass the schema the archive checks. */
function record(spec: Spec, n: number): ArticleRecord {
  const published = toIsoInZone(spec.timestamp, TIME_ZONE);
  const hex = (n + 1).toString(16).padStart(32, '0');
  const r: ArticleRecord = {
    id: `story-${n}`,
    file: `wire/story-${n}.txt`,
    item: 0,
    path: spec.path,
    sectionSlug: spec.section,
    sectionLabel: spec.section.toUpperCase(),
    timestamp: spec.timestamp,
    digest: hex,
    warnings: [],
    format: 'text',
    headline: spec.headline,
    subjects: [],
    bylineText: spec.agencies.join(' | '),
    byline: spec.agencies.map((name) => ({ name, kind: 'agency' as const })),
    published,
    ...(spec.modifiedAfter !== undefined ? { modified: toIsoInZone(spec.timestamp + spec.modifiedAfter, TIME_ZONE) } : {}),
    summary: `${spec.headline}.`,
    quotes: (spec.quotes ?? []).map((q) => ({ symbol: q.symbol, price: q.price, direction: 'none' as const, change: 0, percent: 0 })),
    related: [],
    contentKey: hex,
    image: { path: `og/${spec.path.slice(0, -1)}.png`, type: 'image/png', width: 1200, height: 630 },
  };
  expect(checkArticle(r)).toBeUndefined();
  return r;
}

function fill(db: ArchiveDb, specs: Spec[]): ArticleRecord[] {
  const records = specs.map(record);
  for (const r of records) putArticle(db, r, TIME_ZONE);
  return records;
}

// ---------------------------------------------------------------------------------------------------
// The model

const bytes = (text: string) => Buffer.from(text, 'utf8');
/** The lists' order: newest first, then by path (as UTF-8 bytes). */
const newestFirst = (a: { timestamp: number; path: string }, b: { timestamp: number; path: string }) =>
  b.timestamp - a.timestamp || Buffer.compare(bytes(a.path), bytes(b.path));
const dayOf = (r: ArticleRecord) => {
  const d = localDateParts(r.published, TIME_ZONE);
  return `${d.yyyy}/${d.mm}/${d.dd}`;
};
function inList(r: ArticleRecord, kind: ListKind, id: string | null): boolean {
  if (kind === 'all') return true;
  if (kind === 'section') return r.sectionSlug === id;
  if (kind === 'day') return dayOf(r) === id;
  return r.byline.some((part) => part.kind === 'agency' && agencySlug(part.name) === id);
}
const modelList = (records: ArticleRecord[], kind: ListKind, id: string | null) => records.filter((r) => inList(r, kind, id)).sort(newestFirst);
const ids = (records: ArticleRecord[]) => records.map((r) => r.id);
const at = (r: ArticleRecord) => ({ timestamp: r.timestamp, path: r.path });

/** Every list the records make: the site's, and each section's, agency's and day's. */
function listsOf(records: ArticleRecord[]): [ListKind, string | null][] {
  const distinct = (values: string[]) => [...new Set(values)].sort();
  return [
    ['all', null],
    ...distinct(records.map((r) => r.sectionSlug)).map((s): [ListKind, string] => ['section', s]),
    ...distinct(records.flatMap((r) => r.byline.map((p) => agencySlug(p.name)))).map((a): [ListKind, string] => ['agency', a]),
    ...distinct(records.map(dayOf)).map((d): [ListKind, string] => ['day', d]),
    ['section', 'no-such-section'],
  ];
}

/** Every list query against the model, at every offset, limit and place in the list. */
function checkLists(queries: ArticleQueries, records: ArticleRecord[]): void {
  const everyone = [...records].sort(newestFirst);
  for (const [kind, id] of listsOf(records)) {
    const list = modelList(records, kind, id);
    const oldestFirst = [...list].reverse();
    const label = `${kind} ${id}`;
    expect(queries.count(kind, id), label).toBe(list.length);
    for (const limit of [0, 1, 2, 5, list.length + 1]) {
      for (let offset = 0; offset <= list.length; offset++) {
        expect(ids(queries.newest(kind, id, offset, limit)), `${label} newest ${offset} ${limit}`).toEqual(ids(list.slice(offset, offset + limit)));
        expect(ids(queries.oldest(kind, id, offset, limit)), `${label} oldest ${offset} ${limit}`).toEqual(ids(oldestFirst.slice(offset, offset + limit)));
      }
      if (limit === 0) continue;
      // from any article of the site, in the list or not
      for (const r of everyone) {
        const where = at(r);
        expect(ids(queries.olderThan(kind, id, where, limit)), `${label} olderThan ${r.id} ${limit}`).toEqual(
          ids(list.filter((x) => newestFirst(x, where) > 0).slice(0, limit)),
        );
        expect(ids(queries.fromOldest(kind, id, where, limit)), `${label} fromOldest ${r.id} ${limit}`).toEqual(
          ids(oldestFirst.filter((x) => newestFirst(x, where) <= 0).slice(0, limit)),
        );
      }
    }
    for (const r of everyone) expect(queries.position(kind, id, at(r)), `${label} position ${r.id}`).toBe(list.filter((x) => newestFirst(x, at(r)) < 0).length);
    list.forEach((r, i) => expect(queries.position(kind, id, at(r))).toBe(i));
    for (const every of [1, 2, 3, 20]) {
      expect(queries.everyNth(kind, id, every), `${label} everyNth ${every}`).toEqual(oldestFirst.filter((_, i) => i % every === 0).map(at));
    }
    const changes = list.map(lastChangeOf);
    expect(queries.newestChange(kind, id)).toBe(changes.length ? Math.max(...changes) : undefined);
  }
}

// ---------------------------------------------------------------------------------------------------

const HOUR = 3_600_000;
const T0 = Date.parse('2023-08-07T18:00:00+05:00');

/** A small newsroom over three local days, with ties in time (broken by path) and shared agencies. */
const newsroom: Spec[] = [
  { path: 'world/2023/08/07/talks-resume/', timestamp: T0, section: 'world', agencies: ['AFP'], headline: 'Talks resume in Geneva' },
  { path: 'world/2023/08/07/talks/', timestamp: T0, section: 'world', agencies: ['AFP', 'Reuters'], headline: 'Talks' },
  {
    path: 'business/2023/08/07/rupee-gains/',
    timestamp: T0,
    section: 'business',
    agencies: ['APP'],
    headline: 'Rupee gains',
    quotes: [
      { symbol: 'BAFL', price: 41.78 },
      { symbol: 'OGDC', price: 80.1 },
    ],
  },
  {
    path: 'business/2023/08/07/kse-100-closes-higher/',
    timestamp: T0 + 5 * HOUR + 59 * 60_000,
    section: 'business',
    agencies: ['APP'],
    headline: 'KSE-100 closes higher',
    quotes: [{ symbol: 'OGDC', price: 81.2 }],
  },
  {
    path: 'world/2023/08/08/storm-warning/',
    timestamp: T0 + 6 * HOUR,
    section: 'world',
    agencies: ['Reuters'],
    headline: 'Storm warning issued',
    modifiedAfter: 20 * HOUR,
  },
  { path: 'sport/2023/08/08/cricket-series-opens/', timestamp: T0 + 7 * HOUR, section: 'sport', agencies: ['AFP', 'APP'], headline: 'Cricket series opens' },
  {
    path: 'business/2023/08/08/oil-steady/',
    timestamp: T0 + 7 * HOUR,
    section: 'business',
    agencies: ['Reuters'],
    headline: "Oil 'steady' — traders",
    quotes: [{ symbol: 'BAFL', price: 42 }],
  },
  { path: 'world/2023/08/09/talks-resume-2/', timestamp: T0 + 30 * HOUR, section: 'world', agencies: ['AFP'], headline: 'TALKS RESUME IN GENEVA' },
  { path: 'sport/2023/08/09/hockey/', timestamp: T0 + 31 * HOUR, section: 'sport', agencies: ['APP'], headline: 'Hockey' },
  { path: 'sport/2023/08/09/hockey-final/', timestamp: T0 + 31 * HOUR, section: 'sport', agencies: ['APP'], headline: 'Hockey final' },
];

describe('a newsroom of ten stories', () => {
  const db = freshArchive();
  const records = fill(db, newsroom);
  const queries = new ArticleQueries(db);
  const pathsOf = (rs: ArticleRecord[]) => rs.map((r) => r.path);

  it('lists the site newest first, then by path', () => {
    expect(pathsOf(queries.newest('all', null, 0, 4))).toEqual([
      'sport/2023/08/09/hockey-final/',
      'sport/2023/08/09/hockey/',
      'world/2023/08/09/talks-resume-2/',
      'business/2023/08/08/oil-steady/',
    ]);
    expect(pathsOf(queries.oldest('all', null, 0, 3))).toEqual([
      'world/2023/08/07/talks/',
      'world/2023/08/07/talks-resume/',
      'business/2023/08/07/rupee-gains/',
    ]);
  });

  it('lists a section, an agency and a local day', () => {
    expect(queries.count('section', 'world')).toBe(4);
    expect(pathsOf(queries.newest('agency', 'reuters', 0, 10))).toEqual([
      'business/2023/08/08/oil-steady/',
      'world/2023/08/08/storm-warning/',
      'world/2023/08/07/talks/',
    ]);
    // 23:59 in Karachi is still the 7th; midnight is the 8th
    expect(pathsOf(queries.newest('day', '2023/08/07', 0, 10))).toEqual([
      'business/2023/08/07/kse-100-closes-higher/',
      'business/2023/08/07/rupee-gains/',
      'world/2023/08/07/talks-resume/',
      'world/2023/08/07/talks/',
    ]);
    expect(queries.count('day', '2023/08/08')).toBe(3);
  });

  it('pages through a list from any story, either way', () => {
    const hockey = records[8]!;
    expect(queries.position('all', null, at(hockey))).toBe(1);
    expect(pathsOf(queries.olderThan('all', null, at(hockey), 2))).toEqual(['world/2023/08/09/talks-resume-2/', 'business/2023/08/08/oil-steady/']);
    expect(pathsOf(queries.fromOldest('section', 'sport', at(records[5]!), 5))).toEqual([
      'sport/2023/08/08/cricket-series-opens/',
      'sport/2023/08/09/hockey/',
      'sport/2023/08/09/hockey-final/',
    ]);
    expect(queries.everyNth('all', null, 4)).toEqual([at(records[1]!), at(records[4]!), at(records[8]!)]);
  });

  it('agrees with the model on every list, offset, limit and place', () => {
    checkLists(queries, records);
  });

  it('finds the newest story with a headline, whatever its case, quotes and dashes', () => {
    expect(headlineKey("Oil 'steady' — traders")).toBe(headlineKey('oil steady traders'));
    expect(queries.findByHeadline('talks resume in geneva')?.path).toBe('world/2023/08/09/talks-resume-2/');
    expect(queries.findByHeadline('Talks Resume, in Geneva!')?.path).toBe('world/2023/08/09/talks-resume-2/');
    expect(queries.findByHeadline('Oil “steady” - traders')?.path).toBe('business/2023/08/08/oil-steady/');
    expect(queries.findByHeadline('Talks')?.path).toBe('world/2023/08/07/talks/');
    expect(queries.findByHeadline('No such story')).toBeUndefined();
  });

  it('gives the latest quote of each symbol, newest first', () => {
    expect(queries.latestQuotes().map(({ quote, id }) => [quote.symbol, quote.price, id])).toEqual([
      ['BAFL', 42, 'story-6'],
      ['OGDC', 81.2, 'story-3'],
    ]);
  });

  it('names the sections, agencies, days and months that have stories', () => {
    expect(queries.sectionSlugs()).toEqual(['business', 'sport', 'world']);
    expect(queries.agencies()).toEqual([
      { slug: 'afp', name: 'AFP' },
      { slug: 'app', name: 'APP' },
      { slug: 'reuters', name: 'Reuters' },
    ]);
    expect(queries.days()).toEqual(['2023/08/07', '2023/08/08', '2023/08/09']);
    expect(queries.months()).toEqual(['2023-08']);
  });

  it('replaces a story put again, in every list', () => {
    const moved = record({ ...newsroom[0]!, timestamp: T0 + 40 * HOUR, section: 'business', agencies: ['APP'] }, 0);
    putArticle(db, moved, TIME_ZONE);
    const now = records.map((r) => (r.id === moved.id ? moved : r));
    expect(queries.newest('all', null, 0, 1)[0]).toEqual(moved);
    expect(queries.count('all')).toBe(10);
    expect(queries.count('agency', 'afp')).toBe(3);
    checkLists(queries, now);
  });
});

describe('any archive', () => {
  // Few instants (ties are common) and paths that are prefixes of each other, with letters above
  // U+FFFF and in U+E000–U+FFFF: UTF-8 bytes and UTF-16 code units sort those two apart differently.
  const segment = fc.constantFrom('a', 'ab', 'a-b', 'b', 'z', 'é', '\uff21', '\u{1f600}', 'a/b', 'a/b/c');
  const spec = fc.record({
    segment,
    hour: fc.integer({ min: 0, max: 60 }),
    section: fc.constantFrom('world', 'business', 'sport'),
    agencies: fc.uniqueArray(fc.constantFrom('AFP', 'Reuters', 'APP'), { maxLength: 2 }),
    headline: fc.constantFrom('Talks resume', 'talks RESUME', 'Rain alert', 'Markets close'),
    quote: fc.option(fc.record({ symbol: fc.constantFrom('BAFL', 'OGDC'), price: fc.integer({ min: 1, max: 500 }) }), { nil: undefined }),
  });
  const archives = fc.uniqueArray(spec, { maxLength: 14, selector: (s) => `${s.section}/${s.segment}` });
  /** An archive of the generated stories. */
  const fillFrom = (db: ArchiveDb, specs: readonly (typeof spec extends fc.Arbitrary<infer T> ? T : never)[]) =>
    fill(
      db,
      specs.map((s) => ({
        path: `${s.section}/${s.segment}/`,
        timestamp: T0 + s.hour * 2 * HOUR,
        section: s.section,
        agencies: s.agencies,
        headline: s.headline,
        quotes: s.quote ? [s.quote] : [],
      })),
    );
  // which of the stories a later publish takes down (a kill, or a story no longer published)
  const drops = fc.array(fc.boolean(), { maxLength: 14 });

  it('answers every list query as the model does', () => {
    fc.assert(
      fc.property(archives, (specs) => {
        const db = freshArchive();
        const records = fillFrom(db, specs);
        const queries = new ArticleQueries(db);
        checkLists(queries, records);
        const everyone = [...records].sort(newestFirst);
        for (const h of ['talks resume', 'Rain alert', 'none']) {
          expect(queries.findByHeadline(h)?.id).toBe(everyone.find((r) => headlineKey(r.headline) === headlineKey(h))?.id);
        }
        const latest = ['BAFL', 'OGDC']
          .map((symbol) => everyone.find((r) => r.quotes.some((q) => q.symbol === symbol)))
          .filter((r): r is ArticleRecord => r !== undefined)
          .sort(newestFirst);
        expect(queries.latestQuotes().map((q) => q.id)).toEqual(latest.map((r) => r.id));
        db.close();
        open.splice(open.indexOf(db), 1);
      }),
      { numRuns: 30 },
    );
  });

  it('counts and lists what is left when stories are taken down, down to empty lists', () => {
    fc.assert(
      fc.property(archives, drops, (specs, dropped) => {
        const db = freshArchive();
        const records = fillFrom(db, specs);
        const gone = new Set(records.filter((_, i) => dropped[i]).map((r) => r.id));
        for (const id of gone) dropArticle(db, id);
        dropArticle(db, 'no-such-story'); // changes nothing
        const left = records.filter((r) => !gone.has(r.id));
        const queries = new ArticleQueries(db);
        checkLists(queries, left);
        // every list taken down to nothing counts 0
        for (const [kind, id] of listsOf(records)) if (modelList(left, kind, id).length === 0) expect(queries.count(kind, id), `${kind} ${id}`).toBe(0);
        db.close();
        open.splice(open.indexOf(db), 1);
      }),
      { numRuns: 30 },
    );
  });
});

describe('orderKey', () => {
  const compare = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b);

  it('sorts oldest first, as the lists read backwards (SQLite compares blobs as bytes)', () => {
    const db = freshArchive();
    const records = fill(db, newsroom);
    const queries = new ArticleQueries(db);
    const byKey = [...records].sort((a, b) => compare(orderKey(a), orderKey(b)));
    expect(ids(byKey)).toEqual(ids(queries.oldest('all', null, 0, 100)));
    // and in SQLite itself: the keys as blobs, ordered by the database
    db.exec('CREATE TABLE keys (id TEXT, key BLOB)');
    const insert = db.prepare('INSERT INTO keys VALUES (?, ?)');
    for (const r of records) insert.run(r.id, orderKey(r));
    const ordered = (db.prepare('SELECT id FROM keys ORDER BY key DESC').all() as { id: string }[]).map((row) => row.id);
    expect(ordered).toEqual(ids(queries.newest('all', null, 0, 100)));
  });

  it('puts `a/b/` after `a/b/c/` at the same instant, as the lists do', () => {
    const t = T0;
    expect(compare(orderKey({ timestamp: t, path: 'a/b/c/' }), orderKey({ timestamp: t, path: 'a/b/' }))).toBeLessThan(0);
    expect(newestFirst({ timestamp: t, path: 'a/b/' }, { timestamp: t, path: 'a/b/c/' })).toBeLessThan(0); // a/b/ is shown first
  });

  it('orders any two stories as the lists do, before 1970 too, and lies between LOWEST and HIGHEST', () => {
    const story = fc.record({
      timestamp: fc.integer({ min: -4_000_000_000_000, max: 8_000_000_000_000 }),
      path: fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => `${s}/`),
    });
    fc.assert(
      fc.property(story, story, (a, b) => {
        const [ka, kb] = [orderKey(a), orderKey(b)];
        expect(Math.sign(compare(ka, kb))).toBe(-Math.sign(newestFirst(a, b)));
        expect(compare(LOWEST, ka)).toBeLessThan(0);
        expect(compare(ka, HIGHEST)).toBeLessThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
