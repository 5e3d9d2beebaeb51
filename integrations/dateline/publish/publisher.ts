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
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ResolvedDatelineConfig } from '../options.ts';
import { dropArticle, getArticle, putArticle } from '../archive/articles.ts';
import { forgetFile, syncCatalog } from '../archive/catalog.ts';
import { getMeta, openArchive, setMeta, transaction, type ArchiveDb } from '../archive/db.ts';
import type { ArticleRecord } from '../archive/records.ts';
import { refreshEntries, type ReportEntry } from '../archive/statuses.ts';
import { reportCounts, writeArchiveReport, type BuildReport } from '../report/build-report.ts';
import { admitArticle, articleRecord, sectionLabel, updateStories } from '../archive/stories.ts';
import { contentFileAt, findContentFiles, isWireFile, type ContentFile } from '../ingest/content-files.ts';
import { deriveOutputs, deriveSearch } from './derived.ts';
import { RenderPool } from '../render/pool.ts';
import { currentRenderer } from './renderer-files.ts';
import { writeChanges, SiteOutput, type RemovedKind } from './output.ts';
import { EffectPlan, type ArticleChange } from '../site/effects.ts';
import { Library } from '../site/library.ts';
import { RouteReadIndex } from '../archive/reads.ts';
import { allRoutes, isFeed, NOT_FOUND_ROUTE, routeFile, routeImages, routeLastmod } from '../site/routes.ts';
import { sitemapGroup } from '../sitemaps/pages.ts';
import { Renderer } from '../render/renderer.ts';
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
    const { config, log } = this.#options;
    const progress: Progress = this.#options.progress ?? (() => {});
    const db = this.db;
    const timings: Record<string, number> = {};
    let mark = performance.now();
    const lap = (name: string) => {
      const t = performance.now();
      timings[name] = Math.round(t - mark);
      mark = t;
    };
    const now = request.now.getTime();
    const url = (path: string) => absoluteUrl(config.site, config.base, path);
    const texts = new Map<string, string>();
    const full = !!request.full;
    const draw = request.draw ?? true;
    // counts of this publish only (a resident publisher keeps one output)
    this.output.begin();

    // 1. content
    const inputs: ContentFile[] = request.files ? namedInputs(config, request.files) : findContentFiles(config.contentPath, config.maxFileSize);
    const key = siteKey(config, this.#options.rendererKey);
    const siteChanged = full || getMeta(db, 'site') !== key;
    let notes: string[] = [];
    const result = await (async () => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const sync = syncCatalog(db, inputs.filter((i) => existsSync(i.path) || i.rejection), {
          timeZone: config.timeZone,
          trustTimes: !full,
          complete: !request.files,
          onParsed: (file, index, item) => texts.set(searchTextKey(file, index), searchText(item)),
          onFile: (done, total) => progress('reading', done, total),
        });
        const gone = request.files ? inputs.filter((i) => !i.rejection && !existsSync(i.path)) : [];
        const goneFiles = gone.map((i) => i.file);
        for (const input of gone) for (const k of forgetFile(db, input.file)) sync.keys.add(k);
        const keys = full ? (db.prepare('SELECT DISTINCT key FROM items WHERE key IS NOT NULL').all() as { key: string }[]).map((r) => r.key) : sync.keys;
        if (full) {
          for (const table of ['stories', 'sections', 'articles', 'article_agencies', 'mentions', 'quotes', 'photo_uses', 'inline_sources', 'route_keys', 'route_ranges']) db.exec(`DELETE FROM ${table}`);
          if (draw) db.exec('UPDATE outputs SET stale = 1');
        }
        const stories = updateStories(db, keys, now, config, url, (done, total) => progress('deciding', done, total));
        lap('content');

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
          for (const id of (db.prepare('SELECT id FROM articles WHERE section = ?').all(slug) as { id: string }[]).map((r) => r.id)) {
            if (changes.has(id)) continue;
            const before = getArticle(db, id)!;
            const { image: _i, ...rest } = before;
            records.push({ ...rest, sectionLabel: label ?? before.sectionLabel });
            changes.set(id, { id, before });
          }
        }
        // Pictures first: a story whose lead photo makes a social card needs no text card.
        const photos = draw ? await preparePhotos(records, (r) => this.library.queries.wireItem(r), config, now, () => this.#photoPool(), (done, total) => progress('pictures', done, total)) : undefined;
        const pictured = records.map((r) => {
          const found = photos?.byArticle.get(r.id)?.photos;
          return found?.length ? { ...r, photos: found } : r;
        });
        const cardOf = (r: Omit<ArticleRecord, 'image'>) => (config.ogImages ? photoCard(r.photos) : undefined);
        const images = draw ? await prepareSocialImages(pictured.filter((r) => !cardOf(r)), config, full, (done, total) => progress('social images', done, total)) : { byArticle: new Map(), rendered: 0, reused: 0, ms: 0 };
        const imageWarnings = new Map<string, string[]>();
        for (const record of pictured) {
          const prepared = images.byArticle.get(record.id);
          const warnings = [...(photos?.byArticle.get(record.id)?.warnings ?? []), ...(prepared?.warnings ?? [])];
          const after: ArticleRecord = { ...record, image: cardOf(record) ?? prepared?.image ?? DEFAULT_IMAGE, warnings: [...record.warnings, ...warnings] };
          // checked against the schema before it is stored: one that fails is reported and not published
          if (!admitArticle(db, after)) continue;
          if (warnings.length) imageWarnings.set(record.id, warnings);
          changes.get(record.id)!.after = after;
        }
        if (!draw) notes.push('social images: not drawn (pages are not written)');
        else if (config.ogImages) notes.push(`social images: ${images.rendered} rendered, ${images.reused} reused of ${records.length}${images.rendered ? ` (${Math.round(images.ms / Math.max(1, images.rendered))} ms per rendered image)` : ''}`);
        else notes.push('social images: off (DATELINE_OG_IMAGES=0), pages use og/default.png');
        if (photos && photos.derived + photos.reused + photos.refused > 0) {
          notes.push(`pictures: ${photos.derived} made, ${photos.reused} from the cache, ${photos.refused} refused (${photos.ms} ms)`);
        }
        lap('images');

        // 2. effects
        const changed = [...changes.values()].filter((c) => JSON.stringify(c.before ?? null) !== JSON.stringify(c.after ?? null));
        const storyChanges: StoryChange[] = full
          ? []
          : changed.map((c) => ({ change: c.before ? (c.after ? 'updated' : 'taken down') : 'live', url: url((c.after ?? c.before)!.path), file: (c.after ?? c.before)!.file }));
        const plan = siteChanged || !draw ? undefined : new EffectPlan(this.library, this.reads, changed);
        plan?.before();
        for (const c of changed) {
          if (c.before) dropArticle(db, c.id);
          if (c.after) putArticle(db, c.after, config.timeZone);
        }
        this.library.invalidate();
        const routes = !draw ? new Set<string>() : plan ? plan.after() : new Set(allRoutes(this.library, (await this.#loadRenderer()).themeRoutes()));
        if (draw && !plan) {
          // Every route of the site as it was, too: those that are gone are removed when drawn.
          for (const row of db.prepare("SELECT path FROM outputs WHERE kind IN ('page', 'feed')").all() as { path: string }[]) routes.add(fileRoute(row.path));
        }
        const pending = db.prepare('INSERT OR IGNORE INTO pending (what) VALUES (?)');
        if (draw) {
        for (const route of routes) pending.run(`route:${route}`);
        for (const c of changed) {
          for (const a of [c.before, c.after]) if (a) pending.run(`image:${a.path}`);
          for (const a of [c.before, c.after]) for (const photo of a?.photos ?? []) pending.run(`photo:${photo.key}`);
          for (const a of [c.before, c.after]) if (a) pending.run(`month:${a.path.split('/').slice(1, 3).join('-')}`);
        }
        pending.run(full ? 'search:all' : 'search');
        pending.run('derived');
        if (siteChanged) pending.run('static');
        if (full) pending.run('sweep');
        setMeta(db, 'site', key);
        }
        // Image warnings go to the report with the version shown.
        for (const [id, warnings] of imageWarnings) {
          const shown = changes.get(id)!.after!;
          const row = db.prepare('SELECT decision FROM items WHERE file = ? AND idx = ?').get(shown.file, shown.item) as { decision: string } | undefined;
          if (row?.decision) db.prepare('UPDATE items SET decision = ? WHERE file = ? AND idx = ?').run(JSON.stringify({ ...JSON.parse(row.decision), imageWarnings: warnings }), shown.file, shown.item);
        }
        const entries = refreshEntries(db, new Set([...sync.files, ...stories.files]));
        // Strict mode publishes nothing while any file is rejected: the report lists them all, and
        // the archive and the output folder stay as they were.
        const counts = reportCounts(db);
        if (config.strict && counts.rejected > 0) {
          // every rejected file, those read before included (a warm cache reads only what changed)
          const rejected = rejectedEntries(db);
          const files = new Set(rejected.map((e) => e.file)).size;
          writeArchiveReport(db, config.reportPath, { now: request.now, contentDir: config.contentDirLabel, refused: files });
          db.exec('ROLLBACK');
          // what the library remembered was read from the change just undone (a --watch publisher goes on)
          this.library.invalidate();
          return { sync, entries, routes: 0, goneFiles, storyChanges, refused: { counts, files, rejected } };
        }
        db.exec('COMMIT');
        lap('effects');
        return { sync, entries, routes: routes.size, goneFiles, storyChanges };
      } catch (error) {
        db.exec('ROLLBACK');
        this.library.invalidate();
        throw error;
      }
    })();

    if ('refused' in result && result.refused) {
      const notes = [`${result.sync.parsed} parsed, ${result.sync.reused} unchanged (archive)`, 'strict mode: nothing published'];
      return { counts: result.refused.counts, entries: result.entries, routes: 0, written: 0, removed: 0, unchanged: 0, removedKinds: [], parsed: result.sync.parsed, reused: result.sync.reused, milliseconds: timings, notes, stories: [], gone: [], refused: result.refused.files, rejected: result.refused.rejected };
    }

    // 4. render, 5. the rest
    const drawn = draw ? await this.#drawPending(texts, notes) : { render: 0, derived: 0, notes: [] };
    timings.render = drawn.render;
    timings.derived = drawn.derived;
    mark = performance.now();

    // 6. report
    const counts = writeArchiveReport(db, config.reportPath, { now: request.now, contentDir: config.contentDirLabel });
    // A full build lists exactly what it wrote and removed too (it compares every file with what is in place).
    if (draw) writeChanges(db, this.#options.changesPath, { generatedAt: request.now.toISOString() });
    lap('report');
    notes = [`${result.sync.parsed} parsed, ${result.sync.reused} unchanged (archive)`, ...notes, ...drawn.notes];
    const { written, removed, unchanged, removedKinds } = this.output.counts;
    return { counts, entries: result.entries, routes: result.routes, written, removed, unchanged, removedKinds, parsed: result.sync.parsed, reused: result.sync.reused, milliseconds: timings, notes, stories: result.storyChanges, gone: result.goneFiles };
  }

  /** Every rejected file and item the archive knows (a file of several items: each rejected item). */
  rejectedEntries(): ReportEntry[] {
    return rejectedEntries(this.db);
  }

  /** Draws every pending route and output, oldest commitment first, clearing each when done. */
  async #drawPending(texts: Map<string, string>, notes: string[]): Promise<{ render: number; derived: number; notes: string[] }> {
    const { config } = this.#options;
    const db = this.db;
    const started = performance.now();
    // A publisher killed while writing leaves temporary files beside the ones it was replacing: the
    // next one clears them before it writes (a walk of the folder, only after such a death).
    if (getMeta(db, 'drawing')) this.output.removeTemporaryFiles();
    setMeta(db, 'drawing', String(process.pid));
    const pending = (prefix: string) => (db.prepare('SELECT what FROM pending WHERE what LIKE ?').all(`${prefix}%`) as { what: string }[]).map((r) => r.what);
    const done = db.prepare('DELETE FROM pending WHERE what = ?');
    const routes = pending('route:');
    const progress: Progress = this.#options.progress ?? (() => {});
    const ctx = { db, library: this.library, output: this.output, config, texts, pending, done, searchProgress: (n: number, total: number) => progress('search', n, total) };
    const search = deriveSearch(ctx);
    // Many routes (a full build): every core renders; a few: this thread, where the theme is loaded.
    const pool = routes.length >= POOL_THRESHOLD ? await RenderPool.start({ bundleDir: currentRenderer().dir, archivePath: this.#archivePath, config }) : undefined;
    const inline = db.prepare('INSERT OR IGNORE INTO inline_sources (path, kind, hash) VALUES (?, ?, ?)');
    const clearInline = db.prepare('DELETE FROM inline_sources WHERE path = ?');
    const BATCH = pool ? 400 : 100;
    const renderer = await this.#loadRenderer();
    const draw = (batch: string[]) => (pool ? pool.render(batch.map((what) => what.slice('route:'.length))) : Promise.all(batch.map((what) => renderer.render(what.slice('route:'.length)))));
    const hasInline = db.prepare('SELECT 1 FROM inline_sources WHERE path = ? LIMIT 1');
    // The next batch is drawn while this one is written: the workers never wait for the disk.
    let drawing = routes.length ? draw(routes.slice(0, BATCH)) : undefined;
    progress('pages', 0, routes.length);
    for (let i = 0; i < routes.length; i += BATCH) {
      const batch = routes.slice(i, i + BATCH);
      const results = await drawing!;
      drawing = i + BATCH < routes.length ? draw(routes.slice(i + BATCH, i + 2 * BATCH)) : undefined;
      const drawnBatch = batch.map((what, k) => ({ what, route: what.slice('route:'.length), result: results[k]! }));
      // the files first, in parallel; then what happened, in one transaction
      await this.output.place(drawnBatch.filter((d) => d.result.status === 200).map((d) => ({ path: routeFile(d.route), bytes: d.result.body })));
      transaction(db, () => {
        for (const { what, route, result } of drawnBatch) {
          const file = routeFile(route);
          if (result.status === 200) {
            // the front page's sitemap lastmod is the site's newest change (routeLastmod)
            this.reads.replace(route, route === '' ? { ...result.reads, keys: [...result.reads.keys, 'changed'] } : result.reads);
            const feed = isFeed(route);
            const lastmod = feed ? undefined : routeLastmod(this.library, route);
            const sitemap = feed || route === NOT_FOUND_ROUTE ? undefined : sitemapGroup(route);
            const images = sitemap ? routeImages(this.library, route) : undefined;
            const wrote = this.output.write(file, result.body, feed ? 'feed' : 'page', { ...(lastmod ? { lastmod } : {}), ...(sitemap ? { sitemap } : {}), ...(images ? { images } : {}) });
            if (!feed && result.inline && (wrote || !hasInline.get(file))) {
              clearInline.run(file);
              for (const h of result.inline.scripts) inline.run(file, 'script', h);
              for (const h of result.inline.styles) inline.run(file, 'style', h);
              for (const h of result.inline.styleAttributes) inline.run(file, 'style-attribute', h);
            }
          } else if (result.status === 404) {
            this.reads.forget(route);
            this.output.remove(file);
          } else {
            throw new Error(`Dateline: the renderer answered ${result.status} for /${route}: ${Buffer.from(result.body).toString('utf8').slice(0, 500)}`);
          }
          done.run(what);
        }
      });
      progress('pages', Math.min(i + BATCH, routes.length), routes.length);
    }
    await pool?.close();
    const render = Math.round(performance.now() - started);
    const derivedStart = performance.now();
    const searchNote = await search;
    if (searchNote) notes.push(searchNote);
    const derivedNotes = await deriveOutputs(ctx);
    notes.push(...derivedNotes);
    db.prepare("DELETE FROM meta WHERE key = 'drawing'").run();
    return { render, derived: Math.round(performance.now() - derivedStart), notes: [`${routes.length} route(s) drawn`] };
  }
}

/** Every rejected file and item in the archive, as entries (an item carries its file's name and its own line). */
function rejectedEntries(db: ArchiveDb): ReportEntry[] {
  const rows = db.prepare("SELECT report FROM files WHERE ',' || statuses || ',' LIKE '%,rejected,%' ORDER BY file").all() as { report: string }[];
  return rows.flatMap(({ report }) => {
    const entry = JSON.parse(report) as ReportEntry;
    return entry.items ? entry.items.filter((i) => i.status === 'rejected').map((i) => ({ ...i, file: entry.file })) : [entry];
  });
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
  if (outside.length) throw new Error(`Dateline: not in the content folder (${config.contentDirLabel}): ${outside.join(', ')}. Name files relative to it, or by an absolute path inside it.`);
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
