// Smoke run of the benchmark through the same code path as `npm run bench`: 200 generated articles,
// one run, no social images, with the mixed-format cold build (`--mixed`) and the photo set (`--photos`,
// with 800×600 pictures to stay fast, and without bench/picture-cost.ts). Every scenario runs: Hugo,
// Dateline cold, mixed cold, the full build with nothing changed, the photo set's cold builds with and
// without pictures, `npm run publish` (scanned and named files), an archive edit, the resident `--watch`
// publisher (text files, then new stories with new pictures) and the decompression bomb. Checks the
// figures are sane and the builds did what they say, not that targets are met (that is `npm run bench`
// on a quiet machine).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const ARTICLES = 200;

interface Figures {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  pages: number;
  pagesPerSecond: number;
  exitCode: number;
  report?: Record<string, number>;
  compileSeconds?: number;
  publisherSeconds?: number;
  runs: { pictures?: { made: number; reused: number; refused: number; ms: number } }[];
}
type Scenario =
  | 'hugo'
  | 'datelineCold'
  | 'datelineColdMixed'
  | 'datelineWarm'
  | 'datelinePublish'
  | 'datelinePublishNamed'
  | 'datelinePublishArchiveEdit'
  | 'datelineColdPhotos'
  | 'datelineColdPhotosNone';
interface Ratios {
  wall: number;
  cpu: number;
  peakMemory: number;
}

