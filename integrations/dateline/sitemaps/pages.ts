// The page sitemaps, written by Dateline itself rather than by @astrojs/sitemap. @astrojs/sitemap sorts
// every URL of the site and cuts the list every `entryLimit` URLs, so one new story moves every file
// boundary behind it and a publish must sort and write all of them again; its `chunks` option groups
// URLs with an `Array.includes` over all of them (quadratic). Measured in the issue note. Here the
// URLs are grouped so that a publish rewrites only the files its pages are in:
//   sitemap-articles-YYYY-MM.xml   the articles of one local month;
//   sitemap-days-YYYY.xml          the day archives of one year;
//   sitemap-lists.xml              the front page, search, and every section and agency page.
// A group over `sitemapLimit` URLs continues in `…-2.xml`, `…-3.xml`. URLs are in path order; each has
// the `lastmod` of the page (its story's update or publication time; a list page's newest story), and
// an article's pictures as `image:image` (Google's image extension).
import { escapeXml } from './xml.ts';

const urlsetOpen = (images: boolean) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${images ? ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"' : ''}>\n`;

export interface SitemapPage {
  /** Site path without base. */
  path: string;
  /** ISO instant, when the page has one. */
  lastmod?: string;
  /** Site paths of the pictures the page shows (`image:image`). */
  images?: string[];
}

/** The group a page's URL is listed in (without `.xml`). */
export function sitemapGroup(path: string): string {
  const article = /^[^/]+\/(\d{4})\/(\d\d)\/\d\d\/[^/]+\/$/.exec(path);
  if (article) return `sitemap-articles-${article[1]}-${article[2]}`;
  const day = /^(\d{4})\/\d\d\/\d\d\/(?:page\/\d+\/)?$/.exec(path);
  if (day) return `sitemap-days-${day[1]}`;
  return 'sitemap-lists';
}

export const isPageSitemap = (file: string) => /^sitemap-(?:articles-\d{4}-\d\d|days-\d{4}|lists)(?:-\d+)?\.xml$/.test(file);

export interface SitemapFile {
  /** File name in the output folder's root. */
  name: string;
  xml: string;
  /** Newest lastmod among its URLs. */
  lastmod?: string;
}

/** The files of one group (pages in any order); `url` makes a page's absolute URL. */
export function renderGroup(group: string, pages: SitemapPage[], limit: number, url: (path: string) => string): SitemapFile[] {
  const ordered = [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: SitemapFile[] = [];
  for (let i = 0; i * limit < ordered.length; i++) {
    const chunk = ordered.slice(i * limit, (i + 1) * limit);
    const body = chunk
      .map((p) => {
        const images = (p.images ?? []).map((image) => `<image:image><image:loc>${escapeXml(url(image))}</image:loc></image:image>`).join('');
        return `<url><loc>${escapeXml(url(p.path))}</loc>${p.lastmod ? `<lastmod>${p.lastmod}</lastmod>` : ''}${images}</url>`;
      })
      .join('\n');
    const lastmod = chunk.reduce<string | undefined>((max, p) => (p.lastmod && (!max || Date.parse(p.lastmod) > Date.parse(max)) ? p.lastmod : max), undefined);
    files.push({ name: `${group}${i === 0 ? '' : `-${i + 1}`}.xml`, xml: `${urlsetOpen(chunk.some((p) => p.images?.length))}${body}\n</urlset>\n`, ...(lastmod ? { lastmod } : {}) });
  }
  return files;
}

/** `sitemap-index.xml`: every sitemap file, by name, with its newest lastmod. */
export function renderIndex(files: { url: string; lastmod?: string }[]): string {
  const entries = files.map((f) => `<sitemap><loc>${escapeXml(f.url)}</loc>${f.lastmod ? `<lastmod>${f.lastmod}</lastmod>` : ''}</sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}
