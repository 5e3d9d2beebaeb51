// The publisher: brings the output folder up to date with the content folder, doing work in proportion
// to what changed.
//
//   1. content   the wire files that changed are read (archive/catalog.ts), their stories decided again
//                (archive/stories.ts) and their article records rebuilt, with social images;
//   2. effects   the routes those records affect (site/effects.ts), or every route when something every
//                page shows changed (the section navigation, the compiled theme, the options);
//   3. commit    the archive's new state and the routes still to draw go in one transaction: a publisher
//                killed after it leaves them pending, and the next one finishes them first;
//   4. render    each pending route is drawn by the renderer and written if its bytes changed; a route
//                that no longer exists is removed;
//   5. the rest  social images, search shards, sitemaps, the news sitemap, robots.txt, _headers and the
//                theme's static files, each for what changed;
//   6. report    `.dateline/report.json` and `.dateline/changes.json`.
//
// A full build is the same publish from an empty archive with every route pending, so a full build and
// any sequence of publishes give the same bytes for the same content and "now" (tested).
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ResolvedDatelineConfig } from '../options.ts';
import { dropArticle, getArticle, putArticle } from '../archive/articles.ts';
import { catalogKeys, forgetFile, syncCatalog, type SyncResult } from '../archive/catalog.ts';
import { deleteMeta, forgetDecisions, getMeta, openArchive, setMeta, transaction, transactionAsync, type ArchiveDb } from '../archive/db.ts';
import { PendingQueue, type PendingOf } from '../archive/pending.ts';
import type { ArticleRecord } from '../archive/records.ts';
import { SearchShards } from '../archive/search-shards.ts';
import { addImageWarnings, refreshEntries, rejectedEntries, ReportGroupCopy, type ReportEntry } from '../archive/statuses.ts';
import { reportCounts, writeArchiveReport, type BuildReport } from '../report/build-report.ts';
import { admitArticle, articleRecord, sectionLabel, updateStories } from '../archive/stories.ts';
import { contentFileAt, findContentFiles, isWireFile, type ContentFile } from '../ingest/content-files.ts';
import { deriveOutputs, deriveSearch, type DerivedContext } from './derived.ts';
import { RenderPool } from '../render/pool.ts';
import { currentRenderer } from './renderer-files.ts';
import { writeChanges, SiteOutput, type RemovedKind } from './output.ts';
import { EffectPlan, type ArticleChange } from '../site/effects.ts';
import { Library } from '../site/library.ts';
import { RouteReadIndex } from '../archive/reads.ts';
import { allRoutes, isFeed, NOT_FOUND_ROUTE, routeFile, routeImages, routeLastmod } from '../site/routes.ts';
import { sitemapGroup } from '../sitemaps/pages.ts';
import { Renderer, type RenderedRoute } from '../render/renderer.ts';
import { DEFAULT_IMAGE, prepareSocialImages } from './social-images.ts';
import { preparePhotos } from '../pictures/prepare.ts';
import { PhotoPool } from '../pictures/pool.ts';
import { photoCard } from '../pictures/card.ts';
import { searchText, searchTextKey } from '../search/records.ts';
import { absoluteUrl } from '../urls.ts';
import type { Progress } from './progress.ts';

export interface PublisherOptions {
  config: ResolvedDatelineConfig;
  /** The output folder (dist/). */
  outDir: string;
  /** `.dateline/changes.json`. */
  changesPath: string;
  /** The compiled theme's key: a different one redraws every page. */
  rendererKey: string;
  /**
   * The compiled theme's location, loaded with this publisher's library (its pages read through it).
   * Absent when the publisher only keeps the archive (validate, dev).
   */
  bundleDir?: string;
  log: (line: string) => void;
  /** How far each long stage has got (publish/progress.ts shows it); called with done = total when a stage ends. */
  progress?: Progress;
}