describe('bench smoke (200 articles, Hugo vs Dateline, mixed formats, photos, publishing)', () => {
  let scratch: string;
  let out: { status: number | null; stdout: string; stderr: string };
  let json: {
    meta: { articles: number[]; images: boolean; mixed: boolean; photos: boolean; photoLatency: boolean; runs: number };
    sizes: {
      articles: number;
      generation: {
        files: number;
        mixed?: { files: number; formats: Record<string, number> };
        photos?: { files: number; pictures: number; formats: Record<string, number>; width: number; height: number };
      };
      changes: { added: string[]; updated: string[]; archiveEdited: string[] };
      results: Partial<Record<Scenario | 'datelineImages', Figures>>;
      ratios: Record<string, Ratios>;
      resident?: { latencySeconds: number; latencies: number[]; startSeconds: number; rssBytes: number; peakRssBytes: number };
      photoSet?: {
        ratio: Ratios;
        ratioWithoutCompile: number;
        pictures: number;
        picturesPerSecond: number;
        cpuSecondsPerPicture: number;
        peakRssExtraBytes: number;
      };
      photoLatency?: {
        latencySeconds: number;
        latencies: number[];
        stories: { file: string; url?: string; figure: boolean; photoFiles: number; listCards: string[]; feedItem: boolean }[];
      };
    }[];
    bomb?: { refused: boolean; processSeconds: number[]; maxProcessSeconds: number; poolSeconds: number[] };
    targets: { name: string; articles: number; value?: number; limit: number; unit: string; pass?: boolean }[];
    failures: string[];
  };
  const size = () => json.sizes[0]!;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'dateline-bench-smoke-'));
    const jsonPath = join(scratch, 'out.json');
    const r = spawnSync(
      process.execPath,
      [
        'bench/run.ts',
        '--articles',
        String(ARTICLES),
        '--runs',
        '1',
        '--no-images',
        '--mixed',
        '--photos',
        '--photo-size',
        '800x600',
        '--no-picture-cost',
        '--json',
        jsonPath,
        '--work',
        join(scratch, 'work'),
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 570_000 },
    );
    out = { status: r.status, stdout: r.stdout, stderr: r.stderr };
    try {
      json = JSON.parse(readFileSync(jsonPath, 'utf8'));
    } catch {
      // asserted below with the run's output
    }
  }, 600_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs to the end and writes the JSON', () => {
    expect(json, `bench output:\n${out.stdout}\n${out.stderr}`).toBeDefined();
    expect(json.failures, out.stdout).toEqual([]);
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(json.meta).toMatchObject({ articles: [ARTICLES], images: false, mixed: true, photos: true, photoLatency: true, runs: 1 });
    expect(json.sizes.map((s) => s.articles)).toEqual([ARTICLES]);
  });

  it('measures a Hugo build of every article', () => {
    const h = size().results.hugo!;
    expect(h.exitCode).toBe(0);
    expect(h.pages).toBeGreaterThan(ARTICLES);
    expect(h.wallSeconds).toBeGreaterThan(0);
    expect(h.cpuSeconds).toBeGreaterThan(0);
    expect(h.peakRssBytes).toBeGreaterThan(0);
  });

  it.each([
    'datelineCold',
    'datelineColdMixed',
    'datelineWarm',
    'datelinePublish',
    'datelinePublishNamed',
    'datelinePublishArchiveEdit',
    'datelineColdPhotos',
    'datelineColdPhotosNone',
  ] as const)('measures %s with sane figures and a ratio to Hugo', (k) => {
    const d = size().results[k];
    expect(d, `no ${k} figures:\n${out.stdout}`).toBeDefined();
    expect(d!.exitCode).toBe(0);
    expect(d!.runs).toHaveLength(1);
    expect(d!.pages).toBeGreaterThanOrEqual(ARTICLES);
    expect(d!.wallSeconds).toBeGreaterThan(0);
    expect(d!.cpuSeconds).toBeGreaterThan(0);
    expect(d!.peakRssBytes).toBeGreaterThan(0);
    const ratio = size().ratios[k];
    expect(Number.isFinite(ratio?.wall) && ratio!.wall > 0, JSON.stringify(size().ratios)).toBe(true);
  });

  it('reports the theme compile of the cold build apart, and the publisher’s own time within the wall time', () => {
    const cold = size().results.datelineCold!;
    expect(cold.compileSeconds).toBeGreaterThan(0);
    expect(cold.compileSeconds!).toBeLessThan(cold.wallSeconds);
    expect(size().ratios.datelineColdWithoutCompile!.wall).toBeLessThan(size().ratios.datelineCold!.wall);
    for (const k of ['datelinePublish', 'datelinePublishNamed', 'datelinePublishArchiveEdit'] as const) {
      const p = size().results[k]!;
      expect(p.publisherSeconds, k).toBeGreaterThan(0);
      expect(p.publisherSeconds!, k).toBeLessThan(p.wallSeconds);
    }
  });

  it('builds the generated set with nothing rejected, and each publish sees its new story', () => {
    const r = size().results;
    expect(r.datelineCold!.report).toMatchObject({ total: ARTICLES, published: ARTICLES, rejected: 0 });
    expect(r.datelineWarm!.report).toMatchObject({ total: ARTICLES, published: ARTICLES, rejected: 0 });
    // one new story per publish; the updated ones are re-filed in place
    expect(r.datelinePublish!.report).toMatchObject({ total: ARTICLES + 1, published: ARTICLES + 1, rejected: 0 });
    expect(r.datelinePublishNamed!.report).toMatchObject({ total: ARTICLES + 2, published: ARTICLES + 2, rejected: 0 });
    expect(r.datelinePublishArchiveEdit!.report).toMatchObject({ total: ARTICLES + 2, published: ARTICLES + 2 });
    expect(r.datelinePublish!.pages).toBeGreaterThan(r.datelineWarm!.pages);
    expect(size().changes.added).toHaveLength(3); // scanned, named, and the resident publisher's
    expect(size().changes.archiveEdited).toHaveLength(1);
    // the report of the last publish (the resident publisher's): every story added is live at its URL
    const report = JSON.parse(readFileSync(join(scratch, 'work', 'dateline-report.json'), 'utf8')) as {
      files: { file: string; status: string; url?: string }[];
    };
    for (const file of size().changes.added) {
      const entry = report.files.find((f) => f.file === file);
      expect(entry, file).toMatchObject({ status: 'published' });
      const page = join(scratch, 'work', 'dateline-out', new URL(entry!.url!).pathname, 'index.html');
      expect(readFileSync(page, 'utf8'), page).toContain('"@type":"NewsArticle"');
    }
  });

  it('measures the resident publisher: a file renamed in is live, with its memory', () => {
    const resident = size().resident;
    expect(resident, out.stdout).toBeDefined();
    expect(resident!.latencies).toHaveLength(1);
    expect(resident!.latencySeconds).toBeGreaterThan(0);
    expect(resident!.startSeconds).toBeGreaterThan(0);
    expect(resident!.rssBytes).toBeGreaterThan(0);
    expect(resident!.peakRssBytes).toBeGreaterThanOrEqual(resident!.rssBytes);
    expect(Number.isFinite(size().ratios.resident?.wall)).toBe(true);
  });

  it('builds the mixed set (a quarter each of text, NewsML-G2, ninjs, teletype) with every file published', () => {
    expect(size().generation.mixed).toMatchObject({ files: ARTICLES, formats: { text: 50, 'newsml-g2': 50, ninjs: 50, anpa1312: 25, iptc7901: 25 } });
    expect(size().results.datelineColdMixed!.report).toMatchObject({ total: ARTICLES, published: ARTICLES, rejected: 0 });
    const toText = size().ratios.datelineColdMixedToText!;
    for (const r of [toText.wall, toText.cpu, toText.peakMemory]) expect(Number.isFinite(r) && r > 0).toBe(true);
  });

  it('builds the photo set (30 % ninjs items with a picture each) against the same stories without pictures', () => {
    expect(size().generation.photos).toMatchObject({ files: ARTICLES, pictures: 60, formats: { text: 140, ninjs: 60 }, width: 800, height: 600 });
    const r = size().results;
    for (const k of ['datelineColdPhotos', 'datelineColdPhotosNone'] as const)
      expect(r[k]!.report, k).toMatchObject({ total: ARTICLES, published: ARTICLES, rejected: 0 });
    expect(r.datelineColdPhotos!.runs[0]!.pictures).toMatchObject({ made: 60, reused: 0, refused: 0 });
    expect(r.datelineColdPhotosNone!.runs[0]!.pictures).toBeUndefined();
    const p = size().photoSet!;
    expect(p.pictures).toBe(60);
    for (const x of [p.ratio.wall, p.ratio.cpu, p.ratio.peakMemory, p.ratioWithoutCompile]) expect(Number.isFinite(x) && x > 0).toBe(true);
    expect(p.picturesPerSecond).toBeGreaterThan(0);
    expect(p.cpuSecondsPerPicture).toBeGreaterThan(0);
  });

  it('publishes new stories with new pictures through --watch: page with <figure>, list card, feed item', () => {
    const p = size().photoLatency!;
    expect(p, out.stdout).toBeDefined();
    expect(p.latencies).toHaveLength(3);
    for (const x of p.latencies) expect(x).toBeGreaterThan(0);
    for (const c of p.stories) {
      expect(c.url, c.file).toBeDefined();
      expect(c).toMatchObject({ figure: true, feedItem: true });
      expect(c.photoFiles).toBeGreaterThan(0);
      expect(c.listCards).toContain('home');
    }
  });

  it('times the refusal of the decompression bomb', () => {
    expect(json.bomb).toMatchObject({ refused: true });
    expect(json.bomb!.processSeconds.length).toBeGreaterThan(0);
    expect(json.bomb!.maxProcessSeconds).toBeGreaterThan(0);
  });

  it('states the issue targets that apply to one size, each with its figure', () => {
    expect(json.targets.map((t) => [t.name, t.limit])).toEqual([
      ['cold full build, no images ≤ 2× Hugo', 2],
      ['cold full build, no images: never worse than today (4.27×)', 4.27],
      ['mixed-format cold ≤ 1.2× text-only cold', 1.2],
      ['photo set: cold peak memory ≤ without pictures + 1 GB', 1024 ** 3],
      ['--watch, new story + new 0.5 MP picture → published ≤ 1 s', 1],
      ['20000×20000 PNG (bomb) refused < 50 ms', 0.05],
    ]);
    for (const t of json.targets) {
      expect(t.articles).toBe(t.name.includes('bomb') ? 0 : ARTICLES);
      expect(Number.isFinite(t.value)).toBe(true);
      expect(t.pass).toBe(t.value! <= t.limit);
    }
  });
});
