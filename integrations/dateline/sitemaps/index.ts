// Sitemaps and robots.txt. Page sitemaps come from @astrojs/sitemap (added here unless the publisher
// already configured it), with `lastmod` per URL from the articles and the publisher's size limit;
// after it has written its index, a second small integration writes the Google News sitemaps, lists
// them in the index, and writes robots.txt. Both read the articles the loader left in the build state
// (sitemap callbacks run in `astro:build:done`, where the collection cannot be queried).
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { getBuildState } from '../build-state.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import { absoluteUrl } from '../urls.ts';
import { addToSitemapIndex, SITEMAP_INDEX } from './index-file.ts';
import { buildLastmodLookup, type LastmodLookup } from './lastmod.ts';
import { writeNewsSitemaps } from './news.ts';
import { writeRobots } from './robots.ts';

export const SITEMAP_INTEGRATION = '@astrojs/sitemap';

/** Integrations to append to the config: @astrojs/sitemap (when `addPageSitemaps`), then ours. */
export function sitemapIntegrations(config: ResolvedDatelineConfig, addPageSitemaps: boolean): AstroIntegration[] {
  const root = absoluteUrl(config.site, config.base, '');
  let lookup: LastmodLookup | undefined;
  // Built on first use: serialize() runs in astro:build:done, after the loader filled the state.
  const lastmodOf = (url: string) => {
    lookup ??= buildLastmodLookup(getBuildState()?.articles ?? [], config.timeZone);
    return url.startsWith(root) ? lookup(url.slice(root.length)) : undefined;
  };

  const pages = sitemap({
    entryLimit: config.sitemapLimit,
    // Only the namespaces we use, so the files stay small and validate against the plain schemas.
    namespaces: { news: false, video: false, xhtml: false, image: false },
    serialize: (item) => {
      const lastmod = lastmodOf(item.url);
      return lastmod ? { ...item, lastmod } : item;
    },
  });

  let publicDir = '';
  const news: AstroIntegration = {
    name: 'dateline:news-sitemap',
    hooks: {
      'astro:config:done': ({ config: astroConfig }) => {
        publicDir = fileURLToPath(astroConfig.publicDir);
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const state = getBuildState();
        if (!state?.articles) {
          logger.warn('no articles from the dateline loader: news sitemap skipped (is datelineLoader() used in content.config.ts?)');
        } else {
          // The loader's "now" (the report's), so the window matches what was published.
          const now = new Date(state.report.generatedAt);
          const written = writeNewsSitemaps(outDir, state.articles, now, {
            site: config.site,
            base: config.base,
            publicationName: config.publicationName,
            language: config.language,
          });
          addToSitemapIndex(outDir, written);
          logger.info(
            written.length
              ? `news sitemap: ${written.length} file(s) of articles from the last 48 hours`
              : 'news sitemap: no article in the last 48 hours, none written',
          );
        }
        writeRobots(outDir, publicDir, absoluteUrl(config.site, config.base, SITEMAP_INDEX));
      },
    },
  };
  return addPageSitemaps ? [pages, news] : [news];
}