export interface PublishRequest {
  /** Start from an empty archive and draw every route (a full build). */
  full?: boolean;
  /** The content files that changed (paths relative to the content folder); all files when absent. */
  files?: string[];
  /** The build's "now". */
  now: Date;
  /**
   * Draw the site (default). False: only bring the archive and the report up to date (`npm run
   * validate`, and `astro dev`, which renders pages on request).
   */
  draw?: boolean;
}

export interface PublishResult {
  counts: BuildReport['counts'];
  /** Report entries of the files this publish read or whose stories changed. */
  entries: ReportEntry[];
  routes: number;
  written: number;
  removed: number;
  unchanged: number;
  parsed: number;
  reused: number;
  /** What the removed files were (`removed` by kind), for the summary. */
  removedKinds: [RemovedKind, number][];
  milliseconds: Record<string, number>;
  notes: string[];
  /** The stories this publish put live, updated or took down (not listed by a full build: every story is new to it). */
  stories: StoryChange[];
  /** Named files (`files`) that are gone from the content folder: deleted from the site. */
  gone: string[];
  /** Strict mode found this many rejected files: nothing was published, the archive is as it was. */
  refused?: number;
  /** With `refused`: every rejected file and item of the content folder (not only those read now). */
  rejected?: ReportEntry[];
}

/** A story this publish changed on the site. */
export interface StoryChange {
  change: 'live' | 'updated' | 'taken down';
  /** Absolute URL of its page. */
  url: string;
  /** The wire file of the version shown (before it was taken down), relative to the content folder. */
  file: string;
}

/** What the steps of one publish share. */
interface PublishRun {
  request: PublishRequest;
  /** The build's "now" (epoch ms). */
  now: number;
  full: boolean;
  draw: boolean;
  url: (path: string) => string;
  progress: Progress;
  /** Search texts of the items parsed by this publish (by searchTextKey), so the search index reads no file again. */
  texts: Map<string, string>;
  notes: string[];
  timings: Record<string, number>;
  /** Ends a timed stage (timings[name]) and starts the next. */
  lap: (name: string) => void;
  restartClock: () => void;
  /** Everything the pages show that is not an article (siteKey()), and whether it changed: every route is drawn. */
  siteKey: string;
  siteChanged: boolean;
}

/** 1. content: what was read and decided, and each changed article before and after. */
interface ContentStep {
  sync: SyncResult;
  /** Named files gone from the content folder. */
  goneFiles: string[];
  /** Files whose stories were decided again (their report entries change). */
  storyFiles: Set<string>;
  changes: Map<string, ArticleChange>;
  /** Warnings of the pictures and social image of each article, by id. */
  imageWarnings: Map<string, string[]>;
}

/** 2. effects: the articles that changed and the routes to draw. */
interface EffectsStep {
  changed: ArticleChange[];
  storyChanges: StoryChange[];
  routes: Set<string>;
}

/** 3. commit: what the transaction stored (or, refused, what strict mode found). */
interface Committed {
  sync: SyncResult;
  entries: ReportEntry[];
  routes: number;
  goneFiles: string[];
  storyChanges: StoryChange[];
  refused?: { counts: BuildReport['counts']; files: number; rejected: ReportEntry[] };
}

/** Routes from which a publish renders in a pool of workers rather than in its own thread. */
const POOL_THRESHOLD = 400;

/** Everything the pages show that is not an article: a change of it redraws every route. */
function siteKey(config: ResolvedDatelineConfig, rendererKey: string): string {
  const { command: _c, ...rest } = config;
  return JSON.stringify([rendererKey, rest]);
}

export class Publisher {
  readonly db: ArchiveDb;
  readonly library: Library;
  readonly output: SiteOutput;
  /** What each drawn route read (site/effects.ts finds the routes a change affects by it). */
  readonly reads: RouteReadIndex;
  /** Work committed to and not done yet (a killed publisher's is finished by the next). */
  readonly #pending: PendingQueue;
  readonly #searchShards: SearchShards;
  /** The report's joined groups, kept between the publishes of a resident publisher. */
  readonly #reportCopy = new ReportGroupCopy();
  readonly #options: PublisherOptions;
  readonly #archivePath: string;
  /** The compiled theme, loaded when a publish first draws in this thread. */
  #renderer: Renderer | undefined;
  /** The picture workers, started when a publish first has a picture to make, kept for the next. */
  #photos: Promise<PhotoPool> | undefined;

