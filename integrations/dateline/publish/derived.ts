// What a publish writes besides pages and feeds, each for what changed: social images (linked from the
// image cache), search shards, the page sitemaps a change touched, the news sitemap of the 48 hours
// before "now", the sitemap index, robots.txt, `_headers` (its CSP allows the inline scripts the pages
// have), the theme's static files, and on a full build the removal of every file the site no longer
// has. Each is a pending entry in the archive until done, so a killed publisher's successor finishes it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMeta, setMeta, type ArchiveDb } from '../archive/db.ts';
import type { InlineSources } from '../render/inline-sources.ts';
import { formatHeaders, headerRules, HEADERS_FILE } from './deploy-headers.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import type { Library } from '../site/library.ts';
import { newsSitemapFiles, NEWS_WINDOW_MS } from '../sitemaps/news.ts';
import { compareSitemapFiles, isPageSitemap, pageSitemapFile, renderGroup, renderIndex, sitemapSettingsKey, SITEMAP_INDEX, type SitemapSettings } from '../sitemaps/pages.ts';
import { robotsText } from '../sitemaps/robots.ts';
import { defaultImage, imagePath } from './social-images.ts';
import { DEFAULT_IMAGE } from '../og/paths.ts';
import { absoluteUrl } from '../urls.ts';
import type { SiteOutput } from './output.ts';
import { pruneSearchCache, updateSearch } from './search.ts';
import { placePhotoSet } from './photos.ts';
import { buildNow } from '../time.ts';
import { currentRenderer } from './renderer-files.ts';


export interface DerivedContext {
  db: ArchiveDb;
  library: Library;
  output: SiteOutput;
  config: ResolvedDatelineConfig;
  texts: Map<string, string>;
  /** Pending entries starting with a prefix. */
  pending: (prefix: string) => string[];
  /** Marks a pending entry done. */
  done: { run: (what: string) => unknown };
  /** Called as the search index is brought up to date, with how many of the stories of the spans to check are done (progress). */
  searchProgress?: (done: number, total: number) => void;
}

export async function deriveOutputs(ctx: DerivedContext): Promise<string[]> {
  const { db, library, output, config, pending, done } = ctx;
  const notes: string[] = [];
  const url = (path: string) => absoluteUrl(config.site, config.base, path);

  // Social images: the image of each article a change touched, or none for a path that has no article.
  for (const what of pending('image:')) {
    placeImage(ctx, what.slice('image:'.length));
    done.run(what);
  }

  // Pictures: the derived files of each set a change touched, placed while an article shows them.
  for (const what of pending('photo:')) {
    placePhotoSet(db, output, config.cachePath, what.slice('photo:'.length));
    done.run(what);
  }

  if (pending('static').length) {
    placeStatic(ctx);
    await placeDefaultImage(ctx);
    done.run('static');
  }

  if (pending('derived').length) {
    // Page sitemaps of the groups whose pages changed; all of them on a full build, and when their
    // options (or Dateline's way of writing them) changed since they were written.
    const sweeping = pending('sweep').length > 0;
    const settings: SitemapSettings = { root: url(''), limit: config.sitemapLimit, options: config.sitemap ?? {} };
    const settingsKey = sitemapSettingsKey(settings);
    const everything = sweeping || getMeta(db, 'sitemaps') !== settingsKey;
    const groups = new Map(pending('sitemap:').map((what) => [what.slice('sitemap:'.length), what]));
    if (everything) for (const { grp } of db.prepare("SELECT DISTINCT grp FROM outputs WHERE kind = 'page' AND grp IS NOT NULL").all() as { grp: string }[]) if (!groups.has(grp)) groups.set(grp, '');
    const written = new Set<string>();
    for (const [group, what] of groups) {
      const pages = (db.prepare("SELECT path, lastmod, images FROM outputs WHERE grp = ? AND kind = 'page'").all(group) as { path: string; lastmod: string | null; images: string | null }[]).map((r) => ({
        path: r.path === 'index.html' ? '' : r.path.replace(/index\.html$/, ''),
        ...(r.lastmod ? { lastmod: r.lastmod } : {}),
        ...(r.images ? { images: JSON.parse(r.images) as string[] } : {}),
      }));
      const files = await renderGroup(group, pages, settings, url);
      for (const f of files) {
        output.write(f.name, f.xml, 'sitemap', f.lastmod ? { lastmod: f.lastmod } : {});
        written.add(f.name);
      }
      // the group's files past its new last one (it shrank)
      for (const row of db.prepare("SELECT path FROM outputs WHERE kind = 'sitemap' AND path LIKE ?").all(`${group}-%.xml`) as { path: string }[]) {
        if (!written.has(row.path) && pageSitemapFile(row.path)?.group === group) output.remove(row.path);
      }
      if (what) done.run(what);
    }

    // The news sitemap: the stories of the 48 hours before "now".
    const now = buildNow();
    const recent = library.queries.since(now.getTime() - NEWS_WINDOW_MS).filter((a) => a.timestamp <= now.getTime());
    const news = newsSitemapFiles(recent, { site: config.site, base: config.base, publicationName: config.publicationName, language: config.language });
    const newsNames = new Set(news.map((f) => f.name));
    for (const f of news) output.write(f.name, f.xml, 'sitemap', { lastmod: f.lastmod });
    for (const row of db.prepare("SELECT path FROM outputs WHERE kind = 'sitemap' AND path LIKE 'sitemap-news-%'").all() as { path: string }[]) if (!newsNames.has(row.path)) output.remove(row.path);

    // Every group written: sitemaps it did not write are gone (a group with no page left, files of an
    // earlier naming), before the index lists them.
    if (everything) {
      for (const { path } of db.prepare("SELECT path FROM outputs WHERE kind = 'sitemap'").all() as { path: string }[]) if (!written.has(path) && !newsNames.has(path)) output.remove(path);
    }

    // The index: the news sitemap and the `customSitemaps` option as @astrojs/sitemap lists its
    // custom sitemaps, then every page sitemap (by group, then number).
    const pageSitemaps = (db.prepare("SELECT path, lastmod FROM outputs WHERE kind = 'sitemap'").all() as { path: string; lastmod: string | null }[])
      .filter((r) => isPageSitemap(r.path))
      .sort((a, b) => compareSitemapFiles(a.path, b.path))
      .map((r) => ({ url: url(r.path), ...(r.lastmod ? { lastmod: r.lastmod } : {}) }));
    const custom = [...news.map((f) => url(f.name)), ...(settings.options.customSitemaps ?? [])];
    output.write(SITEMAP_INDEX, await renderIndex(custom, pageSitemaps, settings), 'static');
    setMeta(db, 'sitemaps', settingsKey);
    output.write('robots.txt', robotsText(join(config.rootPath, 'public'), url(SITEMAP_INDEX)), 'static');

    // _headers: the CSP allows exactly the inline scripts and styles the site's pages have.
    // the distinct hashes, one index seek each (there is a row per page that has one)
    const nextHash = db.prepare('SELECT hash FROM inline_sources WHERE kind = ? AND hash > ? ORDER BY hash LIMIT 1');
    const hashes = (kind: string) => {
      const found: string[] = [];
      for (let row = nextHash.get(kind, '') as { hash: string } | undefined; row; row = nextHash.get(kind, row.hash) as { hash: string } | undefined) found.push(row.hash);
      return found;
    };
    const inline: InlineSources = { scripts: hashes('script'), styles: hashes('style'), styleAttributes: hashes('style-attribute') };
    output.write(HEADERS_FILE, formatHeaders(headerRules(config.base, inline)), 'static');
    done.run('derived');
  }

  if (pending('sweep').length) {
    // A full build: nothing stays in the output folder that it did not write or find in place (it
    // marked every output stale when it began; a build killed midway is finished by the next publish).
    const kept = new Set((db.prepare('SELECT path FROM outputs WHERE stale = 0').all() as { path: string }[]).map((r) => r.path));
    let removed = 0;
    for (const file of output.filesOnDisk()) {
      if (kept.has(file)) continue;
      output.remove(file);
      removed++;
    }
    for (const { path } of db.prepare('SELECT path FROM outputs WHERE stale = 1').all() as { path: string }[]) output.remove(path);
    if (removed) notes.push(`removed ${removed} file(s) the site no longer has`);
    done.run('sweep');
  }
  return notes;
}

