// The page sitemaps, byte for byte what @astrojs/sitemap 3.7.4 writes for the same pages with its
// `chunks` option set to Dateline's groups (tests/seo/sitemaps.test.ts and sitemap-options.test.ts run
// the plugin itself on built sites and compare). The plugin is not run: it exports no writer, only its
// `astro:build:done` hook over every page of a build, and its `chunks` filter is quadratic (an
// `Array.includes` over every URL for every URL: 81 s for 108,652 URLs). So each group is written
// here, one at a time, with the `sitemap` library the plugin writes with (the same version), in the
// plugin's order and names:
//   - a group is one of the plugin's chunks: `sitemap-<chunk>-<i>.xml`, `i` from 0, a new file every
//     `sitemapLimit` URLs (the plugin's `entryLimit`). The chunks:
//       articles-YYYY-MM   the articles of one local month;
//       days-YYYY          the day archives of one year;
//       lists              the front page, search, and every section and agency page;
//   - the URLs of a group are sorted as the plugin sorts all of them (`localeCompare('en', { numeric: true })`);
//   - each URL is `{ url, links, lastmod, priority, changefreq }` as the plugin makes it, with the page's
//     own `lastmod` (its story's update or publication time; a list page's newest story) and an
//     article's pictures as `img` (Google's `image:image`), then the `serialize` option's result;
//   - the index (`sitemap-index.xml`) lists the custom sitemaps first (the news sitemap, then the
//     `customSitemaps` option), each with the `lastmod` option, then every group's files in the order
//     of the chunks (by name), each with the newest `lastmod` of its URLs.
// The filter, serialize and the other options are @astrojs/sitemap's, applied where it applies them
// (options.ts `sitemap`). A publish writes again only the groups its pages are in, and the index
// (publish/derived.ts). Where the plugin would write no sitemap at all (every page filtered out or
// dropped by serialize, or a serialize that throws: it logs and writes nothing), Dateline writes an
// index of the custom sitemaps, or fails the publish naming the URL.
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import type { SitemapItem, SitemapOptions } from '../options.ts';

/** @astrojs/sitemap's `filenameBase`. */
export const SITEMAP_BASE = 'sitemap';
export const SITEMAP_INDEX = `${SITEMAP_BASE}-index.xml`;

export interface SitemapPage {
  /** Site path without base. */
  path: string;
  /** ISO instant, when the page has one. */
  lastmod?: string;
  /** Site paths of the pictures the page shows (`image:image`). */
  images?: string[];
}

/** The group a page's URL is listed in: its chunk's file prefix, `sitemap-<chunk>` (without `-<i>.xml`). */
export function sitemapGroup(path: string): string {
  const article = /^[^/]+\/(\d{4})\/(\d\d)\/\d\d\/[^/]+\/$/.exec(path);
  if (article) return `${SITEMAP_BASE}-articles-${article[1]}-${article[2]}`;
  const day = /^(\d{4})\/\d\d\/\d\d\/(?:page\/\d+\/)?$/.exec(path);
  if (day) return `${SITEMAP_BASE}-days-${day[1]}`;
  return `${SITEMAP_BASE}-lists`;
}

/** The chunk name @astrojs/sitemap would be given for a group (`articles-2024-03`). */
export const chunkName = (group: string) => group.slice(SITEMAP_BASE.length + 1);

const PAGE_SITEMAP = /^(sitemap-(?:articles-\d{4}-\d\d|days-\d{4}|lists))-(\d+)\.xml$/;

/** A page sitemap's group and number, from its file name; undefined for any other file. */
export function pageSitemapFile(file: string): { group: string; index: number } | undefined {
  const m = PAGE_SITEMAP.exec(file);
  return m ? { group: m[1]!, index: Number(m[2]) } : undefined;
}

export const isPageSitemap = (file: string) => PAGE_SITEMAP.test(file);

/** Page sitemaps in the index's order: by group (the chunks' order), then by number. */
export function compareSitemapFiles(a: string, b: string): number {
  const x = pageSitemapFile(a)!;
  const y = pageSitemapFile(b)!;
  return x.group < y.group ? -1 : x.group > y.group ? 1 : x.index - y.index;
}

// `a.localeCompare(b, 'en', { numeric: true })` is this collator's compare, without a collator per call.
const urlOrder = new Intl.Collator('en', { numeric: true });

export interface SitemapFile {
  /** File name in the output folder's root. */
  name: string;
  xml: string;
  /** Newest lastmod among its URLs (ISO instant, as @astrojs/sitemap's index gives it), else the `lastmod` option's. */
  lastmod?: string;
}

export interface SitemapSettings {
  /** Absolute URL of the site's base (`https://x.example/news/`): the plugin's `hostname`. */
  root: string;
  /** URLs per file (the plugin's `entryLimit`). */
  limit: number;
  options: SitemapOptions;
}

