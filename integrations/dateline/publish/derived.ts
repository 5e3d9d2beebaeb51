// What a publish writes besides pages and feeds, each for what changed: social images (linked from the
// image cache), search shards, the page sitemaps a change touched, the news sitemap of the 48 hours
// before "now", the sitemap index, robots.txt, `_headers` (its CSP allows the inline scripts the pages
// have), the theme's static files, and on a full build the removal of every file the site no longer
// has. Each is a pending entry in the archive until done, so a killed publisher's successor finishes it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMeta, setMeta, type ArchiveDb } from '../archive/db.ts';
import type { PendingQueue } from '../archive/pending.ts';
import type { SearchShards } from '../archive/search-shards.ts';
import type { InlineSources } from '../render/inline-sources.ts';
import { formatHeaders, headerRules, HEADERS_FILE } from './deploy-headers.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import type { Library } from '../site/library.ts';
import { newsSitemapFiles, NEWS_WINDOW_MS } from '../sitemaps/news.ts';
import {
  compareSitemapFiles,
  isPageSitemap,
  pageSitemapFile,
  renderGroup,
  renderIndex,
  sitemapSettingsKey,
  SITEMAP_INDEX,
  type SitemapSettings,
} from '../sitemaps/pages.ts';
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
  /** The work still to do (archive/pending.ts): each entry is marked done as it is. */
  pending: PendingQueue;
  searchShards: SearchShards;
  /** Called as the search index is brought up to date, with how many of the stories of the spans to check are done (progress). */
  searchProgress?: (done: number, total: number) => void;
}

export async function deriveOutputs(ctx: DerivedContext): Promise<string[]> {
  const { db, library, output, config, pending } = ctx;
  const outputs = output.table;
  const notes: string[] = [];
  const url = (path: string) => absoluteUrl(config.site, config.base, path);

  // Social images: the image of each article a change touched, or none for a path that has no article.
  for (const work of pending.list('image')) {
    placeImage(ctx, work.path);
    pending.done(work);
  }

  // Pictures: the derived files of each set a change touched, placed while an article shows them.
  for (const work of pending.list('photo')) {
    placePhotoSet(db, output, config.cachePath, work.key);
    pending.done(work);
  }

  if (pending.has({ kind: 'static' })) {
    placeStatic(ctx);
    await placeDefaultImage(ctx);
    pending.done({ kind: 'static' });
  }

  if (pending.has({ kind: 'derived' })) {
    // Page sitemaps of the groups whose pages changed; all of them on a full build, and when their
    // options (or Dateline's way of writing them) changed since they were written.
    const sweeping = pending.has({ kind: 'sweep' });
    const settings: SitemapSettings = { root: url(''), limit: config.sitemapLimit, options: config.sitemap ?? {} };
    const settingsKey = sitemapSettingsKey(settings);
    const everything = sweeping || getMeta(db, 'sitemaps') !== settingsKey;
    // each group, and whether it is pending (a group written only because everything is, is not)
    const groups = new Map(pending.list('sitemap').map((work) => [work.group, true]));
    if (everything) for (const grp of outputs.pageGroups()) if (!groups.has(grp)) groups.set(grp, false);
    const written = new Set<string>();
    for (const [group, isPending] of groups) {
      const pages = outputs.groupPages(group).map((r) => ({
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
      for (const path of outputs.groupSitemapFiles(group)) {
        if (!written.has(path) && pageSitemapFile(path)?.group === group) output.remove(path);
      }
      if (isPending) pending.done({ kind: 'sitemap', group });
    }

    // The news sitemap: the stories of the 48 hours before "now".
    const now = buildNow();
    const recent = library.queries.since(now.getTime() - NEWS_WINDOW_MS).filter((a) => a.timestamp <= now.getTime());
    const news = newsSitemapFiles(recent, { site: config.site, base: config.base, publicationName: config.publicationName, language: config.language });
    const newsNames = new Set(news.map((f) => f.name));
    for (const f of news) output.write(f.name, f.xml, 'sitemap', { lastmod: f.lastmod });
    for (const path of outputs.newsSitemapFiles()) if (!newsNames.has(path)) output.remove(path);

    // Every group written: sitemaps it did not write are gone (a group with no page left, files of an
    // earlier naming), before the index lists them.
    if (everything) {
      for (const { path } of outputs.sitemapFiles()) if (!written.has(path) && !newsNames.has(path)) output.remove(path);
    }

    // The index: the news sitemap and the `customSitemaps` option as @astrojs/sitemap lists its
    // custom sitemaps, then every page sitemap (by group, then number).
    const pageSitemaps = outputs
      .sitemapFiles()
      .filter((r) => isPageSitemap(r.path))
      .sort((a, b) => compareSitemapFiles(a.path, b.path))
      .map((r) => ({ url: url(r.path), ...(r.lastmod ? { lastmod: r.lastmod } : {}) }));
    const custom = [...news.map((f) => url(f.name)), ...(settings.options.customSitemaps ?? [])];
    output.write(SITEMAP_INDEX, await renderIndex(custom, pageSitemaps, settings), 'static');
    setMeta(db, 'sitemaps', settingsKey);
    output.write('robots.txt', robotsText(join(config.rootPath, 'public'), url(SITEMAP_INDEX)), 'static');

    // _headers: the CSP allows exactly the inline scripts and styles the site's pages have.
    const inline: InlineSources = {
      scripts: outputs.inlineHashes('script'),
      styles: outputs.inlineHashes('style'),
      styleAttributes: outputs.inlineHashes('style-attribute'),
    };
    output.write(HEADERS_FILE, formatHeaders(headerRules(config.base, inline)), 'static');
    pending.done({ kind: 'derived' });
  }

  if (pending.has({ kind: 'sweep' })) {
    // A full build: nothing stays in the output folder that it did not write or find in place (it
    // marked every output stale when it began; a build killed midway is finished by the next publish).
    const kept = new Set(outputs.pathsByStale(false));
    let removed = 0;
    for (const file of output.filesOnDisk()) {
      if (kept.has(file)) continue;
      output.remove(file);
      removed++;
    }
    for (const path of outputs.pathsByStale(true)) output.remove(path);
    if (removed) notes.push(`removed ${removed} file(s) the site no longer has`);
    pending.done({ kind: 'sweep' });
  }
  return notes;
}

/**
 * Search: the months a change touched (all of them on a full build). Started beside the page drawing:
 * Pagefind runs in its own process, on the core the renderer leaves.
 */
export async function deriveSearch(ctx: DerivedContext): Promise<string | undefined> {
  const { library, config, output, pending, searchShards } = ctx;
  const all = pending.has({ kind: 'search:all' });
  if (!all && !pending.has({ kind: 'search' })) return undefined;
  const months = pending.list('month');
  const update = await updateSearch(searchShards, library, config, output, all ? 'all' : new Set(months.map((m) => m.month)), ctx.texts, ctx.searchProgress);
  if (all) pruneSearchCache(searchShards, config);
  for (const m of months) pending.done(m);
  pending.done({ kind: 'search' });
  pending.done({ kind: 'search:all' });
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
  const { output } = ctx;
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
  for (const path of output.table.themeFiles()) if (!placed.has(path)) output.remove(path);
}

/** Places `og/default.png` (drawn once per site name, description and theme). */
export async function placeDefaultImage(ctx: Pick<DerivedContext, 'output' | 'config'>): Promise<void> {
  const image = await defaultImage(ctx.config);
  ctx.output.link(DEFAULT_IMAGE.path, image.file, 'image', image.key);
}