  constructor(options: PublisherOptions, archivePath: string) {
    this.#options = options;
    this.#archivePath = archivePath;
    this.db = openArchive(archivePath);
    this.library = new Library(this.db, options.config);
    this.output = new SiteOutput(this.db, options.outDir);
    this.reads = new RouteReadIndex(this.db);
    this.#pending = new PendingQueue(this.db);
    this.#searchShards = new SearchShards(this.db);
  }

  close(): void {
    this.db.close();
    void this.#photos?.then((pool) => pool.close());
  }

  async #loadRenderer(): Promise<Renderer> {
    return (this.#renderer ??= await Renderer.load(this.#options.bundleDir!, this.library));
  }

  #photoPool(): Promise<PhotoPool> {
    return (this.#photos ??= PhotoPool.start());
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const run = this.#startRun(request);
    // counts of this publish only (a resident publisher keeps one output)
    this.output.begin();
    // 1–3 in one transaction: a publisher killed before the commit leaves the archive as it was, one
    // killed after it leaves the routes to draw pending; strict mode's refusal rolls it all back
    const committed = await transactionAsync(
      this.db,
      async () => {
        const content = await this.#content(run);
        const effects = await this.#effects(run, content);
        return this.#commit(run, content, effects);
      },
      // what the library remembered was read from a change undone (a --watch publisher goes on)
      () => this.library.invalidate(),
    );
    if (committed.refused) return this.#refusal(run, committed, committed.refused);
    run.lap('effects');
    const drawn = run.draw ? await this.#render(run) : { render: 0, derived: 0, notes: [] };
    return this.#report(run, committed, drawn);
  }

  /** What every step of one publish shares: the request read once, the notes and the timings. */
  #startRun(request: PublishRequest): PublishRun {
    const { config } = this.#options;
    const timings: Record<string, number> = {};
    let mark = performance.now();
    const key = siteKey(config, this.#options.rendererKey);
    const full = !!request.full;
    return {
      request,
      now: request.now.getTime(),
      full,
      draw: request.draw ?? true,
      url: (path) => absoluteUrl(config.site, config.base, path),
      progress: this.#options.progress ?? (() => {}),
      texts: new Map(),
      notes: [],
      timings,
      lap: (name) => {
        const t = performance.now();
        timings[name] = Math.round(t - mark);
        mark = t;
      },
      restartClock: () => {
        mark = performance.now();
      },
      siteKey: key,
      siteChanged: full || getMeta(this.db, 'site') !== key,
    };
  }

  /** 1. content: the files read, their stories decided, the article records of what changed, with pictures and social images. */
  async #content(run: PublishRun): Promise<ContentStep> {
    const { config } = this.#options;
    const { request, full, draw, progress } = run;
    const db = this.db;
    const inputs: ContentFile[] = request.files ? namedInputs(config, request.files) : findContentFiles(config.contentPath, config.maxFileSize);
    const sync = syncCatalog(
      db,
      inputs.filter((i) => existsSync(i.path) || i.rejection),
      {
        timeZone: config.timeZone,
        trustTimes: !full,
        complete: !request.files,
        onParsed: (file, index, item) => run.texts.set(searchTextKey(file, index), searchText(item)),
        onFile: (done, total) => progress('reading', done, total),
      },
    );
    const gone = request.files ? inputs.filter((i) => !i.rejection && !existsSync(i.path)) : [];
    for (const input of gone) for (const k of forgetFile(db, input.file)) sync.keys.add(k);
    const keys = full ? catalogKeys(db) : sync.keys;
    if (full) {
      forgetDecisions(db);
      if (draw) this.output.table.markAllStale();
    }
    const stories = updateStories(db, keys, run.now, config, run.url, (done, total) => progress('deciding', done, total));
    run.lap('content');

