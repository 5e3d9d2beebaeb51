// @astrojs/sitemap itself, run on a built Dateline site as Astro runs it: its integration hooks
// (`astro:routes:resolved`, `astro:config:done` with the config, then `astro:build:done` with the
// site's pages, an output folder and a logger), with `chunks` grouping the URLs as Dateline documents
// its groups and the same options. What it writes is compared with what Dateline wrote.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import { loadSqlite } from '../../integrations/dateline/archive/db.ts';
import type { SitemapItem, SitemapOptions } from '../../integrations/dateline/options.ts';

/** Every HTML page of a built site as `astro:build:done` lists them: `pathname` without the base. */
export function builtPages(dist: string): { pathname: string }[] {
  const found: { pathname: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') found.push({ pathname: relative(dist, dir).split(sep).join('/').replace(/(.)$/, '$1/') });
      else if (dir === dist && entry.name === '404.html') found.push({ pathname: '404/' });
    }
  };
  walk(dist);
  return found;
}

/** What the archive recorded of each page for its sitemap entry (its lastmod and pictures), by absolute URL. */
export function pageData(archive: string, root: string): Map<string, { lastmod?: string; images?: string[] }> {
  const { DatabaseSync } = loadSqlite();
  const db = new DatabaseSync(archive, { readOnly: true });
  try {
    const rows = db.prepare("SELECT path, lastmod, images FROM outputs WHERE kind = 'page'").all() as {
      path: string;
      lastmod: string | null;
      images: string | null;
    }[];
    return new Map(
      rows.map((r) => [
        new URL(r.path.replace(/index\.html$/, ''), root).href,
        { ...(r.lastmod ? { lastmod: r.lastmod } : {}), ...(r.images ? { images: JSON.parse(r.images) as string[] } : {}) },
      ]),
    );
  } finally {
    db.close();
  }
}

/** The chunk of a page URL, as the README describes the groups: articles by month, day archives by year, the rest. */
export function chunkOf(root: string, url: string): string {
  const path = url.slice(root.length);
  const article = /^[^/]+\/(\d{4})\/(\d\d)\/\d\d\/[^/]+\/$/.exec(path);
  if (article) return `articles-${article[1]}-${article[2]}`;
  const day = /^(\d{4})\/\d\d\/\d\d\/(?:page\/\d+\/)?$/.exec(path);
  if (day) return `days-${day[1]}`;
  return 'lists';
}

export interface PluginRun {
  /** File name → text, every file the plugin wrote. */
  files: Map<string, string>;
  /** What it logged as warnings and errors. */
  problems: string[];
}

/**
 * Runs @astrojs/sitemap on a built site's pages. `custom`: the news sitemap's URLs (Dateline's
 * custom sitemaps, before the option's). Each entry is given the page's own lastmod and pictures before
 * the option's `serialize`, as Dateline documents.
 */
export async function runAstroSitemap(o: {
  site: string;
  base: string;
  dist: string;
  archive: string;
  limit: number;
  custom: string[];
  options?: SitemapOptions;
}): Promise<PluginRun> {
  const options = o.options ?? {};
  const root = new URL(o.base, o.site).href;
  const pages = builtPages(o.dist);
  const data = pageData(o.archive, root);
  // every chunk a page could be in, by name (the order Dateline lists them in its index)
  const names = [...new Set(pages.map((p) => chunkOf(root, new URL(p.pathname, root).href)))].sort();
  const chunks = Object.fromEntries(names.map((name) => [name, (item: SitemapItem) => (chunkOf(root, item.url) === name ? item : undefined)]));
  const integration = sitemap({
    entryLimit: o.limit,
    chunks,
    customSitemaps: [...o.custom, ...(options.customSitemaps ?? [])],
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.changefreq ? { changefreq: options.changefreq as never } : {}),
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
    ...(options.lastmod ? { lastmod: options.lastmod } : {}),
    ...(options.xslURL ? { xslURL: options.xslURL } : {}),
    ...(options.namespaces ? { namespaces: options.namespaces } : {}),
    serialize: (item) => {
      const page = data.get(item.url);
      const withPage = {
        ...item,
        lastmod: page?.lastmod ?? item.lastmod,
        ...(page?.images ? { img: page.images.map((p) => ({ url: new URL(p, root).href })) } : {}),
      } as SitemapItem;
      return (options.serialize ? options.serialize(withPage) : withPage) as never;
    },
  });
  const hooks = integration.hooks as Record<string, (arg: unknown) => unknown>;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-astro-sitemap-'));
  const problems: string[] = [];
  const logger = { info() {}, debug() {}, warn: (m: string) => problems.push(`warn: ${m}`), error: (m: string) => problems.push(`error: ${m}`) };
  try {
    // the plugin reads `routes` from this hook; Dateline's pages are all in `pages` (no route of its own)
    await hooks['astro:routes:resolved']!({ routes: [] });
    await hooks['astro:config:done']!({ config: { site: o.site, base: o.base, trailingSlash: 'always', build: { format: 'directory' } } });
    await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), pages, logger });
    const files = new Map(
      readdirSync(dir)
        .sort()
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );
    return { files, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Dateline's own sitemaps in a built site (page sitemaps and the index; not the news sitemap), name → text. */
export function datelineSitemaps(dist: string): Map<string, string> {
  return new Map(
    readdirSync(dist)
      .filter((f) => /^sitemap-.*\.xml$/.test(f) && !/^sitemap-news-\d+\.xml$/.test(f))
      .sort()
      .map((f) => [f, readFileSync(join(dist, f), 'utf8')]),
  );
}

/** The news sitemap's files, in order. */
export const newsFiles = (dist: string) =>
  readdirSync(dist)
    .filter((f) => /^sitemap-news-\d+\.xml$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
