// Archive-scale benchmark: Dateline against an equivalent Hugo site, on the same machine, in one run.
//
//   npm run bench -- --articles 10000 --runs 3 --json out.json
//   npm run bench -- --articles 10000,50000,100000 --runs 3 --no-images --json out.json
//
// For each archive size N (sizes in one run are compared with each other for the flatness target):
// 1. generate N wire articles into <work>/content (deterministic, bench/generate.ts) and convert them to
//    Hugo content (bench/wire-to-hugo.ts; timed separately, not part of Hugo's figure);
// 2. each run: (a) Hugo full build, (b) Dateline cold full build (`npm run build`, no images, fresh cache,
//    output and compiled theme), [(c) --mixed: the same articles in mixed formats, cold], (d) Dateline
//    full build again with nothing changed;
// 3. with images: one full build that draws every article's social image (the warm-up of a site with
//    images; its time is reported, not judged);
// 4. each run, with warm caches: one new story (filed in the newest month) and one update of a story of
//    the last hours, published by `npm run publish` (the folder scanned), by `npm run publish -- <files>`
//    (an ingest names what it wrote), and the edit of a story a year old (its search shard is re-indexed);
// 5. the resident publisher (`npm run publish -- --watch`): started once, then for each run a new story
//    and an update renamed into the content folder, timed until it says they are live; its memory;
//    with --photos or --photo-latency, then new ninjs stories each with a new 24-MP picture.
// With --photos (bench/photos.ts): each run, the cold build of a set whose stories carry 24-MP pictures
// (30 %) against the cold build of the same stories without them; once, bench/picture-cost.ts (the cost of
// one picture against one resize) and the refusal of a decompression bomb.
// See bench/README.md for what each figure means and the targets.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { articleFor, BENCH_NOW, generateArticles, LAST_MINUTE_PUBLISHED, type GenerateResult } from './generate.ts';
import { measure, type Measurement } from './measure.ts';
import { buildNotes, imageCounts } from './parse-output.ts';
import {
  generatePhotoSets,
  measureBomb,
  newPhotoStory,
  sameSectionIndices,
  parsePhotoSize,
  parsePictureCost,
  photoSource,
  PHOTO_FOLDER,
  PHOTO_SHARE,
  type BombResult,
  type PhotoSetResult,
  type PictureCostRow,
} from './photos.ts';
import { measureResident, type ResidentChange, type ResidentResult } from './resident.ts';
import { convertToHugo } from './wire-to-hugo.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HUGO = process.env.HUGO_BIN ?? 'hugo';
const SITE_URL = 'https://bench.example.com/';

/** The issue's targets, as ratios to Hugo's full build of the same run, or absolute ceilings. */
const TARGETS = {
  coldNoImagesWallRatio: 2,
  /** Today's cold build (issue 13's table: 59.8 s, 4.27× Hugo at 10,000): never worse. */
  coldTodayWallRatio: 4.27,
  /** Publish one new + one updated story, by archive size (the issue states 10,000 and 100,000). */
  publishWallRatio: new Map([
    [10_000, 0.08],
    [100_000, 0.01],
  ]),
  /** The 100,000 publish ≤ 1.3 × the 10,000 publish. */
  flatRatio: 1.3,
  coldPeakMemoryBytesAt100k: 4 * 1024 ** 3,
  residentMemoryBytesAt100k: 1024 ** 3,
  /** The mixed-format cold build ≤ limit × the text-only cold build of the same run (issue 12). */
  mixedColdToTextWallRatio: 1.2,
  /** Photo set: the cold build's peak memory with pictures ≤ this much above the same stories without. */
  photoPeakMemoryExtraBytes: 1024 ** 3,
  /** One picture's outputs (processPhoto) ≤ this × one plain resize of the same source to a 1200 px JPEG. */
  pictureCostToResize: 5,
  /** `--watch`: a new story with a new 24-MP picture live (page, list card, feed item) within this, s. */
  photoLatencySeconds: 1,
  /** A 20000×20000 PNG refused within this, s. */
  bombSeconds: 0.05,
};

type Scenario =
  | 'hugo'
  | 'datelineCold'
  | 'datelineColdMixed'
  | 'datelineWarm'
  | 'datelineImages'
  | 'datelinePublish'
  | 'datelinePublishNamed'
  | 'datelinePublishArchiveEdit'
  | 'datelineColdPhotos'
  | 'datelineColdPhotosNone';
const LABELS: Record<Scenario, string> = {
  hugo: 'Hugo full build',
  datelineCold: 'Dateline cold (no images)',
  datelineColdMixed: 'Dateline cold, mixed formats',
  datelineWarm: 'Dateline full build, nothing changed',
  datelineImages: 'Dateline full build drawing every image',
  datelinePublish: 'npm run publish: 1 new + 1 updated',
  datelinePublishNamed: 'npm run publish -- files: same',
  datelinePublishArchiveEdit: 'npm run publish -- file: archive edit',
  datelineColdPhotos: 'Dateline cold, photo set (30% with a picture)',
  datelineColdPhotosNone: 'Dateline cold, photo set without pictures',
};

interface Sample {
  wallSeconds: number;
  cpuSeconds: number;
  userSeconds: number;
  sysSeconds: number;
  peakRssBytes: number;
  maxProcessRssBytes?: number;
  pages: number;
  pagesPerSecond: number;
  imagesRendered: number | 'n/a';
  imagesReused: number | 'n/a';
  exitCode: number;
  /** Build report status counts (Dateline). */
  report?: Record<string, number>;
  /** Dateline's own summary lines from the build output. */
  notes?: string[];
  /** Seconds the build spent compiling the theme (Dateline cold), from its output. */
  compileSeconds?: number;
  /** The publisher's own time for its work (from "… in X s"), without process start and npm. */
  publisherSeconds?: number;
  /** 1-minute load average just before the build started (a busy machine shows here). */
  loadBefore: number;
  /** Wire pictures, from the build's "pictures: N made, N from the cache, N refused (T ms)" line. */
  pictures?: { made: number; reused: number; refused: number; ms: number };
}

interface Summary extends Sample {
  runs: Sample[];
}

interface SizeResult {
  articles: number;
  generation: {
    seconds: number;
    files: number;
    bytes: number;
    mixed?: { seconds: number; files: number; bytes: number; formats: GenerateResult['formats'] };
    photos?: NonNullable<SizeResult['photoSet']>['generation'];
  };
  hugoConversion: { seconds: number };
  changes: { added: string[]; updated: string[]; archiveEdited: string[]; photoStories?: string[] };
  results: Partial<Record<Scenario, Summary>>;
  ratios: Partial<Record<Exclude<Scenario, 'hugo'> | 'datelineColdMixedToText' | 'datelineColdWithoutCompile' | 'resident', Ratios>>;
  resident?: {
    latencySeconds: number;
    latencies: number[];
    startSeconds: number;
    rssBytes: number;
    peakRssBytes: number;
  };
  /** --photos: the photo set's cold build against the same stories without pictures. */
  photoSet?: {
    generation: PhotoSetResult & { seconds: number; sourceBytes: number; width: number; height: number };
    /** Per-run ratios with ÷ without (wall, CPU, peak memory), median; wall also without the theme compile. */
    ratio: Ratios;
    ratioWithoutCompile: number;
    /** Pictures made in the build with pictures (median of the runs). */
    pictures: number;
    /** Extra seconds of the build with pictures (wall without the theme compile; CPU), median of the per-run differences. */
    extraWallSeconds: number;
    extraCpuSeconds: number;
    /** pictures ÷ extra wall seconds; extra CPU seconds per picture. */
    picturesPerSecond: number;
    cpuSecondsPerPicture: number;
    /** Peak memory of the build with pictures minus without (median of the per-run differences). */
    peakRssExtraBytes: number;
    /** Which build went first, per run. */
    order: string[];
  };
  /** --photos / --photo-latency: the resident publisher, new story with a new picture → published. */
  photoLatency?: {
    latencySeconds: number;
    latencies: number[];
    maxSeconds: number;
    pictureBytes: number;
    width: number;
    height: number;
    stories: PhotoStoryCheck[];
    /** The picture files the publisher listed as rejected wire files in its report. */
    picturesReportedRejected: string[];
    /** The publisher's "published … changed file(s): … in X s (content …, images …)" line(s) of each story. */
    publisherLines: string[];
    /** CPU seconds of the publisher (all threads) per story, and their median: the latency's cost without other programs' load. */
    cpuSeconds: number[];
    medianCpuSeconds: number;
    /** The publisher's memory after the photo stories (resident set, high-water mark). */
    rssBytes: number;
    peakRssBytes: number;
  };
}