/**
 * Search: the months a change touched (all of them on a full build). Started beside the page drawing:
 * Pagefind runs in its own process, on the core the renderer leaves.
 */
export async function deriveSearch(ctx: DerivedContext): Promise<string | undefined> {
  const { db, library, config, output, pending, done } = ctx;
  if (!pending('search').length) return undefined;
  const months = pending('month:');
  const all = pending('search:all').length > 0;
  const update = await updateSearch(db, library, config, output, all ? 'all' : new Set(months.map((m) => m.slice('month:'.length))), ctx.texts, ctx.searchProgress);
  if (all) pruneSearchCache(db, config);
  for (const m of months) done.run(m);
  for (const s of pending('search')) done.run(s);
  return `search: ${update.indexed} shard(s) indexed of ${update.shards} (${update.milliseconds} ms)`;
}

/** Links an article's social image into `og/`, or removes the images of a path with no article. */
function placeImage(ctx: DerivedContext, articlePath: string): void {
  const { library, output, config } = ctx;
  const article = library.article(articlePath);
  const image = article?.image;
  for (const ext of ['png', 'jpg']) {
    const file = imagePath(articlePath, ext);
    if (image && image.path === file && image.path !== DEFAULT_IMAGE.path) {
      const cached = image.key ? join(config.cachePath, 'og', `${image.key}.${ext}`) : '';
      if (cached && existsSync(cached)) output.link(file, cached, 'image', image.key!);
    } else output.remove(file);
  }
}

/** The theme's static files (CSS, scripts, public/) and the default social image. */
function placeStatic(ctx: DerivedContext): void {
  const { db, output } = ctx;
  const client = join(currentRenderer().dir, 'client');
  const placed = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (statSync(join(dir, entry.name)).isFile()) {
        // keyed by the bytes: a theme compiled again leaves the files that did not change in place
        const source = join(dir, entry.name);
        output.link(path, source, 'static', `theme:${createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 32)}`);
        placed.add(path);
      }
    }
  };
  if (existsSync(client)) walk(client, '');
  // Files of an earlier theme or public/ folder that this one no longer has (placed files are keyed
  // `theme:digest`; files Dateline writes itself are keyed by their bytes' digest, which has no colon).
  for (const { path } of db.prepare("SELECT path FROM outputs WHERE kind = 'static' AND instr(hash, ':') > 0").all() as { path: string }[]) if (!placed.has(path)) output.remove(path);
}

/** Places `og/default.png` (drawn once per site name, description and theme). */
export async function placeDefaultImage(ctx: Pick<DerivedContext, 'output' | 'config'>): Promise<void> {
  const image = await defaultImage(ctx.config);
  ctx.output.link(DEFAULT_IMAGE.path, image.file, 'image', image.key);
}
