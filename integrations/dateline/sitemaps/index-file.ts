// Adds sitemaps Dateline writes itself (the news sitemaps) to the sitemap index @astrojs/sitemap wrote,
// or writes an index when there is none (no HTML pages, or a user-configured sitemap with another name).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenSitemap } from './news.ts';
import { escapeXml } from './xml.ts';

export const SITEMAP_INDEX = 'sitemap-index.xml';

const entry = (s: WrittenSitemap) => `<sitemap><loc>${escapeXml(s.url)}</loc><lastmod>${s.lastmod}</lastmod></sitemap>`;

export function addToSitemapIndex(outDir: string, sitemaps: WrittenSitemap[]): void {
  if (sitemaps.length === 0) return;
  const path = join(outDir, SITEMAP_INDEX);
  const entries = sitemaps.map(entry).join('');
  if (existsSync(path)) {
    const index = readFileSync(path, 'utf8');
    const close = index.lastIndexOf('</sitemapindex>');
    if (close === -1) throw new Error(`${path} is not a sitemap index (no </sitemapindex>)`);
    writeFileSync(path, `${index.slice(0, close)}${entries}${index.slice(close)}`);
    return;
  }
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</sitemapindex>\n`,
  );
}
