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
//    and an update renamed into the content folder, timed until it says they are live; its memory.
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
import { measureResident, type ResidentResult } from './resident.ts';
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
};

type Scenario =
  | 'hugo'
  | 'datelineCold'
  | 'datelineColdMixed'
  | 'datelineWarm'
  | 'datelineImages'
  | 'datelinePublish'
  | 'datelinePublishNamed'
  | 'datelinePublishArchiveEdit';
const LABELS: Record<Scenario, string> = {
  hugo: 'Hugo full build',
  datelineCold: 'Dateline cold (no images)',
  datelineColdMixed: 'Dateline cold, mixed formats',
  datelineWarm: 'Dateline full build, nothing changed',
  datelineImages: 'Dateline full build drawing every image',
  datelinePublish: 'npm run publish: 1 new + 1 updated',
  datelinePublishNamed: 'npm run publish -- files: same',
  datelinePublishArchiveEdit: 'npm run publish -- file: archive edit',
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
}

interface Summary extends Sample {
  runs: Sample[];
}

interface SizeResult {
  articles: number;
  generation: { seconds: number; files: number; bytes: number; mixed?: { seconds: number; files: number; bytes: number; formats: GenerateResult['formats'] } };
  hugoConversion: { seconds: number };
  changes: { added: string[]; updated: string[]; archiveEdited: string[] };
  results: Partial<Record<Scenario, Summary>>;
  ratios: Partial<Record<Exclude<Scenario, 'hugo'> | 'datelineColdMixedToText' | 'datelineColdWithoutCompile' | 'resident', Ratios>>;
  resident?: {
    latencySeconds: number;
    latencies: number[];
    startSeconds: number;
    rssBytes: number;
    peakRssBytes: number;
  };
}

type Ratios = { wall: number; cpu: number; peakMemory: number };

