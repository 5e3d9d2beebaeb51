// The article record's schema (integrations/dateline/archive/schema.ts), checked at ingest:
//   - every record of a real build (the demo content, its pictures and agency formats included) matches it;
//   - a record that breaks it is rejected in the report at its file and the item's line, with the field
//     and the problem, the build goes on without the story, and strict mode refuses the publish;
//   - the messages name the field path and the problem, for each kind of problem;
//   - checking is cheap (µs per record, printed).
//
// The broken record is a real one: a ninjs feed whose second item carries the "no date" placeholder
// `9999-12-31T23:59:59Z` (SQL Server's and .NET's largest date) as its `versioncreated`. The parser
// accepts it (a real instant); in the site's zone (Asia/Karachi, +05:00) it falls in the year 10000, so
// the story's `modified` is `+010000-01-01T04:59:59+05:00`, which is no ISO 8601 date-time of four-digit
// years (pages, feeds and sitemaps would print it as it is).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArticle, type ArticleRecord } from '../../integrations/dateline/archive/schema.ts';
import type { ReportEntry } from '../../integrations/dateline/archive/statuses.ts';
import { buildSite, outputDir, repoRoot, siteEnv, type BuiltSite } from '../helpers/build.ts';
import { archiveRecords } from '../helpers/archive-records.ts';
import { E2E_NOW } from '../e2e/fixtures.ts';

const NAME = 'article-schema';
const FEED = 'agency/app-feed.json';
const GOOD_HEADLINE = 'Senate passes water-sharing accord after late-night session';
const BAD_HEADLINE = 'Karachi port clears record container backlog';

const story = (n: number, headline: string, versioncreated: string) => ({
  uri: `urn:app:2026:feed-${n}`,
  type: 'text',
  version: '1',
  firstcreated: `2026-11-2${n}T06:00:00Z`,
  versioncreated,
  language: 'en',
  headline,
  byline: 'APP',
  body_html: `<p>ISLAMABAD: ${headline}, officials said on the day, after talks that ran through the week.</p><p>Further details were expected later.</p>`,
});
/** Two items, each object on its own lines: the second starts at the line the report must name. */
const feedText = `${JSON.stringify({ items: [story(4, GOOD_HEADLINE, '2026-11-24T07:00:00Z'), story(5, BAD_HEADLINE, '9999-12-31T23:59:59Z')] }, null, 2)}\n`;
const badItemLine = feedText.split('\n').findIndex((l) => l.includes('"urn:app:2026:feed-5"'));

/** The repository's demo content (stories, agency formats, a picture) and the feed. */
function fixtureFiles(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(join(repoRoot, 'content', dir), { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(rel, `${rel}/`);
      else files[rel] = readFileSync(join(repoRoot, 'content', rel));
    }
  };
  walk('', '');
  files[FEED] = feedText;
  return files;
}

let site: BuiltSite;
let records: ArticleRecord[];

beforeAll(() => {
  site = buildSite(NAME, { files: fixtureFiles(), env: { DATELINE_NOW: E2E_NOW } });
  records = archiveRecords(site.dir);
}, 600_000);