/** The settings' XSL stylesheet as the plugin resolves it. */
const xslUrl = (settings: SitemapSettings) => (settings.options.xslURL ? new URL(settings.options.xslURL, settings.root).href : undefined);

/** The newest lastmod of some entries (the plugin's getLatestLastmod). */
function latestLastmod(items: SitemapItem[]): string | undefined {
  let latest: number | undefined;
  for (const item of items) {
    if (!item.lastmod) continue;
    const time = new Date(item.lastmod).getTime();
    if (Number.isNaN(time)) continue;
    if (latest === undefined || time > latest) latest = time;
  }
  return latest === undefined ? undefined : new Date(latest).toISOString();
}

/** The entries of a group's pages (any order), in the plugin's order, after `filter` and `serialize`. */
export async function groupItems(pages: SitemapPage[], settings: SitemapSettings, url: (path: string) => string): Promise<SitemapItem[]> {
  const { filter, serialize, changefreq, priority } = settings.options;
  const lastmod = settings.options.lastmod?.toISOString();
  let listed = pages.map((page) => ({ page, url: url(page.path) }));
  if (filter) listed = listed.filter((p) => filter(p.url));
  listed.sort((a, b) => urlOrder.compare(a.url, b.url));
  const items: SitemapItem[] = [];
  for (const { page, url: loc } of listed) {
    // the plugin's entry (key order included, for a serialize that looks), with the page's own data
    const item: SitemapItem = { url: loc, links: undefined, lastmod: page.lastmod ?? lastmod, priority, changefreq } as SitemapItem;
    if (page.images?.length) item.img = page.images.map((image) => ({ url: url(image) }));
    if (!serialize) {
      items.push(item);
      continue;
    }
    let serialized: SitemapItem | undefined | null | false;
    try {
      serialized = await serialize(item);
    } catch (error) {
      throw new Error(`the sitemap option \`serialize\` failed for ${loc}: ${(error as Error).message ?? error}`, { cause: error });
    }
    if (serialized) items.push(serialized);
  }
  return items;
}

/** One sitemap file of entries, as the plugin's SitemapStream writes it. */
async function renderUrlset(items: SitemapItem[], settings: SitemapSettings): Promise<string> {
  const ns = settings.options.namespaces;
  const xsl = xslUrl(settings);
  const stream = new SitemapStream({
    hostname: settings.root,
    ...(xsl ? { xslUrl: xsl } : {}),
    xmlns: { news: ns?.news !== false, xhtml: ns?.xhtml !== false, image: ns?.image !== false, video: ns?.video !== false },
  });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

/** The files of one group (pages in any order); `url` makes a site path's absolute URL. None when no URL is listed. */
export async function renderGroup(group: string, pages: SitemapPage[], settings: SitemapSettings, url: (path: string) => string): Promise<SitemapFile[]> {
  const items = await groupItems(pages, settings, url);
  const fallback = settings.options.lastmod?.toISOString();
  const files: SitemapFile[] = [];
  for (let i = 0; i * settings.limit < items.length; i++) {
    const chunk = items.slice(i * settings.limit, (i + 1) * settings.limit);
    const lastmod = latestLastmod(chunk) ?? fallback;
    files.push({ name: `${group}-${i}.xml`, xml: await renderUrlset(chunk, settings), ...(lastmod ? { lastmod } : {}) });
  }
  return files;
}

/**
 * `sitemap-index.xml`: the custom sitemaps (absolute URLs: the news sitemap's files, then the
 * `customSitemaps` option's) with the `lastmod` option, then the page sitemaps in the order given.
 */
export async function renderIndex(custom: string[], files: { url: string; lastmod?: string }[], settings: SitemapSettings): Promise<string> {
  const lastmod = settings.options.lastmod?.toISOString();
  const xsl = xslUrl(settings);
  const entries = [...custom.map((url) => ({ url, lastmod })), ...files.map((f) => ({ url: f.url, lastmod: f.lastmod }))];
  const stream = new SitemapIndexStream(xsl ? { xslUrl: xsl } : {});
  return (await streamToPromise(Readable.from(entries).pipe(stream))).toString('utf8');
}

/**
 * What the page sitemaps' bytes depend on besides their pages: when it changes, a publish writes every
 * group again (the functions by their source text: a function whose source is unchanged but whose
 * data changed needs `npm run build`).
 */
export function sitemapSettingsKey(settings: SitemapSettings): string {
  const o = settings.options;
  return JSON.stringify({
    format: '@astrojs/sitemap 3.7.4 chunks',
    root: settings.root,
    limit: settings.limit,
    filter: o.filter?.toString(),
    serialize: o.serialize?.toString(),
    changefreq: o.changefreq,
    priority: o.priority,
    lastmod: o.lastmod?.toISOString(),
    xslURL: o.xslURL,
    namespaces: o.namespaces,
    customSitemaps: o.customSitemaps,
  });
}
