// The Google News sitemap: articles published in the 48 hours before the build's "now", at most 1,000
// URLs per file (Google's limits), with publication name and language, title and publication time.
// Written by hand rather than through @astrojs/sitemap, whose chunks share one size limit with the
// page sitemaps and cannot be restricted to a time window per file; the index lists its files as
// @astrojs/sitemap lists `customSitemaps` (sitemaps/pages.ts).
import type { ArticleRecord } from '../archive/records.ts';
import { absoluteUrl } from '../urls.ts';
import { escapeXml } from './xml.ts';

export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_URLS_PER_FILE = 1000;

/** The instant an article last changed: its update time, else its publication time. */
export function lastChange(article: Pick<ArticleRecord, 'published' | 'modified'>): { ms: number; iso: string } {
  const iso = article.modified ?? article.published;
  return { ms: Date.parse(iso), iso };
}

/** Articles of the news window, newest first: published after now − 48 h and not after now. */
export function newsWindow(articles: ArticleRecord[], now: Date): ArticleRecord[] {
  const end = now.getTime();
  const start = end - NEWS_WINDOW_MS;
  return articles.filter((a) => a.timestamp > start && a.timestamp <= end).sort((a, b) => b.timestamp - a.timestamp || (a.path < b.path ? -1 : 1));
}

/**
 * Google News wants an ISO 639 code, except `zh-cn` / `zh-tw` for Chinese scripts; the schema allows
 * only `xx`, `xxx` or `xx-yy`.
 */
export function newsLanguage(language: string): string {
  const tag = language.toLowerCase();
  const primary = tag.split('-')[0]!;
  if (primary === 'zh') return /-(hant|tw|hk|mo)\b/.test(tag) ? 'zh-tw' : 'zh-cn';
  return primary;
}

export interface NewsSitemapOptions {
  site: string;
  base: string;
  publicationName: string;
  language: string;
}

export function renderNewsSitemap(articles: ArticleRecord[], options: NewsSitemapOptions): string {
  // Each story in its own language (a dpa story in German on an English site).
  const publication = (a: ArticleRecord) =>
    `<news:publication><news:name>${escapeXml(options.publicationName)}</news:name>` +
    `<news:language>${escapeXml(newsLanguage(a.language ?? options.language))}</news:language></news:publication>`;
  const urls = articles.map(
    (a) =>
      `<url><loc>${escapeXml(absoluteUrl(options.site, options.base, a.path))}</loc>` +
      `<lastmod>${lastChange(a).iso}</lastmod>` +
      `<news:news>${publication(a)}<news:publication_date>${a.published}</news:publication_date>` +
      `<news:title>${escapeXml(a.headline)}</news:title></news:news></url>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
    urls.join('\n') +
    '\n</urlset>\n'
  );
}

export interface NewsSitemapFile {
  name: string;
  xml: string;
  /** Newest change among its URLs (ISO instant). */
  lastmod: string;
}

/**
 * `sitemap-news-0.xml`, `sitemap-news-1.xml`, … for the news window (newest first). None when the window
 * is empty: a sitemap must hold at least one URL.
 */
export function newsSitemapFiles(recent: ArticleRecord[], options: NewsSitemapOptions): NewsSitemapFile[] {
  const files: NewsSitemapFile[] = [];
  for (let i = 0; i * NEWS_URLS_PER_FILE < recent.length; i++) {
    const chunk = recent.slice(i * NEWS_URLS_PER_FILE, (i + 1) * NEWS_URLS_PER_FILE);
    const newest = chunk.map(lastChange).reduce((a, b) => (b.ms > a.ms ? b : a));
    files.push({ name: `sitemap-news-${i}.xml`, xml: renderNewsSitemap(chunk, options), lastmod: newest.iso });
  }
  return files;
}