/** What a new story with a picture looks like in the output after the resident publisher said it published. */
interface PhotoStoryCheck {
  file: string;
  picture: string;
  url?: string;
  latencySeconds: number;
  /** The page has the lead photo's <figure> with its files under photos/<key>/. */
  figure: boolean;
  key?: string;
  /** Derived files of the picture in the output folder. */
  photoFiles: number;
  /** og:image of the page, and whether it is the photo's card (photos/<key>/card.jpg). */
  ogImage?: string;
  ogCard: boolean;
  /** List pages showing the story with the photo's thumbnail (home, section). */
  listCards: string[];
  /** rss.xml has the story with the photo (media:content). */
  feedItem: boolean;
}

type Ratios = { wall: number; cpu: number; peakMemory: number };

function usage(): never {
  console.log(`usage: npm run bench -- [--articles N[,N…]] [--runs K] [--no-images] [--json FILE] [--seed S]
    [--work DIR] [--only hugo|dateline] [--project DIR] [--hugo-plain] [--mixed] [--photos] [--photo-latency]
    [--picture-cost] [--no-picture-cost] [--photo-size WxH] [--no-warm] [--verbose]
  --articles N   wire articles to generate (default 1000); several sizes: 10000,50000,100000
  --runs K       repeat each measurement K times, report the median (default 1)
  --no-images    no social images: the publish measurements run on a site without them
  --json FILE    write every figure as JSON
  --seed S       generator seed (default 1)
  --work DIR     scratch folder (default bench/.work, gitignored)
  --only X       measure only Hugo or only Dateline
  --project DIR  Dateline project to build (default: $BENCH_PROJECT, else this checkout)
  --hugo-plain   Hugo builds no agency pages or day archives (only articles, sections, home, feeds)
  --mixed        also a Dateline cold build of the same articles in mixed formats (a quarter each of
                 wire text, NewsML-G2, ninjs, ANPA 1312/IPTC 7901), judged against the text-only cold
  --photos       the photo set: each run a cold build of the articles with 30 % as ninjs 2.x items carrying
                 a 24-MP JPEG, and of the same stories without the pictures; implies --photo-latency and
                 --picture-cost (with the bomb)
  --photo-latency  the resident publisher also publishes new ninjs stories, each with a new picture
  --picture-cost run bench/picture-cost.ts (one picture ÷ one resize) and time the refusal of a 400-MP PNG
  --no-picture-cost  leave bench/picture-cost.ts out of --photos (the bomb is still timed)
  --photo-size WxH  pixel size of the generated pictures (default 6000x4000; smaller only for tests)
  --no-warm      leave out the full build with nothing changed (saves minutes at 100,000 when only the
                 publishes are wanted)
  --verbose      echo the builds' output`);
  process.exit(0);
}

// ---------------------------------------------------------------- helpers

/**
 * HTML pages in an output folder. Hugo's `…/page/1/index.html` redirect stubs (one per paginated list,
 * written even with disableAliases) are not pages and are left out.
 */
function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    n++;
  }
  return n;
}

/**
 * Before each measured build: write back dirty pages (`sync`), so a build does not pay for the previous
 * build's (or folder removal's) writes.
 */
function settle(): void {
  try {
    execFileSync('sync', { stdio: 'ignore' });
  } catch {
    // not available: measure as is
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function reportCounts(report: unknown): Record<string, number> | undefined {
  const counts = (report as { counts?: Record<string, number> } | undefined)?.counts;
  return counts && typeof counts === 'object' ? counts : undefined;
}

function tail(text: string, lines = 25): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

const fmtS = (s: number) => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s.toFixed(2));
const fmtMB = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MB`;
const fmtRatio = (r: number) => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toFixed(4)}×` : 'n/a');

function sampleOf(m: Measurement, outDir: string, report: unknown, loadBefore: number): Sample {
  const pages = countHtml(outDir);
  const output = `${m.stdout}\n${m.stderr}`;
  const pictures = /pictures: (\d+) made, (\d+) from the cache, (\d+) refused \((\d+) ms\)/.exec(output);
  const img = imageCounts(output, report);
  const compiled = /theme compiled in ([\d.]+) s/.exec(output);
  const own = /file\(s\) written, \d+ removed, \d+ unchanged in ([\d.]+) s/.exec(output);
  return {
    wallSeconds: m.wallSeconds,
    cpuSeconds: m.cpuSeconds,
    userSeconds: m.userSeconds,
    sysSeconds: m.sysSeconds,
    peakRssBytes: m.peakRssBytes,
    maxProcessRssBytes: m.maxProcessRssBytes,
    pages,
    pagesPerSecond: m.wallSeconds > 0 ? pages / m.wallSeconds : 0,
    imagesRendered: img.rendered,
    imagesReused: img.reused,
    exitCode: m.exitCode,
    report: reportCounts(report),
    notes: buildNotes(output),
    ...(compiled ? { compileSeconds: Number(compiled[1]) } : {}),
    ...(own ? { publisherSeconds: Number(own[1]) } : {}),
    loadBefore,
    ...(pictures ? { pictures: { made: Number(pictures[1]), reused: Number(pictures[2]), refused: Number(pictures[3]), ms: Number(pictures[4]) } } : {}),
  };
}

/** The "updated story": one sentence added to its first body paragraph (after the Published line). */
function editBody(text: string, sentence: string): string {
  const lines = text.split('\n');
  const pub = lines.findIndex((l) => /(^|\s)Published \d{1,2} [A-Za-z]{3}, \d{4}/.test(l));
  let k = pub + 1;
  while (k < lines.length && !lines[k]!.trim()) k++;
  if (pub < 0 || k >= lines.length) return `${text}\n${sentence}\n`;
  lines[k] = `${lines[k]} ${sentence}`;
  return lines.join('\n');
}

type ReportFile = { file: string; status: string; url?: string };
const reportFiles = (path: string) => (readJson(path) as { files?: ReportFile[] } | undefined)?.files ?? [];

/** The picture files under photos/ that a report lists as rejected wire files. */
function photoReportRejected(reportPath: string): string[] {
  return reportFiles(reportPath)
    .filter((f) => f.status === 'rejected' && f.file.startsWith(`${PHOTO_FOLDER}/`))
    .map((f) => f.file);
}