function usage(): never {
  console.log(`usage: npm run bench -- [--articles N[,N…]] [--runs K] [--no-images] [--json FILE] [--seed S]
    [--work DIR] [--only hugo|dateline] [--project DIR] [--hugo-plain] [--mixed] [--verbose]
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
  log(`machine: ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), ${fmtMB(os.totalmem())} RAM, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const failures: string[] = [];
  const bySize: SizeResult[] = [];

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
      const by = Object.entries(g.formats).map(([f, c]) => `${c} ${f}`).join(', ');
      log(`generated the same ${g.files.length} articles in mixed formats (${by}; ${(g.bytes / 1e6).toFixed(1)} MB) → ${dir.mixedContent}`);
    } else {
      rmSync(dir.mixedContent, { recursive: true, force: true });
    }
    let hugoConvertSeconds = 0;
    if (doHugo) {
      t = performance.now();
      const conv = convertToHugo(dir.content, dir.hugoSite);
      hugoConvertSeconds = (performance.now() - t) / 1000;
      log(`converted ${conv.converted} files to Hugo content in ${fmtS(hugoConvertSeconds)} s (not timed below)${conv.skipped.length ? `, ${conv.skipped.length} skipped` : ''}`);
    }

    const samples: Record<Scenario, Sample[]> = {
      hugo: [], datelineCold: [], datelineColdMixed: [], datelineWarm: [], datelineImages: [], datelinePublish: [], datelinePublishNamed: [], datelinePublishArchiveEdit: [],
    };
    const env = (site: { content: string; out: string; cache: string; report: string }, withImages: boolean): NodeJS.ProcessEnv => {
      const e: NodeJS.ProcessEnv = {
        ...process.env,
        DATELINE_CONTENT: site.content,
        DATELINE_OUT_DIR: site.out,
        DATELINE_CACHE_DIR: site.cache,
        DATELINE_REPORT: site.report,
        DATELINE_CHANGES: dir.dlChanges,
        DATELINE_RENDERER_DIR: dir.dlRenderer,
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

    const run = async (label: Scenario, r: number, args: string[], site = textSite, withImages = false) => {
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
      const counts = s.report ? ` — ${Object.entries(s.report).map(([k, v]) => `${v} ${k}`).join(', ')}` : ' — no report';
      const own = s.publisherSeconds !== undefined ? ` (publisher ${fmtS(s.publisherSeconds)} s)` : '';
      const compile = s.compileSeconds !== undefined ? ` (theme compiled in ${fmtS(s.compileSeconds)} s)` : '';
      log(`  ${LABELS[label]}, run ${r + 1}: ${fmtS(s.wallSeconds)} s wall${own}${compile}, ${fmtS(s.cpuSeconds)} s CPU, ${fmtMB(s.peakRssBytes)}, ${s.pages} pages${counts} (load before ${load.toFixed(2)})`);
      if (values.verbose && s.notes?.length) log(`      ${s.notes.join(' · ')}`);
      if (m.exitCode !== 0) failures.push(`${n}: ${LABELS[label]} (npm run ${args.join(' ')}) exited ${m.exitCode}:\n${tail(m.stderr + m.stdout)}`);
      else if (s.report && (s.report.rejected ?? 0) > 0) failures.push(`${n}: ${LABELS[label]}: ${s.report.rejected} generated files rejected (see ${site.report})`);
      return m.exitCode === 0;
    };

    // 2. Hugo, cold, mixed, nothing changed: each run one Hugo build and the Dateline builds after it.
    let ok = true;
    for (let r = 0; r < runs && ok; r++) {
      if (doHugo) {
        rmSync(dir.hugoOut, { recursive: true, force: true });
        rmSync(dir.hugoCache, { recursive: true, force: true });
        const config = ['hugo.toml', ...(values['hugo-plain'] ? [] : ['archives.toml'])].map((f) => join(dir.hugoSite, f)).join(',');
        settle();
        const load = os.loadavg()[0]!;
        const m = await measure(HUGO, ['--source', dir.hugoSite, '--config', config, '--destination', dir.hugoOut, '--cacheDir', dir.hugoCache], { echo: values.verbose });
        const s = sampleOf(m, dir.hugoOut, undefined, load);
        delete s.notes;
        samples.hugo.push(s);
        log(`  hugo run ${r + 1}: ${fmtS(s.wallSeconds)} s wall, ${fmtS(s.cpuSeconds)} s CPU, ${fmtMB(s.peakRssBytes)}, ${s.pages} pages (load before ${load.toFixed(2)})`);
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
      ok &&= await run('datelineWarm', r, ['build']);
    }

    // 3–5. Publishing, warm: the site as a publisher's machine has it.
    const added: string[] = [];
    const updated: string[] = [];
    const archiveEdited: string[] = [];
    let resident: SizeResult['resident'];
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
        const changes = Array.from({ length: runs }, () => {
          const c = change();
          added.push(c.fresh.file);
          updated.push(c.update);
          return { files: [{ file: c.fresh.file, text: c.fresh.text }, { file: c.update, text: c.text }] };
        });
        try {
          const result: ResidentResult = await measureResident({ project, env: env(textSite, images), contentDir: dir.content, changes });
          resident = { latencySeconds: median(result.latencies), latencies: result.latencies, startSeconds: result.startSeconds, rssBytes: result.rssBytes, peakRssBytes: result.peakRssBytes };
          log(`  npm run publish -- --watch: started in ${fmtS(result.startSeconds)} s; file renamed in → published: ${result.latencies.map((x) => `${fmtS(x)} s`).join(', ')}; resident ${fmtMB(result.rssBytes)} (peak ${fmtMB(result.peakRssBytes)})`);
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
      if (results.datelineCold?.compileSeconds !== undefined) ratios.datelineColdWithoutCompile = pairedRatios(results.datelineCold, hugo, (x) => x.wallSeconds - (x.compileSeconds ?? 0));
      if (resident) {
        const w = resident.latencySeconds / hugo.wallSeconds;
        ratios.resident = { wall: w, cpu: Number.NaN, peakMemory: resident.peakRssBytes / hugo.peakRssBytes };
      }
    }
    if (results.datelineColdMixed && results.datelineCold) ratios.datelineColdMixedToText = pairedRatios(results.datelineColdMixed, results.datelineCold);
    bySize.push({ articles: n, generation, hugoConversion: { seconds: hugoConvertSeconds }, changes: { added, updated, archiveEdited }, results, ratios, ...(resident ? { resident } : {}) });
    if (!ok) break;
  }

  // Targets.
  interface Target {
    name: string;
    articles: number;
    value?: number;
    limit: number;
    unit: 'ratio' | 'bytes';
    pass?: boolean;
  }
  const targets: Target[] = [];
  const add = (t: Omit<Target, 'pass'>) => targets.push({ ...t, ...(t.value === undefined ? {} : { pass: t.value <= t.limit }) });
  for (const s of bySize) {
    const n = s.articles;
    if (n === 10_000 || sizes.length === 1) {
      add({ name: 'cold full build, no images ≤ 2× Hugo', articles: n, value: s.ratios.datelineCold?.wall, limit: TARGETS.coldNoImagesWallRatio, unit: 'ratio' });
      add({ name: 'cold full build, no images: never worse than today (4.27×)', articles: n, value: s.ratios.datelineCold?.wall, limit: TARGETS.coldTodayWallRatio, unit: 'ratio' });
    }
    const limit = TARGETS.publishWallRatio.get(n);
    if (limit !== undefined) {
      add({ name: `npm run publish, 1 new + 1 updated ≤ ${limit}× Hugo`, articles: n, value: s.ratios.datelinePublish?.wall, limit, unit: 'ratio' });
      add({ name: `npm run publish -- files, same ≤ ${limit}× Hugo`, articles: n, value: s.ratios.datelinePublishNamed?.wall, limit, unit: 'ratio' });
      add({ name: `--watch, file → published ≤ ${limit}× Hugo`, articles: n, value: s.ratios.resident?.wall, limit, unit: 'ratio' });
    }
    if (n === 100_000) {
      add({ name: '--watch, file → published ≤ one-shot publish', articles: n, value: s.resident && s.results.datelinePublish ? s.resident.latencySeconds / s.results.datelinePublish.wallSeconds : undefined, limit: 1, unit: 'ratio' });
      add({ name: 'peak memory, cold full build ≤ 4 GB', articles: n, value: s.results.datelineCold?.peakRssBytes, limit: TARGETS.coldPeakMemoryBytesAt100k, unit: 'bytes' });
      add({ name: 'resident publisher ≤ 1 GB', articles: n, value: s.resident?.peakRssBytes, limit: TARGETS.residentMemoryBytesAt100k, unit: 'bytes' });
    }
    if (doMixed) add({ name: 'mixed-format cold ≤ 1.2× text-only cold', articles: n, value: s.ratios.datelineColdMixedToText?.wall, limit: TARGETS.mixedColdToTextWallRatio, unit: 'ratio' });
  }
  const small = bySize.find((s) => s.articles === 10_000);
  const large = bySize.find((s) => s.articles === 100_000);
  if (small && large) {
    for (const key of ['datelinePublish', 'datelinePublishNamed'] as const) {
      const a = small.results[key];
      const b = large.results[key];
      add({ name: `flat: ${LABELS[key]} at 100,000 ≤ 1.3× at 10,000`, articles: 100_000, value: a && b ? b.wallSeconds / a.wallSeconds : undefined, limit: TARGETS.flatRatio, unit: 'ratio' });
    }
    if (small.resident && large.resident) add({ name: 'flat: --watch at 100,000 ≤ 1.3× at 10,000', articles: 100_000, value: large.resident.latencySeconds / small.resident.latencySeconds, limit: TARGETS.flatRatio, unit: 'ratio' });
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
    if (s.resident) rows.push(['--watch: file → published', fmtS(s.resident.latencySeconds), '', fmtMB(s.resident.peakRssBytes), '', '', s.ratios.resident ? fmtRatio(s.ratios.resident.wall) : 'n/a', '', '']);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    log(line(head));
    log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) log(line(r));
    log('(publish rows: wall time of the npm command, in brackets the publisher\'s own time for its work)');
  }
  log('');
  log('targets (from the issues):');
  for (const x of targets) {
    const value = x.value === undefined ? 'n/a' : x.unit === 'ratio' ? fmtRatio(x.value) : fmtMB(x.value);
    log(`  ${x.articles.toLocaleString('en').padStart(7)}  ${x.name.padEnd(58)} ${value.padStart(10)}  ${x.pass === undefined ? 'not measured' : x.pass ? 'PASS' : 'FAIL'}`);
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
      targets,
      failures,
    };
    mkdirSync(dirname(resolve(values.json)), { recursive: true });
    writeFileSync(resolve(values.json), `${JSON.stringify(result, null, 2)}\n`);
    log(`\nwrote ${resolve(values.json)}`);
  }
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