    // Article records of the stories decided again, and of sections whose label changed.
    const changes = new Map<string, ArticleChange>();
    const records: Omit<ArticleRecord, 'image'>[] = [];
    for (const [id, story] of stories.stories) {
      const before = getArticle(db, id);
      if (story.row.status === 'published') {
        const label = sectionLabel(db, story.row.section_slug) ?? story.row.section_name;
        records.push(articleRecord(story, label));
      }
      changes.set(id, { id, ...(before ? { before } : {}) });
    }
    for (const id of stories.removed) {
      const before = getArticle(db, id);
      if (before) changes.set(id, { id, before });
    }
    for (const slug of stories.labels) {
      const label = sectionLabel(db, slug);
      for (const id of this.library.queries.idsInSection(slug)) {
        if (changes.has(id)) continue;
        const before = getArticle(db, id)!;
        const { image: _i, ...rest } = before;
        records.push({ ...rest, sectionLabel: label ?? before.sectionLabel });
        changes.set(id, { id, before });
      }
    }
    const imageWarnings = await this.#images(run, records, changes);
    run.lap('images');
    return { sync, goneFiles: gone.map((i) => i.file), storyFiles: stories.files, changes, imageWarnings };
  }

  /**
   * The pictures and social image of each record, which then goes into `changes` as the article after
   * the change if the schema admits it. Returns the image warnings by article id.
   */
  async #images(run: PublishRun, records: Omit<ArticleRecord, 'image'>[], changes: Map<string, ArticleChange>): Promise<Map<string, string[]>> {
    const { config } = this.#options;
    const { draw, progress, notes } = run;
    // Pictures first: a story whose lead photo makes a social card needs no text card.
    const photos = draw
      ? await preparePhotos(
          records,
          (r) => this.library.queries.wireItem(r),
          config,
          run.now,
          () => this.#photoPool(),
          (done, total) => progress('pictures', done, total),
        )
      : undefined;
    const pictured = records.map((r) => {
      const found = photos?.byArticle.get(r.id)?.photos;
      return found?.length ? { ...r, photos: found } : r;
    });
    const cardOf = (r: Omit<ArticleRecord, 'image'>) => (config.ogImages ? photoCard(r.photos) : undefined);
    const images = draw
      ? await prepareSocialImages(
          pictured.filter((r) => !cardOf(r)),
          config,
          run.full,
          (done, total) => progress('social images', done, total),
        )
      : { byArticle: new Map(), rendered: 0, reused: 0, ms: 0 };
    const imageWarnings = new Map<string, string[]>();
    for (const record of pictured) {
      const prepared = images.byArticle.get(record.id);
      const warnings = [...(photos?.byArticle.get(record.id)?.warnings ?? []), ...(prepared?.warnings ?? [])];
      const after: ArticleRecord = { ...record, image: cardOf(record) ?? prepared?.image ?? DEFAULT_IMAGE, warnings: [...record.warnings, ...warnings] };
      // checked against the schema before it is stored: one that fails is reported and not published
      if (!admitArticle(this.db, after)) continue;
      if (warnings.length) imageWarnings.set(record.id, warnings);
      changes.get(record.id)!.after = after;
    }
    if (!draw) notes.push('social images: not drawn (pages are not written)');
    else if (config.ogImages)
      notes.push(
        `social images: ${images.rendered} rendered, ${images.reused} reused of ${records.length}${images.rendered ? ` (${Math.round(images.ms / Math.max(1, images.rendered))} ms per rendered image)` : ''}`,
      );
    else notes.push('social images: off (DATELINE_OG_IMAGES=0), pages use og/default.png');
    if (photos && photos.derived + photos.reused + photos.refused > 0) {
      notes.push(`pictures: ${photos.derived} made, ${photos.reused} from the cache, ${photos.refused} refused (${photos.ms} ms)`);
    }
    return imageWarnings;
  }

  /** 2. effects: the articles that changed are stored, and the routes they affect found (looked up before and after). */
  async #effects(run: PublishRun, content: ContentStep): Promise<EffectsStep> {
    const { config } = this.#options;
    const { full, draw, url } = run;
    const changed = [...content.changes.values()].filter((c) => JSON.stringify(c.before ?? null) !== JSON.stringify(c.after ?? null));
    const storyChanges: StoryChange[] = full
      ? []
      : changed.map((c) => ({
          change: c.before ? (c.after ? 'updated' : 'taken down') : 'live',
          url: url((c.after ?? c.before)!.path),
          file: (c.after ?? c.before)!.file,
        }));
    const plan = run.siteChanged || !draw ? undefined : new EffectPlan(this.library, this.reads, changed);
    plan?.before();
    for (const c of changed) {
      if (c.before) dropArticle(this.db, c.id);
      if (c.after) putArticle(this.db, c.after, config.timeZone);
    }
    this.library.invalidate();
    const routes = !draw ? new Set<string>() : plan ? plan.after() : new Set(allRoutes(this.library, (await this.#loadRenderer()).themeRoutes()));
    if (draw && !plan) {
      // Every route of the site as it was, too: those that are gone are removed when drawn.
      for (const file of this.output.table.routeFiles()) routes.add(fileRoute(file));
    }
    return { changed, storyChanges, routes };
  }

  /**
   * 3. commit: the work still to do goes pending with the change, and the report entries are brought up
   * to date. Strict mode refuses (rolls back) while any file is rejected.
   */
  #commit(run: PublishRun, content: ContentStep, effects: EffectsStep): { value: Committed; commit: boolean } {
    const { config } = this.#options;
    const { full, draw } = run;
    const db = this.db;
    const pending = this.#pending;
    if (draw) {
      for (const route of effects.routes) pending.add({ kind: 'route', route });
      for (const c of effects.changed) {
        for (const a of [c.before, c.after]) if (a) pending.add({ kind: 'image', path: a.path });
        for (const a of [c.before, c.after]) for (const photo of a?.photos ?? []) pending.add({ kind: 'photo', key: photo.key });
        for (const a of [c.before, c.after]) if (a) pending.add({ kind: 'month', month: a.path.split('/').slice(1, 3).join('-') });
      }
      pending.add({ kind: full ? 'search:all' : 'search' });
      pending.add({ kind: 'derived' });
      if (run.siteChanged) pending.add({ kind: 'static' });
      if (full) pending.add({ kind: 'sweep' });
      setMeta(db, 'site', run.siteKey);
    }
    // Image warnings go to the report with the version shown.
    for (const [id, warnings] of content.imageWarnings) {
      const shown = content.changes.get(id)!.after!;
      addImageWarnings(db, shown.file, shown.item, warnings);
    }
    const entries = refreshEntries(db, new Set([...content.sync.files, ...content.storyFiles]));
    const committed: Committed = { sync: content.sync, entries, routes: effects.routes.size, goneFiles: content.goneFiles, storyChanges: effects.storyChanges };
    // Strict mode publishes nothing while any file is rejected: the report lists them all, and
    // the archive and the output folder stay as they were.
    const counts = reportCounts(db);
    if (config.strict && counts.rejected > 0) {
      // every rejected file, those read before included (a warm cache reads only what changed)
      const rejected = rejectedEntries(db);
      const files = new Set(rejected.map((e) => e.file)).size;
      writeArchiveReport(db, config.reportPath, { now: run.request.now, contentDir: config.contentDirLabel, refused: files });
      return { value: { ...committed, routes: 0, refused: { counts, files, rejected } }, commit: false };
    }
    return { value: committed, commit: true };
  }

  /** Strict mode's refusal: nothing was published. */
  #refusal(run: PublishRun, committed: Committed, refused: NonNullable<Committed['refused']>): PublishResult {
    const { sync } = committed;
    const notes = [`${sync.parsed} parsed, ${sync.reused} unchanged (archive)`, 'strict mode: nothing published'];
    return {
      counts: refused.counts,
      entries: committed.entries,
      routes: 0,
      written: 0,
      removed: 0,
      unchanged: 0,
      removedKinds: [],
      parsed: sync.parsed,
      reused: sync.reused,
      milliseconds: run.timings,
      notes,
      stories: [],
      gone: [],
      refused: refused.files,
      rejected: refused.rejected,
    };
  }

  /** 6. report: `.dateline/report.json`, `.dateline/changes.json`, and what this publish did. */
  #report(run: PublishRun, committed: Committed, drawn: { render: number; derived: number; notes: string[] }): PublishResult {
    const { config } = this.#options;
    run.timings.render = drawn.render;
    run.timings.derived = drawn.derived;
    run.restartClock();
    const counts = writeArchiveReport(this.db, config.reportPath, { now: run.request.now, contentDir: config.contentDirLabel }, this.#reportCopy);
    // A full build lists exactly what it wrote and removed too (it compares every file with what is in place).
    if (run.draw) writeChanges(this.output.table, this.#options.changesPath, { generatedAt: run.request.now.toISOString() });
    run.lap('report');
    const { sync } = committed;
    const notes = [`${sync.parsed} parsed, ${sync.reused} unchanged (archive)`, ...run.notes, ...drawn.notes];
    const { written, removed, unchanged, removedKinds } = this.output.counts;
    return {
      counts,
      entries: committed.entries,
      routes: committed.routes,
      written,
      removed,
      unchanged,
      removedKinds,
      parsed: sync.parsed,
      reused: sync.reused,
      milliseconds: run.timings,
      notes,
      stories: committed.storyChanges,
      gone: committed.goneFiles,
    };
  }

  /** Every rejected file and item the archive knows (a file of several items: each rejected item). */
  rejectedEntries(): ReportEntry[] {
    return rejectedEntries(this.db);
  }

  /**
   * 4. render, 5. the rest: every pending route and output, oldest commitment first, each cleared when
   * done. The search index is brought up to date beside the pages (Pagefind runs in its own process).
   */
  async #render(run: PublishRun): Promise<{ render: number; derived: number; notes: string[] }> {
    const { config } = this.#options;
    const db = this.db;
    const started = performance.now();
    // A publisher killed while writing leaves temporary files beside the ones it was replacing: the
    // next one clears them before it writes (a walk of the folder, only after such a death).
    if (getMeta(db, 'drawing')) this.output.removeTemporaryFiles();
    setMeta(db, 'drawing', String(process.pid));
    const ctx: DerivedContext = {
      db,
      library: this.library,
      output: this.output,
      config,
      texts: run.texts,
      pending: this.#pending,
      searchShards: this.#searchShards,
      searchProgress: (n, total) => run.progress('search', n, total),
    };
    const search = deriveSearch(ctx);
    const routes = await this.#drawRoutes(run);
    const render = Math.round(performance.now() - started);
    const derivedStart = performance.now();
    const searchNote = await search;
    if (searchNote) run.notes.push(searchNote);
    run.notes.push(...(await deriveOutputs(ctx)));
    deleteMeta(db, 'drawing');
    return { render, derived: Math.round(performance.now() - derivedStart), notes: [`${routes} route(s) drawn`] };
  }

  /** 4. render: the pending routes drawn in batches, each written and cleared; returns how many. */
  async #drawRoutes(run: PublishRun): Promise<number> {
    const { config } = this.#options;
    const routes = this.#pending.list('route');
    const progress = run.progress;
    // Many routes (a full build): every core renders; a few: this thread, where the theme is loaded.
    const pool =
      routes.length >= POOL_THRESHOLD ? await RenderPool.start({ bundleDir: currentRenderer().dir, archivePath: this.#archivePath, config }) : undefined;
    const BATCH = pool ? 400 : 100;
    const renderer = await this.#loadRenderer();
    const draw = (batch: PendingOf<'route'>[]) => (pool ? pool.render(batch.map((w) => w.route)) : Promise.all(batch.map((w) => renderer.render(w.route))));
    // The next batch is drawn while this one is written: the workers never wait for the disk.
    let drawing = routes.length ? draw(routes.slice(0, BATCH)) : undefined;
    progress('pages', 0, routes.length);
    for (let i = 0; i < routes.length; i += BATCH) {
      const batch = routes.slice(i, i + BATCH);
      const results = await drawing!;
      drawing = i + BATCH < routes.length ? draw(routes.slice(i + BATCH, i + 2 * BATCH)) : undefined;
      const drawnBatch = batch.map((work, k) => ({ work, result: results[k]! }));
      // the files first, in parallel; then what happened, in one transaction
      await this.output.place(drawnBatch.filter((d) => d.result.status === 200).map((d) => ({ path: routeFile(d.work.route), bytes: d.result.body })));
      transaction(this.db, () => {
        for (const { work, result } of drawnBatch) {
          this.#recordRoute(work.route, result);
          this.#pending.done(work);
        }
      });
      progress('pages', Math.min(i + BATCH, routes.length), routes.length);
    }
    await pool?.close();
    return routes.length;
  }

  /** A drawn route: its file written (or removed: the route is gone), what it read, its inline sources. */
  #recordRoute(route: string, result: RenderedRoute): void {
    const file = routeFile(route);
    if (result.status === 200) {
      // the front page's sitemap lastmod is the site's newest change (routeLastmod)
      this.reads.replace(route, route === '' ? { ...result.reads, keys: [...result.reads.keys, 'changed'] } : result.reads);
      const feed = isFeed(route);
      const lastmod = feed ? undefined : routeLastmod(this.library, route);
      const sitemap = feed || route === NOT_FOUND_ROUTE ? undefined : sitemapGroup(route);
      const images = sitemap ? routeImages(this.library, route) : undefined;
      const wrote = this.output.write(file, result.body, feed ? 'feed' : 'page', {
        ...(lastmod ? { lastmod } : {}),
        ...(sitemap ? { sitemap } : {}),
        ...(images ? { images } : {}),
      });
      if (!feed && result.inline && (wrote || !this.output.table.hasInlineSources(file))) this.output.table.replaceInlineSources(file, result.inline);
    } else if (result.status === 404) {
      this.reads.forget(route);
      this.output.remove(file);
    } else {
      throw new Error(`Dateline: the renderer answered ${result.status} for /${route}: ${Buffer.from(result.body).toString('utf8').slice(0, 500)}`);
    }
  }
}

