// The `sitemap` options of tests/seo/sitemap-options.test.ts: its project's astro.config.mjs gives them to
// dateline(), and the test gives the same functions to @astrojs/sitemap.
import type { SitemapItem, SitemapOptions } from '../../integrations/dateline/options.ts';

export const SITE = 'https://news.example.org';
export const CUSTOM_SITEMAP = 'https://archive.example.org/sitemap-index.xml';

export const SITEMAP_OPTIONS: SitemapOptions = {
  // no agency pages
  filter: (url) => !url.includes('/agency/'),
  // no search page; the March articles weigh more and change more often
  serialize: async (item) => {
    if (item.url.endsWith('/search/')) return undefined;
    if (/\/2024\/03\/\d\d\/[^/]+\/$/.test(item.url)) return { ...item, priority: 0.9, changefreq: 'hourly' } as SitemapItem;
    return item;
  },
  changefreq: 'daily',
  priority: 0.5,
  lastmod: new Date('2024-01-01T00:00:00Z'),
  xslURL: '/sitemap.xsl',
  namespaces: { video: false, xhtml: false },
  customSitemaps: [CUSTOM_SITEMAP],
};