describe('the article schema at ingest', () => {
  it('accepts every record of a real build (pictures, social images, every agency format)', () => {
    // every published story has its record, and every record matches
    expect(records.length).toBe(site.report.counts.published);
    expect(records.length).toBeGreaterThan(10);
    for (const record of records) expect(checkArticle(record), record.file).toBeUndefined();
    // the nested schemas are exercised: photos with their files, a drawn social image, quotes, bylines
    expect(records.some((r) => r.photos?.length && r.photos[0]!.files.length > 1)).toBe(true);
    expect(records.some((r) => r.image.key)).toBe(true);
    expect(records.some((r) => r.quotes.length)).toBe(true);
    expect(new Set(records.map((r) => r.format)).size).toBeGreaterThan(3);
    // nothing but the feed's second item was rejected by the schema
    const byArchive = JSON.stringify(site.report).match(/its article record is invalid/g) ?? [];
    expect(byArchive).toHaveLength(1);
  });

  it('rejects a record that breaks it at its file and line; the build goes on without the story', () => {
    const entry = site.report.files.find((f) => f.file === FEED) as ReportEntry;
    // a file of several items takes its first status (published), and each item has its own
    expect(entry.items).toHaveLength(2);
    const [good, bad] = entry.items!;
    expect(good).toMatchObject({ status: 'published', line: 3 });
    expect(bad).toMatchObject({ status: 'rejected', line: badItemLine });
    expect(bad!.message).toBe(
      'not published, its article record is invalid: modified: expected an ISO 8601 date-time with an offset, got "+010000-01-01T04:59:59+05:00"',
    );
    // the build's own list of rejected files names it at that line
    expect(site.output).toContain(`${FEED}:${badItemLine}`);
    // the other story of the file, and the rest of the site, are published
    expect(site.exists(`${new URL(good!.url!).pathname.slice(1)}index.html`)).toBe(true);
    expect(site.read('index.html')).toContain(GOOD_HEADLINE);
    expect(site.read('index.html')).not.toContain(BAD_HEADLINE);
    expect(records.some((r) => r.headline === BAD_HEADLINE)).toBe(false);
    expect(site.report.counts.rejected).toBe(1);
  });

  it('strict mode refuses the publish for it, as for any rejected item', () => {
    const home = site.read('index.html');
    const run = spawnSync(process.execPath, [join(repoRoot, 'integrations/dateline/cli/build.ts')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: siteEnv(NAME, { env: { DATELINE_NOW: E2E_NOW, DATELINE_STRICT: '1' } }),
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(1);
    expect(output).toContain(`${FEED}:${badItemLine}: not published, its article record is invalid: modified:`);
    expect(output).toMatch(/strict mode: 1 wire file\(s\) rejected, nothing published/);
    expect(site.read('index.html')).toBe(home);
    expect(JSON.parse(readFileSync(join(outputDir(NAME), 'report.json'), 'utf8')).strict).toMatchObject({ published: false, rejectedFiles: 1 });
  }, 600_000);
});

describe('checkArticle messages', () => {
  const valid = () => structuredClone(records.find((r) => r.photos?.length) ?? records[0]!) as Record<string, unknown> & ArticleRecord;

  it('name the field path and the problem', () => {
    const cases: [(r: ReturnType<typeof valid>) => void, string][] = [
      [(r) => delete (r as Partial<ArticleRecord>).headline, 'headline: expected a string, got nothing'],
      [
        (r) => (r.headline = '\u200b \u2060'),
        'headline: expected text with something to read (it is empty, or only spaces and invisible characters), got "\u200b \u2060"',
      ],
      [(r) => (r.published = '2026-11-24 10:00'), 'published: expected an ISO 8601 date-time with an offset, got "2026-11-24 10:00"'],
      [(r) => (r.timestamp = Number.NaN), 'timestamp: expected a number, got NaN'],
      [(r) => (r.language = 'en_US'), 'language: expected a BCP 47 language tag, got "en_US"'],
      [(r) => (r.photos![0]!.files[0]!.width = 0), 'photos[0].files[0].width: expected more than 0, got 0'],
      [(r) => (r.photos![0]!.role = 'hero' as 'lead'), 'photos[0].role: expected "lead" or "inline", got "hero"'],
      [(r) => (r.image = { ...r.image, type: 'image/gif' as 'image/png' }), 'image.type: expected "image/png" or "image/jpeg", got "image/gif"'],
      [(r) => (r.pictureEmbargoes = ['2026-11-24T10:00:00+05:00']), '(record): unexpected field pictureEmbargoes'],
      [(r) => (r.path = '/world/2026/11/24/x'), 'path: expected a site path without a leading slash, ending in a slash, got "/world/2026/11/24/x"'],
    ];
    expect(checkArticle(valid())).toBeUndefined();
    for (const [breakIt, message] of cases) {
      const record = valid();
      breakIt(record);
      expect(checkArticle(record)).toBe(message);
    }
    // several problems at once are all named
    const record = valid();
    delete (record as Partial<ArticleRecord>).id;
    record.byline = [{ name: '', kind: 'agency' }];
    expect(checkArticle(record)).toBe(
      'id: expected a string, got nothing; byline[0].name: expected text with something to read (it is empty, or only spaces and invisible characters), got ""',
    );
  });

  it('is cheap: 10,000 records of the build, µs per record', () => {
    const sample = Array.from({ length: 10_000 }, (_, i) => records[i % records.length]!);
    // the best of five runs of 10,000 (the machine is shared: one run can be slowed several times over)
    const runs: number[] = [];
    let failed = 0;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      for (const r of sample) if (checkArticle(r) !== undefined) failed++;
      runs.push(((performance.now() - start) * 1000) / sample.length);
    }
    runs.sort((a, b) => a - b);
    const bytes = Math.round(JSON.stringify(records).length / records.length);
    console.log(
      `article schema: ${runs[0]!.toFixed(1)} µs per record (best of 5 runs of 10,000; median ${runs[2]!.toFixed(1)} µs), ${records.length} distinct records of ${bytes} bytes of JSON on average`,
    );
    expect(failed).toBe(0);
    // generous: 6–11 µs in plain Node on a loaded 2-core machine (about what putArticle's JSON.stringify
    // costs), 18 µs under vitest's module runner
    expect(runs[0]).toBeLessThan(100);
  });
});