/** The route a page or feed file was written for (`world/index.html` → `world/`). */
function fileRoute(file: string): string {
  if (file === '404.html') return '404';
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Content files a publisher was told changed, with the same refusals a scan applies. */
function namedInputs(config: ResolvedDatelineConfig, files: string[]): ContentFile[] {
  const all = findContentFilesFor(config, files);
  return all;
}

function findContentFilesFor(config: ResolvedDatelineConfig, files: string[]): ContentFile[] {
  const outside = outsideContentFolder(config, files);
  if (outside.length)
    throw new Error(
      `Dateline: not in the content folder (${config.contentDirLabel}): ${outside.join(', ')}. Name files relative to it, or by an absolute path inside it.`,
    );
  return files.flatMap((name) => {
    const path = resolve(config.contentPath, name);
    const file = relative(config.contentPath, path).split('\\').join('/');
    // A picture, a note or a dot file is no wire file: a scan never reads it, nor does a named publish
    // (a picture renamed in beside its story was reported as a rejected wire file). Pictures are read
    // with the stories that name them.
    if (!isWireFile(file.split('/').at(-1)!) || file.split('/').some((part) => part.startsWith('.'))) return [];
    return [contentFileAt(config.contentPath, file, config.maxFileSize) ?? { file, path }];
  });
}

/** The named files that are not in the content folder (relative to it, or absolute). */
export function outsideContentFolder(config: ResolvedDatelineConfig, files: string[]): string[] {
  return files.filter((name) => {
    const file = relative(config.contentPath, resolve(config.contentPath, name));
    return !file || file.startsWith('..') || isAbsolute(file);
  });
}