/** A new story with a picture in the output: its page's figure and og:image, its list cards, its feed item. */
function checkPhotoStory(file: string, picture: string, latencySeconds: number, reportPath: string, outDir: string): PhotoStoryCheck {
  const check: PhotoStoryCheck = { file, picture, latencySeconds, figure: false, photoFiles: 0, ogCard: false, listCards: [], feedItem: false };
  const entry = reportFiles(reportPath).find((f) => f.file === file);
  if (entry?.status !== 'published' || !entry.url) return check;
  check.url = entry.url;
  const path = new URL(entry.url).pathname;
  const read = (p: string) => {
    try {
      return readFileSync(join(outDir, p), 'utf8');
    } catch {
      return '';
    }
  };
  const page = read(join(path, 'index.html'));
  const figure = /<figure class="photo[^"]*">[\s\S]*?<\/figure>/.exec(page)?.[0] ?? '';
  const key = /photos\/([0-9a-f]+)\//.exec(figure)?.[1];
  check.figure = !!key;
  if (!key) return check;
  check.key = key;
  try {
    check.photoFiles = readdirSync(join(outDir, PHOTO_FOLDER, key)).length;
  } catch {
    // none
  }
  check.ogImage = /<meta property="og:image" content="([^"]*)"/.exec(page)?.[1];
  check.ogCard = !!check.ogImage?.includes(`photos/${key}/card.jpg`);
  const section = path.split('/').filter(Boolean)[0];
  for (const [name, list] of [
    ['home', 'index.html'],
    ['section', `${section}/index.html`],
  ] as const) {
    const html = read(list);
    if (html.includes(path) && html.includes(`photos/${key}/t`)) check.listCards.push(name);
  }
  const feed = read('rss.xml');
  check.feedItem = feed.includes(path) && feed.includes(`photos/${key}/`);
  return check;
}

