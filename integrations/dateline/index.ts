// Dateline: an Astro integration that turns wire articles into a static news site.
//
//  1. validate the publisher's options (options.ts), apply environment overrides;
//  2. expose the resolved options to pages and the content config (`virtual:dateline/config`), turn on
//     incremental page builds, add the sitemap integrations (sitemaps/);
//  3. the content loader (loader.ts) parses wire files, decides URLs, prepares social images and
//     writes the build report;
//  4. while pages render: the search index (search/); after the build: search shards and social image
//     files placed, `_headers` (deploy-headers.ts), and the summary.
import type { AstroIntegration } from 'astro';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getBuildState } from './build-state.ts';
import { parseOptions, resolveConfig, type DatelineOptions, type DatelineUserOptions, type ResolvedDatelineConfig } from './options.ts';
import { summarize } from './report.ts';
import { SITEMAP_INTEGRATION, sitemapIntegrations } from './sitemaps/index.ts';
import { describeSearchIndex, placeSearchIndex, startSearchIndex } from './search/build.ts';
import { linkOrCopy } from './link-files.ts';
import { staleOutputIntegration } from './stale-output.ts';
import { writeDeployHeaders } from './deploy-headers.ts';

export type { DatelineUserOptions } from './options.ts';
export { datelineLoader } from './loader.ts';

const VIRTUAL_CONFIG = 'virtual:dateline/config';

/** The validated options of a `dateline()` integration instance, for `npm run validate`. */
export const integrationOptions = new WeakMap<AstroIntegration, DatelineOptions>();

export default function dateline(userOptions: DatelineUserOptions = {}): AstroIntegration {
  const options = parseOptions(userOptions);
  let resolved: ResolvedDatelineConfig;
  let buildStarted = 0;

  const integration: AstroIntegration = {
    name: 'dateline',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        resolved = resolveConfig(options, {
          rootPath: fileURLToPath(config.root),
          site: config.site,
          base: config.base,
          cacheDir: fileURLToPath(config.cacheDir),
          command,
        });
        const env = process.env;
        // Page sitemaps (unless the publisher configured @astrojs/sitemap), news sitemap, robots.txt.
        const hasSitemap = config.integrations.some((i) => i.name === SITEMAP_INTEGRATION);
        updateConfig({
          site: resolved.site,
          // Pages return a cacheKey covering everything they show (src/lib/cache-key.ts): an
          // unchanged page is restored from the cache instead of rendered again.
          experimental: { incrementalBuild: true },
          // Rendering a page mostly waits on file writes (page + incremental cache copy); several pages
          // in flight keep both cores busy (2,000 articles: page generation 12.6 s → 8.3 s). Kept if
          // the publisher set their own value.
          ...(config.build.concurrency === 1 ? { build: { concurrency: 8 } } : {}),
          // Last: after every other integration has written its files, remove what this build did not.
          integrations: [
            ...sitemapIntegrations(resolved, !hasSitemap),
            staleOutputIntegration(() => buildStarted, () => getBuildState()?.outputFiles.keys() ?? []),
          ],
          ...(env.DATELINE_OUT_DIR ? { outDir: pathToFileURL(`${resolve(resolved.rootPath, env.DATELINE_OUT_DIR)}/`) } : {}),
          ...(env.DATELINE_CACHE_DIR ? { cacheDir: pathToFileURL(`${resolve(resolved.rootPath, env.DATELINE_CACHE_DIR)}/`) } : {}),
          vite: {
            // The output folder is kept between builds, so Astro leaves unchanged pages in place instead of
            // copying 10,000 of them back from its cache; stale files are removed after the build
            // (stale-output.ts). Kept if the publisher set their own value.
            ...(config.vite?.build?.emptyOutDir === undefined ? { build: { emptyOutDir: false } } : {}),
            plugins: [
              {
                name: 'dateline:config',
                resolveId: (id: string) => (id === VIRTUAL_CONFIG ? `\0${VIRTUAL_CONFIG}` : undefined),
                load: (id: string) => (id === `\0${VIRTUAL_CONFIG}` ? `export default ${JSON.stringify(resolved)};` : undefined),
              },
            ],
          },
        });
      },

      'astro:build:start': () => {
        buildStarted = Date.now();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const state = getBuildState();
        const waitStarted = performance.now();
        const index = await (state?.search ?? startSearchIndex([], resolved));
        placeSearchIndex(outDir, index);
        // How long the build waited for search after the pages were done: 0 when indexing kept up.
        logger.info(`${describeSearchIndex(index)}, waited ${Math.round(performance.now() - waitStarted)} ms after the pages`);
        writeDeployHeaders(outDir, resolved.base, join(resolved.cachePath, 'inline-sources.json'));
        if (!state) return;
        for (const [sitePath, cached] of state.outputFiles) linkOrCopy(cached, join(outDir, sitePath));
        for (const line of [...summarize(state.report), ...state.notes]) logger.info(line);
        logger.info(`report: ${relative(process.cwd(), resolved.reportPath) || resolved.reportPath}`);
      },
    },
  };
  integrationOptions.set(integration, options);
  return integration;
}