function gitCommit(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function summarize(xs: Sample[]): Summary {
  const med = (f: (s: Sample) => number) => median(xs.map(f));
  const medOrNa = (f: (s: Sample) => number | 'n/a') => (xs.every((s) => typeof f(s) === 'number') ? median(xs.map((s) => f(s) as number)) : 'n/a');
  const optional = (f: (s: Sample) => number | undefined) => (xs.every((s) => f(s) !== undefined) ? med((s) => f(s)!) : undefined);
  const compileSeconds = optional((s) => s.compileSeconds);
  const publisherSeconds = optional((s) => s.publisherSeconds);
  return {
    wallSeconds: med((s) => s.wallSeconds),
    cpuSeconds: med((s) => s.cpuSeconds),
    userSeconds: med((s) => s.userSeconds),
    sysSeconds: med((s) => s.sysSeconds),
    peakRssBytes: med((s) => s.peakRssBytes),
    maxProcessRssBytes: optional((s) => s.maxProcessRssBytes),
    pages: med((s) => s.pages),
    pagesPerSecond: med((s) => s.pagesPerSecond),
    imagesRendered: medOrNa((s) => s.imagesRendered),
    imagesReused: medOrNa((s) => s.imagesReused),
    exitCode: Math.max(...xs.map((s) => s.exitCode)),
    report: xs[xs.length - 1]!.report,
    notes: xs[xs.length - 1]!.notes,
    ...(compileSeconds !== undefined ? { compileSeconds } : {}),
    ...(publisherSeconds !== undefined ? { publisherSeconds } : {}),
    loadBefore: med((s) => s.loadBefore),
    runs: xs,
  };
}

/**
 * Median of each run's ratio to the base build of the same run (the machine's speed drifts over
 * minutes; a ratio of medians taken far apart would carry that drift). Runs are paired by index; a
 * scenario with more runs than the base is paired with the base's median.
 */
function pairedRatios(s: Summary, base: Summary, value: (x: Sample) => number = (x) => x.wallSeconds): Ratios {
  const paired = (f: (x: Sample) => number) => median(s.runs.map((x, i) => f(x) / f(base.runs[i] ?? base)));
  return { wall: paired(value), cpu: paired((x) => x.cpuSeconds), peakMemory: paired((x) => x.peakRssBytes) };
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '1' },
      'no-images': { type: 'boolean', default: false },
      json: { type: 'string' },
      seed: { type: 'string', default: '1' },
      work: { type: 'string', default: join(ROOT, 'bench', '.work') },
      only: { type: 'string' },
      project: { type: 'string', default: process.env.BENCH_PROJECT ?? ROOT },
      'hugo-plain': { type: 'boolean', default: false },
      mixed: { type: 'boolean', default: false },
      photos: { type: 'boolean', default: false },
      'photo-latency': { type: 'boolean', default: false },
      'picture-cost': { type: 'boolean', default: false },
      'no-picture-cost': { type: 'boolean', default: false },
      'photo-size': { type: 'string', default: '6000x4000' },
      'no-warm': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) usage();
  const sizes = values.articles!.split(',').map((x) => Number(x.trim()));
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !Number.isInteger(runs) || runs < 1) {
    console.error('--articles must be integers ≥ 2 (comma-separated) and --runs an integer ≥ 1');
    return 2;
  }
  const images = !values['no-images'];
  const work = resolve(values.work!);
  const project = resolve(values.project!);
  const doHugo = values.only !== 'dateline';
  const doDateline = values.only !== 'hugo';
  const doMixed = values.mixed && doDateline;
  const doPhotoSet = values.photos && doDateline;
  const doPhotoLatency = (values.photos || values['photo-latency']) && doDateline;
  const doPictureCost = (values.photos || values['picture-cost']) && !values['no-picture-cost'];
  const doBomb = values.photos || values['picture-cost'];
  const photoSize = parsePhotoSize(values['photo-size']!);
  if (!photoSize) {
    console.error('--photo-size must be WxH (e.g. 6000x4000)');
    return 2;
  }
  const photoLabel = `${photoSize.width}×${photoSize.height} (${((photoSize.width * photoSize.height) / 1e6).toFixed(photoSize.width * photoSize.height < 1e7 ? 1 : 0)} MP)`;
  mkdirSync(work, { recursive: true });

  let hugoVersion = 'n/a';
  if (doHugo) {
    try {
      hugoVersion = execFileSync(HUGO, ['version'], { encoding: 'utf8' }).trim();
    } catch {
      console.error(`hugo not found (${HUGO}); install it (apt-get install hugo) or set HUGO_BIN, or use --only dateline`);
      return 2;
    }
  }
  const log = (s: string) => console.log(s);
  log(`Dateline vs Hugo benchmark: ${sizes.join(', ')} articles, ${runs} run(s), social images ${images ? 'on' : 'off'} for the publish measurements`);
  log(
    `machine: ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), ${fmtMB(os.totalmem())} RAM, load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const failures: string[] = [];
  /** Findings that are not the bench's failures (a product behaviour worth a look), printed and in the JSON. */
  const warnings: string[] = [];
  const bySize: SizeResult[] = [];
  // The one picture every generated picture is a copy of (with its own comment segment).
  const photo = doPhotoSet || doPhotoLatency ? await photoSource(work, photoSize) : undefined;
  if (photo)
    log(
      `picture source: ${photoLabel} JPEG, ${(photo.bytes.length / 1e6).toFixed(2)} MB (${photo.path}${photo.seconds > 0.5 ? `, made in ${fmtS(photo.seconds)} s` : ''})`,
    );

  for (const n of sizes) {
    log('');
    log(`=== ${n.toLocaleString('en')} articles`);
    const dir = {
      content: join(work, 'content'),
      hugoSite: join(work, 'hugo-site'),
      hugoOut: join(work, 'hugo-out'),
      hugoCache: join(work, 'hugo-cache'),
      dlOut: join(work, 'dateline-out'),
      dlCache: join(work, 'dateline-cache'),
      dlRenderer: join(work, 'dateline-renderer'),
      dlReport: join(work, 'dateline-report.json'),
      dlChanges: join(work, 'dateline-changes.json'),
      mixedContent: join(work, 'content-mixed'),
      mixedOut: join(work, 'dateline-mixed-out'),
      mixedCache: join(work, 'dateline-mixed-cache'),
      mixedReport: join(work, 'dateline-mixed-report.json'),
      photoContent: join(work, 'content-photos'),
      photoOut: join(work, 'dateline-photos-out'),
      photoCache: join(work, 'dateline-photos-cache'),
      photoReport: join(work, 'dateline-photos-report.json'),
      noPhotoContent: join(work, 'content-photos-none'),
      noPhotoOut: join(work, 'dateline-photos-none-out'),
      noPhotoCache: join(work, 'dateline-photos-none-cache'),
      noPhotoReport: join(work, 'dateline-photos-none-report.json'),
      photoRenderer: join(work, 'dateline-photos-renderer'),
    };

    // 1. Generate.
    let t = performance.now();
    const gen = generateArticles(n, dir.content, seed);
    const generation: SizeResult['generation'] = { seconds: (performance.now() - t) / 1000, files: gen.files.length, bytes: gen.bytes };
    log(`generated ${gen.files.length} wire files (${(gen.bytes / 1e6).toFixed(1)} MB) in ${fmtS(generation.seconds)} s → ${dir.content}`);
    if (doMixed) {
      t = performance.now();
      const g = generateArticles(n, dir.mixedContent, seed, 'mixed');
      generation.mixed = { seconds: (performance.now() - t) / 1000, files: g.files.length, bytes: g.bytes, formats: g.formats };
      const by = Object.entries(g.formats)
        .map(([f, c]) => `${c} ${f}`)
        .join(', ');
      log(`generated the same ${g.files.length} articles in mixed formats (${by}; ${(g.bytes / 1e6).toFixed(1)} MB) → ${dir.mixedContent}`);
    } else {
      rmSync(dir.mixedContent, { recursive: true, force: true });
    }
    let photoGeneration: NonNullable<SizeResult['photoSet']>['generation'] | undefined;
    if (doPhotoSet) {
      t = performance.now();
      const g = generatePhotoSets(n, dir.photoContent, dir.noPhotoContent, seed, photo!.bytes, photoSize);
      photoGeneration = { ...g, seconds: (performance.now() - t) / 1000, sourceBytes: photo!.bytes.length, ...photoSize };
      log(
        `generated the photo set: ${g.formats.text} wire text + ${g.formats.ninjs} ninjs 2.x items, each with its own ${photoLabel} JPEG (${(g.pictureBytes / 1e9).toFixed(2)} GB of pictures) → ${dir.photoContent}; the same items without pictures → ${dir.noPhotoContent} (${fmtS(photoGeneration.seconds)} s)`,
      );
    } else {
      for (const d of [dir.photoContent, dir.noPhotoContent]) rmSync(d, { recursive: true, force: true });
    }
    let hugoConvertSeconds = 0;
    if (doHugo) {
      t = performance.now();
      const conv = convertToHugo(dir.content, dir.hugoSite);
      hugoConvertSeconds = (performance.now() - t) / 1000;
      log(
        `converted ${conv.converted} files to Hugo content in ${fmtS(hugoConvertSeconds)} s (not timed below)${conv.skipped.length ? `, ${conv.skipped.length} skipped` : ''}`,
      );
    }

    const samples: Record<Scenario, Sample[]> = {
      hugo: [],
      datelineCold: [],
      datelineColdMixed: [],
      datelineWarm: [],
      datelineImages: [],
      datelinePublish: [],
      datelinePublishNamed: [],
      datelinePublishArchiveEdit: [],
      datelineColdPhotos: [],
      datelineColdPhotosNone: [],
    };
    type Site = { content: string; out: string; cache: string; report: string; renderer?: string };
    const env = (site: Site, withImages: boolean): NodeJS.ProcessEnv => {
      const e: NodeJS.ProcessEnv = {
        ...process.env,
        DATELINE_CONTENT: site.content,
        DATELINE_OUT_DIR: site.out,
        DATELINE_CACHE_DIR: site.cache,
        DATELINE_REPORT: site.report,
        DATELINE_CHANGES: dir.dlChanges,
        DATELINE_RENDERER_DIR: site.renderer ?? dir.dlRenderer,
        DATELINE_NOW: BENCH_NOW,
        SITE_URL,
        ASTRO_TELEMETRY_DISABLED: '1',
      };
      if (withImages) delete e.DATELINE_OG_IMAGES;
      else e.DATELINE_OG_IMAGES = '0';
      return e;
    };
    const textSite = { content: dir.content, out: dir.dlOut, cache: dir.dlCache, report: dir.dlReport };
    const mixedSite = { content: dir.mixedContent, out: dir.mixedOut, cache: dir.mixedCache, report: dir.mixedReport };
    // the photo sets compile their theme into a folder of their own: the text site's stays as it is
    const photoSite = { content: dir.photoContent, out: dir.photoOut, cache: dir.photoCache, report: dir.photoReport, renderer: dir.photoRenderer };
    const noPhotoSite = { content: dir.noPhotoContent, out: dir.noPhotoOut, cache: dir.noPhotoCache, report: dir.noPhotoReport, renderer: dir.photoRenderer };

    const run = async (label: Scenario, r: number, args: string[], site: Site = textSite, withImages = false) => {
      rmSync(site.report, { force: true });
      settle();
      const load = os.loadavg()[0]!;
      const m = await measure('npm', ['run', ...args], { cwd: project, env: env(site, withImages), echo: values.verbose });
      const report = readJson(site.report);
      // A deploy takes the change list after every build (README "Deploying what changed"): the next
      // publish lists only its own changes, as on a publisher's machine.
      rmSync(dir.dlChanges, { force: true });
      const s = sampleOf(m, site.out, report, load);
      samples[label].push(s);
      const counts = s.report
        ? ` — ${Object.entries(s.report)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}`
        : ' — no report';
      const own = s.publisherSeconds !== undefined ? ` (publisher ${fmtS(s.publisherSeconds)} s)` : '';
      const compile = s.compileSeconds !== undefined ? ` (theme compiled in ${fmtS(s.compileSeconds)} s)` : '';
      const pics = s.pictures
        ? `; pictures ${s.pictures.made} made, ${s.pictures.reused} cached, ${s.pictures.refused} refused in ${fmtS(s.pictures.ms / 1000)} s`
        : '';
      log(
        `  ${LABELS[label]}, run ${r + 1}: ${fmtS(s.wallSeconds)} s wall${own}${compile}, ${fmtS(s.cpuSeconds)} s CPU, ${fmtMB(s.peakRssBytes)}, ${s.pages} pages${counts}${pics} (load before ${load.toFixed(2)})`,
      );
      if (values.verbose && s.notes?.length) log(`      ${s.notes.join(' · ')}`);
      if (m.exitCode !== 0) failures.push(`${n}: ${LABELS[label]} (npm run ${args.join(' ')}) exited ${m.exitCode}:\n${tail(m.stderr + m.stdout)}`);
      else if (s.report && (s.report.rejected ?? 0) > 0)
        failures.push(`${n}: ${LABELS[label]}: ${s.report.rejected} generated files rejected (see ${site.report})`);
      return m.exitCode === 0;
    };

    // 2. Hugo, cold, mixed, nothing changed (and the photo set): each run one Hugo build and the Dateline builds after it.
    let ok = true;
    const photoOrder: string[] = [];
    for (let r = 0; r < runs && ok; r++) {
      if (doHugo) {
        rmSync(dir.hugoOut, { recursive: true, force: true });
        rmSync(dir.hugoCache, { recursive: true, force: true });
        const config = ['hugo.toml', ...(values['hugo-plain'] ? [] : ['archives.toml'])].map((f) => join(dir.hugoSite, f)).join(',');
        settle();
        const load = os.loadavg()[0]!;
        const m = await measure(HUGO, ['--source', dir.hugoSite, '--config', config, '--destination', dir.hugoOut, '--cacheDir', dir.hugoCache], {
          echo: values.verbose,
        });
        const s = sampleOf(m, dir.hugoOut, undefined, load);
        delete s.notes;
        samples.hugo.push(s);
        log(
          `  hugo run ${r + 1}: ${fmtS(s.wallSeconds)} s wall, ${fmtS(s.cpuSeconds)} s CPU, ${fmtMB(s.peakRssBytes)}, ${s.pages} pages (load before ${load.toFixed(2)})`,
        );
        if (m.exitCode !== 0) failures.push(`hugo exited ${m.exitCode}:\n${tail(m.stderr + m.stdout)}`);
      }
      if (!doDateline) continue;
      // Cold: no archive, no caches, no output, and the theme compiled again.
      for (const p of [dir.dlOut, dir.dlCache, dir.dlRenderer]) rmSync(p, { recursive: true, force: true });
      const mixedCold = async () => {
        for (const p of [dir.mixedOut, dir.mixedCache, dir.dlRenderer]) rmSync(p, { recursive: true, force: true });
        return run('datelineColdMixed', r, ['build'], mixedSite);
      };
      // the two cold builds alternate their order run by run, so a steady drift favours neither
      const mixedFirst = doMixed && r % 2 === 1;
      if (mixedFirst) ok &&= await mixedCold();
      ok &&= await run('datelineCold', r, ['build']);
      if (doMixed && !mixedFirst) {
        ok &&= await mixedCold();
        rmSync(dir.dlRenderer, { recursive: true, force: true });
      }
      if (!values['no-warm']) ok &&= await run('datelineWarm', r, ['build']);
      if (doPhotoSet && ok) {
        // With and without pictures, each cold (output, cache with its picture cache, compiled theme);
        // the order alternates run by run, so a steady drift of the machine's speed favours neither.
        const photoCold = async (label: 'datelineColdPhotos' | 'datelineColdPhotosNone') => {
          const site = label === 'datelineColdPhotos' ? photoSite : noPhotoSite;
          for (const p of [site.out, site.cache, dir.photoRenderer]) rmSync(p, { recursive: true, force: true });
          const done = await run(label, r, ['build'], site);
          const made = samples[label].at(-1)?.pictures;
          const expected = label === 'datelineColdPhotos' ? photoGeneration!.pictures : 0;
          if (done && (made?.made ?? 0) + (made?.reused ?? 0) !== expected)
            failures.push(
              `${n}: ${LABELS[label]}: ${made ? `${made.made} pictures made, ${made.reused} from the cache, ${made.refused} refused` : 'no pictures line in its output'}, expected ${expected} made`,
            );
          return done;
        };
        const order: ('datelineColdPhotos' | 'datelineColdPhotosNone')[] =
          r % 2 === 0 ? ['datelineColdPhotosNone', 'datelineColdPhotos'] : ['datelineColdPhotos', 'datelineColdPhotosNone'];
        photoOrder.push(order[0] === 'datelineColdPhotos' ? 'with pictures first' : 'without pictures first');
        for (const label of order) ok &&= await photoCold(label);
      }
    }

    // 3–5. Publishing, warm: the site as a publisher's machine has it.
    const added: string[] = [];
    const updated: string[] = [];
    const archiveEdited: string[] = [];
    let resident: SizeResult['resident'];
    let photoLatency: SizeResult['photoLatency'];
    if (doDateline && ok) {
      if (images) ok &&= await run('datelineImages', 0, ['build'], textSite, true);
      // the stories of the newest day, newest first: the updates go to these
      const newest = [...gen.files].sort().reverse();
      let k = 0;
      const change = () => {
        const fresh = articleFor(seed, n + 1 + k, n + 1000, LAST_MINUTE_PUBLISHED - k * 60_000);
        const update = newest[k % 50]!;
        const text = editBody(readFileSync(join(dir.content, update), 'utf8'), `Officials gave new figures on the ${k + 1}${k ? 'th' : 'st'} update.`);
        k++;
        return { fresh, update, text };
      };
      const apply = (c: ReturnType<typeof change>) => {
        mkdirSync(dirname(join(dir.content, c.fresh.file)), { recursive: true });
        writeFileSync(join(dir.content, c.fresh.file), c.fresh.text);
        writeFileSync(join(dir.content, c.update), c.text);
        added.push(c.fresh.file);
        updated.push(c.update);
      };
      for (let r = 0; r < runs && ok; r++) {
        const c = change();
        apply(c);
        ok &&= await run('datelinePublish', r, ['publish'], textSite, images);
      }
      for (let r = 0; r < runs && ok; r++) {
        const c = change();
        apply(c);
        ok &&= await run('datelinePublishNamed', r, ['publish', '--', c.fresh.file, c.update], textSite, images);
      }
      // the edit of a story a year old: its page, lists and search shard (of up to searchShardSize stories)
      const yearOld = [...gen.files].sort().filter((f) => f.startsWith('2024/'));
      for (let r = 0; r < runs && ok; r++) {
        const file = yearOld[Math.floor(((r + 1) * yearOld.length) / (runs + 1))]!;
        writeFileSync(join(dir.content, file), editBody(readFileSync(join(dir.content, file), 'utf8'), 'A correction was added later.'));
        archiveEdited.push(file);
        ok &&= await run('datelinePublishArchiveEdit', r, ['publish', '--', file], textSite, images);
      }
      if (ok) {
        settle();
        const changes: ResidentChange[] = Array.from({ length: runs }, () => {
          const c = change();
          added.push(c.fresh.file);
          updated.push(c.update);
          return {
            files: [
              { file: c.fresh.file, text: c.fresh.text },
              { file: c.update, text: c.text },
            ],
          };
        });
        // Then (--photos, --photo-latency) new stories with new pictures, after the text changes and in the
        // same session: each a ninjs 2.x item whose picture is renamed into the content folder's photos/
        // first, then the item (filed a few seconds after the newest story, so it leads the home page).
        const photoStories = doPhotoLatency
          ? sameSectionIndices(seed, n + 500, n + 1000, Math.max(runs, 3)).map((i, j) =>
              newPhotoStory(seed, i, n + 1000, LAST_MINUTE_PUBLISHED + (j + 1) * 1000, photo!.bytes, photoSize, `${n}-${j}`),
            )
          : [];
        // the publisher counts the item (a wire file), not the picture
        for (const p of photoStories)
          changes.push({
            files: [
              { file: p.picture, text: p.bytes },
              { file: p.file, text: p.text },
            ],
            expect: 1,
          });
        if (photoStories.length) mkdirSync(join(dir.content, PHOTO_FOLDER), { recursive: true });
        try {
          const result: ResidentResult = await measureResident({ project, env: env(textSite, images), contentDir: dir.content, changes });
          const text = result.latencies.slice(0, runs);
          // the resident set of the text publishes, read before any picture was made
          const memory = photoStories.length ? result.memoryAfter[runs - 1]! : { rssBytes: result.rssBytes, peakRssBytes: result.peakRssBytes };
          resident = { latencySeconds: median(text), latencies: text, startSeconds: result.startSeconds, ...memory };
          log(
            `  npm run publish -- --watch: started in ${fmtS(result.startSeconds)} s; file renamed in → published: ${text.map((x) => `${fmtS(x)} s`).join(', ')}; resident ${fmtMB(memory.rssBytes)} (peak ${fmtMB(memory.peakRssBytes)})`,
          );
          if (photoStories.length) {
            const latencies = result.latencies.slice(runs);
            const stories = photoStories.map((p, j) => checkPhotoStory(p.file, p.picture, latencies[j]!, dir.dlReport, dir.dlOut));
            const rejected = photoReportRejected(dir.dlReport);
            photoLatency = {
              latencySeconds: median(latencies),
              latencies,
              maxSeconds: Math.max(...latencies),
              pictureBytes: photoStories[0]!.bytes.length,
              ...photoSize,
              stories,
              picturesReportedRejected: rejected,
              publisherLines: result.changeLogs.slice(runs).map((l) =>
                l
                  .split('\n')
                  .filter((x) => /published \d+ changed file/.test(x))
                  .map((x) => x.replace(/^.*?\[dateline\]\s*/, ''))
                  .join(' / '),
              ),
              rssBytes: result.rssBytes,
              peakRssBytes: result.peakRssBytes,
              cpuSeconds: result.cpuSeconds.slice(runs),
              medianCpuSeconds: median(result.cpuSeconds.slice(runs)),
            };
            log(
              `  --watch, new story + new ${photoLabel} picture → published: ${latencies.map((x) => `${fmtS(x)} s`).join(', ')} (publisher CPU ${photoLatency.cpuSeconds.map((x) => `${fmtS(x)} s`).join(', ')}); resident ${fmtMB(result.rssBytes)} (peak ${fmtMB(result.peakRssBytes)}); load ${os
                .loadavg()
                .map((x) => x.toFixed(2))
                .join(' ')}`,
            );
            for (const [j, c] of stories.entries()) {
              const missing = [
                !c.url && 'not published',
                !c.figure && 'no <figure> with the photo on its page',
                c.photoFiles === 0 && 'no photo files in the output',
                !c.listCards.length && 'no list card with its thumbnail (home, section)',
                !c.feedItem && 'not in rss.xml with its photo',
                images && !c.ogCard && `og:image is ${c.ogImage ?? 'missing'}, not the photo's card`,
              ].filter(Boolean);
              log(
                `    ${c.file}: ${c.url ? new URL(c.url).pathname : 'no URL'} — figure ${c.figure ? 'yes' : 'NO'}, ${c.photoFiles} photo files, list card ${c.listCards.join(' + ') || 'NO'}, feed ${c.feedItem ? 'yes' : 'NO'}, og:image ${c.ogCard ? 'the photo card' : `${c.ogImage ?? 'none'}${images ? '' : ' (social images off)'}`}`,
              );
              log(`      publisher: ${photoLatency.publisherLines[j] ?? '?'}`);
              if (missing.length) failures.push(`${n}: --watch photo story ${c.file}: ${missing.join(', ')}`);
            }
            if (rejected.length)
              warnings.push(
                `${n}: --watch listed the picture file(s) renamed into the content folder as rejected wire files in its report (${rejected.length}: ${rejected[0]}${rejected.length > 1 ? ', …' : ''}); a scanned publish or a build skips them`,
              );
            if (!images)
              warnings.push(
                `${n}: social images are off (--no-images, DATELINE_OG_IMAGES=0): the photo stories' og:image is the default image, not the photo's card (publisher.ts uses the photo card only with social images on)`,
              );
          }
          if (result.exitCode !== 0) failures.push(`${n}: the resident publisher exited ${result.exitCode} on SIGTERM:\n${tail(result.log)}`);
        } catch (error) {
          failures.push(`${n}: resident publisher: ${(error as Error).message}`);
        }
      }
    }

    // Summaries and ratios of this size.
    const results: SizeResult['results'] = {};
    for (const key of Object.keys(samples) as Scenario[]) if (samples[key].length) results[key] = summarize(samples[key]);
    const ratios: SizeResult['ratios'] = {};
    const hugo = results.hugo;
    if (hugo) {
      for (const key of Object.keys(results) as Scenario[]) if (key !== 'hugo') ratios[key as Exclude<Scenario, 'hugo'>] = pairedRatios(results[key]!, hugo);
      if (results.datelineCold?.compileSeconds !== undefined)
        ratios.datelineColdWithoutCompile = pairedRatios(results.datelineCold, hugo, (x) => x.wallSeconds - (x.compileSeconds ?? 0));
      if (resident) {
        const w = resident.latencySeconds / hugo.wallSeconds;
        ratios.resident = { wall: w, cpu: Number.NaN, peakMemory: resident.peakRssBytes / hugo.peakRssBytes };
      }
    }
    if (results.datelineColdMixed && results.datelineCold) ratios.datelineColdMixedToText = pairedRatios(results.datelineColdMixed, results.datelineCold);
    let photoSet: SizeResult['photoSet'];
    const withPics = results.datelineColdPhotos;
    const withoutPics = results.datelineColdPhotosNone;
    if (photoGeneration && withPics && withoutPics) {
      // per run: the two builds of that run, paired (the machine's speed drifts over minutes)
      const pairs = withPics.runs.map((x, i) => [x, withoutPics.runs[i] ?? withoutPics] as const);
      const own = (x: Sample) => x.wallSeconds - (x.compileSeconds ?? 0);
      const pictures = median(withPics.runs.map((x) => x.pictures?.made ?? 0));
      const extraWall = median(pairs.map(([a, b]) => own(a) - own(b)));
      const extraCpu = median(pairs.map(([a, b]) => a.cpuSeconds - b.cpuSeconds));
      photoSet = {
        generation: photoGeneration,
        ratio: pairedRatios(withPics, withoutPics),
        ratioWithoutCompile: median(pairs.map(([a, b]) => own(a) / own(b))),
        pictures,
        extraWallSeconds: extraWall,
        extraCpuSeconds: extraCpu,
        picturesPerSecond: extraWall > 0 ? pictures / extraWall : Number.POSITIVE_INFINITY,
        cpuSecondsPerPicture: pictures > 0 ? extraCpu / pictures : Number.NaN,
        peakRssExtraBytes: median(pairs.map(([a, b]) => a.peakRssBytes - b.peakRssBytes)),
        order: photoOrder,
      };
    }
    bySize.push({
      articles: n,
      generation: { ...generation, ...(photoGeneration ? { photos: photoGeneration } : {}) },
      hugoConversion: { seconds: hugoConvertSeconds },
      changes: { added, updated, archiveEdited, ...(photoLatency ? { photoStories: photoLatency.stories.map((c) => c.file) } : {}) },
      results,
      ratios,
      ...(resident ? { resident } : {}),
      ...(photoSet ? { photoSet } : {}),
      ...(photoLatency ? { photoLatency } : {}),
    });
    if (!ok) break;
  }

  // Pictures, once (no archive): bench/picture-cost.ts, and the decompression bomb.
  let pictureCost: { rows: PictureCostRow[]; wallSeconds: number; loadBefore: number; output: string } | undefined;
  if (doPictureCost) {
    log('');
    log('=== picture cost (bench/picture-cost.ts)');
    settle();
    const loadBefore = os.loadavg()[0]!;
    const m = await measure(process.execPath, [join(ROOT, 'bench', 'picture-cost.ts')], { cwd: ROOT, echo: values.verbose });
    const output = `${m.stdout}${m.stderr ? `\n${m.stderr}` : ''}`.trimEnd();
    const rows = parsePictureCost(m.stdout);
    pictureCost = { rows, wallSeconds: m.wallSeconds, loadBefore, output };
    if (!values.verbose)
      log(
        output
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      );
    if (m.exitCode !== 0) failures.push(`bench/picture-cost.ts exited ${m.exitCode}:\n${tail(output)}`);
    else if (!rows.length) failures.push(`bench/picture-cost.ts: no table with "source … ratio" columns in its output:\n${tail(output)}`);
  }
  let bomb: BombResult | undefined;
  if (doBomb) {
    log('');
    try {
      bomb = await measureBomb(work);
      log(
        `decompression bomb (${bomb.width}×${bomb.height} PNG, ${(bomb.bytes / 1024).toFixed(0)} KB): processPhoto ${bomb.processSeconds.map((x) => `${(x * 1000).toFixed(1)}`).join(', ')} ms; through the picture workers ${bomb.poolSeconds.map((x) => `${(x * 1000).toFixed(1)}`).join(', ')} ms — ${bomb.refused ? 'refused' : 'NOT refused'}: ${bomb.reason} (load ${os
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')})`,
      );
      if (!bomb.refused) failures.push(`the decompression bomb was not refused for its size: ${bomb.reason}`);
    } catch (error) {
      failures.push(`decompression bomb: ${(error as Error).message}`);
    }
  }

  // Targets.
  interface Target {
    name: string;
    /** The archive size it is judged at; 0 for a figure measured without an archive. */
    articles: number;
    value?: number;
    limit: number;
    unit: 'ratio' | 'bytes' | 'seconds';
    pass?: boolean;
  }
  const targets: Target[] = [];
  const add = (t: Omit<Target, 'pass'>) => targets.push({ ...t, ...(t.value === undefined ? {} : { pass: t.value <= t.limit }) });
  for (const s of bySize) {
    const n = s.articles;
    if (n === 10_000 || sizes.length === 1) {
      add({
        name: 'cold full build, no images ≤ 2× Hugo',
        articles: n,
        value: s.ratios.datelineCold?.wall,
        limit: TARGETS.coldNoImagesWallRatio,
        unit: 'ratio',
      });
      add({
        name: 'cold full build, no images: never worse than today (4.27×)',
        articles: n,
        value: s.ratios.datelineCold?.wall,
        limit: TARGETS.coldTodayWallRatio,
        unit: 'ratio',
      });
    }
    const limit = TARGETS.publishWallRatio.get(n);
    if (limit !== undefined) {
      add({ name: `npm run publish, 1 new + 1 updated ≤ ${limit}× Hugo`, articles: n, value: s.ratios.datelinePublish?.wall, limit, unit: 'ratio' });
      add({ name: `npm run publish -- files, same ≤ ${limit}× Hugo`, articles: n, value: s.ratios.datelinePublishNamed?.wall, limit, unit: 'ratio' });
      add({ name: `--watch, file → published ≤ ${limit}× Hugo`, articles: n, value: s.ratios.resident?.wall, limit, unit: 'ratio' });
    }
    if (n === 100_000) {
      add({
        name: '--watch, file → published ≤ one-shot publish',
        articles: n,
        value: s.resident && s.results.datelinePublish ? s.resident.latencySeconds / s.results.datelinePublish.wallSeconds : undefined,
        limit: 1,
        unit: 'ratio',
      });
      add({
        name: 'peak memory, cold full build ≤ 4 GB',
        articles: n,
        value: s.results.datelineCold?.peakRssBytes,
        limit: TARGETS.coldPeakMemoryBytesAt100k,
        unit: 'bytes',
      });
      add({ name: 'resident publisher ≤ 1 GB', articles: n, value: s.resident?.peakRssBytes, limit: TARGETS.residentMemoryBytesAt100k, unit: 'bytes' });
    }
    if (doMixed)
      add({
        name: 'mixed-format cold ≤ 1.2× text-only cold',
        articles: n,
        value: s.ratios.datelineColdMixedToText?.wall,
        limit: TARGETS.mixedColdToTextWallRatio,
        unit: 'ratio',
      });
    if (doPhotoSet)
      add({
        name: 'photo set: cold peak memory ≤ without pictures + 1 GB',
        articles: n,
        value: s.photoSet?.peakRssExtraBytes,
        limit: TARGETS.photoPeakMemoryExtraBytes,
        unit: 'bytes',
      });
    if (doPhotoLatency && (n === 10_000 || n === 100_000 || sizes.length === 1)) {
      add({
        name: `--watch, new story + new ${photoLabel.replace(/^.*\((.*)\)$/, '$1')} picture → published ≤ 1 s`,
        articles: n,
        value: s.photoLatency?.latencySeconds,
        limit: TARGETS.photoLatencySeconds,
        unit: 'seconds',
      });
    }
  }
  for (const row of pictureCost?.rows ?? []) {
    add({
      name: `one picture's outputs ≤ 5× one resize to 1200 px (${row.source})`,
      articles: 0,
      value: row.ratio,
      limit: TARGETS.pictureCostToResize,
      unit: 'ratio',
    });
  }
  if (doBomb)
    add({
      name: '20000×20000 PNG (bomb) refused < 50 ms',
      articles: 0,
      value: bomb?.refused ? bomb.maxProcessSeconds : undefined,
      limit: TARGETS.bombSeconds,
      unit: 'seconds',
    });
  const small = bySize.find((s) => s.articles === 10_000);
  const large = bySize.find((s) => s.articles === 100_000);
  if (small && large) {
    for (const key of ['datelinePublish', 'datelinePublishNamed'] as const) {
      const a = small.results[key];
      const b = large.results[key];
      add({
        name: `flat: ${LABELS[key]} at 100,000 ≤ 1.3× at 10,000`,
        articles: 100_000,
        value: a && b ? b.wallSeconds / a.wallSeconds : undefined,
        limit: TARGETS.flatRatio,
        unit: 'ratio',
      });
    }
    if (small.resident && large.resident)
      add({
        name: 'flat: --watch at 100,000 ≤ 1.3× at 10,000',
        articles: 100_000,
        value: large.resident.latencySeconds / small.resident.latencySeconds,
        limit: TARGETS.flatRatio,
        unit: 'ratio',
      });
    if (doPhotoLatency)
      add({
        name: 'flat: --watch, new story + picture at 100,000 ≤ 1.3× at 10,000',
        articles: 100_000,
        value: small.photoLatency && large.photoLatency ? large.photoLatency.latencySeconds / small.photoLatency.latencySeconds : undefined,
        limit: TARGETS.flatRatio,
        unit: 'ratio',
      });
  }

  // Tables.
  for (const s of bySize) {
    log('');
    log(`${s.articles.toLocaleString('en')} articles:`);
    const head = ['build', 'wall s', 'CPU s', 'peak RSS', 'pages', 'img drawn', 'wall ×Hugo', 'CPU ×Hugo', 'mem ×Hugo'];
    const rows: string[][] = [];
    for (const key of Object.keys(s.results) as Scenario[]) {
      const x = s.results[key]!;
      const ratio = key === 'hugo' ? undefined : s.ratios[key as Exclude<Scenario, 'hugo'>];
      rows.push([
        LABELS[key] + (x.exitCode ? ' (FAILED)' : ''),
        fmtS(x.wallSeconds) + (x.publisherSeconds !== undefined && key.startsWith('datelinePublish') ? ` (${fmtS(x.publisherSeconds)})` : ''),
        fmtS(x.cpuSeconds),
        fmtMB(x.peakRssBytes),
        String(x.pages),
        String(x.imagesRendered),
        key === 'hugo' ? '1' : ratio ? fmtRatio(ratio.wall) : 'n/a',
        key === 'hugo' ? '1' : ratio ? fmtRatio(ratio.cpu) : 'n/a',
        key === 'hugo' ? '1' : ratio ? fmtRatio(ratio.peakMemory) : 'n/a',
      ]);
      if (key === 'datelineCold' && x.compileSeconds !== undefined) {
        const w = s.ratios.datelineColdWithoutCompile;
        rows.push(['  … of which compiling the theme', fmtS(x.compileSeconds), '', '', '', '', w ? `${fmtRatio(w.wall)} without` : '', '', '']);
      }
    }
    if (s.resident)
      rows.push([
        '--watch: file → published',
        fmtS(s.resident.latencySeconds),
        '',
        fmtMB(s.resident.peakRssBytes),
        '',
        '',
        s.ratios.resident ? fmtRatio(s.ratios.resident.wall) : 'n/a',
        '',
        '',
      ]);
    if (s.photoLatency)
      rows.push([
        `--watch: new story + new picture → published`,
        `${fmtS(s.photoLatency.latencySeconds)} (max ${fmtS(s.photoLatency.maxSeconds)})`,
        '',
        fmtMB(s.photoLatency.peakRssBytes),
        '',
        '',
        '',
        '',
        '',
      ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    log(line(head));
    log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) log(line(r));
    log("(publish rows: wall time of the npm command, in brackets the publisher's own time for its work)");
    const ps = s.photoSet;
    if (ps) {
      const g = ps.generation;
      const w = s.results.datelineColdPhotos!,
        wo = s.results.datelineColdPhotosNone!;
      log('');
      log(
        `photo set: ${g.pictures.toLocaleString('en')} of ${g.files.toLocaleString('en')} stories (${Math.round(PHOTO_SHARE * 100)} %) with a ${g.width}×${g.height} JPEG of ${(g.sourceBytes / 1e6).toFixed(2)} MB (each its own bytes); per-run pairs, median of ${w.runs.length} (${ps.order.join(', ')}):`,
      );
      log(
        `  cold with ÷ without pictures: wall ${fmtRatio(ps.ratio.wall)} (${fmtRatio(ps.ratioWithoutCompile)} without the theme compile), CPU ${fmtRatio(ps.ratio.cpu)}, peak memory ${fmtRatio(ps.ratio.peakMemory)}`,
      );
      log(
        `  with: ${fmtS(w.wallSeconds)} s wall, ${fmtS(w.cpuSeconds)} s CPU, ${fmtMB(w.peakRssBytes)}; without: ${fmtS(wo.wallSeconds)} s wall, ${fmtS(wo.cpuSeconds)} s CPU, ${fmtMB(wo.peakRssBytes)} (load before ${w.runs.map((x) => x.loadBefore.toFixed(2)).join('/')} and ${wo.runs.map((x) => x.loadBefore.toFixed(2)).join('/')})`,
      );
      log(
        `  ${ps.pictures} pictures made in ${fmtS(ps.extraWallSeconds)} extra s wall (${fmtS(ps.extraCpuSeconds)} extra s CPU): ${ps.picturesPerSecond.toFixed(2)} pictures/s, ${ps.cpuSecondsPerPicture.toFixed(2)} CPU s per picture; the build's own picture step: ${w.runs.map((x) => (x.pictures ? `${fmtS(x.pictures.ms / 1000)} s` : 'n/a')).join(', ')}`,
      );
      log(
        `  peak memory: ${ps.peakRssExtraBytes >= 0 ? '+' : '−'}${fmtMB(Math.abs(ps.peakRssExtraBytes))} with pictures (limit +${fmtMB(TARGETS.photoPeakMemoryExtraBytes)})`,
      );
    }
    const pl = s.photoLatency;
    if (pl) {
      const ok = (c: PhotoStoryCheck) => c.figure && c.photoFiles > 0 && c.listCards.length > 0 && c.feedItem;
      log('');
      log(
        `--watch, new ninjs story + new ${pl.width}×${pl.height} JPEG (${(pl.pictureBytes / 1e6).toFixed(2)} MB) → published: ${pl.latencies.map((x) => `${fmtS(x)} s`).join(', ')} (median ${fmtS(pl.latencySeconds)} s; publisher CPU median ${fmtS(pl.medianCpuSeconds)} s); page with <figure>, list card and feed item: ${pl.stories.filter(ok).length} of ${pl.stories.length}; og:image the photo's card: ${pl.stories.filter((c) => c.ogCard).length} of ${pl.stories.length}${images ? '' : ' (social images off)'}`,
      );
    }
  }
  if (pictureCost?.rows.length) {
    log('');
    log(
      `picture cost (bench/picture-cost.ts, ${fmtS(pictureCost.wallSeconds)} s, load before ${pictureCost.loadBefore.toFixed(2)}): processPhoto, every output, ÷ one sharp resize to a 1200 px JPEG`,
    );
    for (const r of pictureCost.rows)
      log(
        `  ${r.source.padEnd(9)} ${r.megabytes.toFixed(2)} MB: resize ${r.resizeMs} ms, process ${r.processMs} ms → ${fmtRatio(r.ratio)} wall, ${fmtRatio(r.ratioCpu)} CPU${r.poolPerSecond !== undefined ? `; ${r.poolPerSecond} pictures/s through the 2 workers` : ''}`,
      );
  }
  if (bomb)
    log(
      `decompression bomb: refused in ${(bomb.maxProcessSeconds * 1000).toFixed(1)} ms at worst by processPhoto (${(bomb.maxPoolSeconds * 1000).toFixed(1)} ms through the workers)`,
    );
  log('');
  log('targets (from the issues):');
  const fmtValue = (v: number, unit: Target['unit']) =>
    unit === 'ratio'
      ? fmtRatio(v)
      : unit === 'seconds'
        ? v < 0.1
          ? `${(v * 1000).toFixed(1)} ms`
          : `${fmtS(v)} s`
        : `${v < 0 ? '−' : ''}${fmtMB(Math.abs(v))}`;
  const nameWidth = Math.max(58, ...targets.map((x) => x.name.length));
  log(`  ${'size'.padStart(7)}  ${'target'.padEnd(nameWidth)} ${'figure'.padStart(10)}  ${'limit'.padStart(10)}  verdict`);
  for (const x of targets) {
    const value = x.value === undefined ? 'n/a' : fmtValue(x.value, x.unit);
    log(
      `  ${(x.articles ? x.articles.toLocaleString('en') : '—').padStart(7)}  ${x.name.padEnd(nameWidth)} ${value.padStart(10)}  ${fmtValue(x.limit, x.unit).padStart(10)}  ${x.pass === undefined ? 'not measured' : x.pass ? 'PASS' : 'FAIL'}`,
    );
  }
  log(
    `(load now ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')})`,
  );
  if (warnings.length) {
    log('');
    log('notes:');
    for (const w of warnings) log(`  ${w}`);
  }
  if (failures.length) {
    log('');
    log('problems:');
    for (const f of failures) log(`  ${f.replace(/\n/g, '\n    ')}`);
  }

  if (values.json) {
    const result = {
      meta: {
        articles: sizes,
        runs,
        seed,
        images,
        hugoArchives: !values['hugo-plain'],
        mixed: doMixed,
        photos: doPhotoSet,
        photoLatency: doPhotoLatency,
        photoSize,
        date: new Date().toISOString(),
        datelineNow: BENCH_NOW,
        node: process.version,
        hugo: hugoVersion,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        totalMemoryBytes: os.totalmem(),
        loadAverage: os.loadavg(),
        cpuSource: existsSync('/usr/bin/time') ? 'gnu-time' : 'bash-times',
        project,
        commit: gitCommit(project),
      },
      sizes: bySize,
      ...(pictureCost ? { pictureCost: { rows: pictureCost.rows, wallSeconds: pictureCost.wallSeconds, loadBefore: pictureCost.loadBefore } } : {}),
      ...(bomb ? { bomb } : {}),
      targets,
      warnings,
      failures,
    };
    mkdirSync(dirname(resolve(values.json)), { recursive: true });
    writeFileSync(resolve(values.json), `${JSON.stringify(result, null, 2)}\n`);
    log(`\nwrote ${resolve(values.json)}`);
  }
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
