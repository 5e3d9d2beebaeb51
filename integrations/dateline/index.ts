// Dateline: an Astro integration and theme that turns agency wire copy into a static news site.
//
// The pipeline (README "How it works"):
//  1. formats/  — wire files in, items out (one pure parser per format);
//  2. archive/  — files, items, stories and published articles kept in one SQLite file, updated by
//                 what changed (ingest/, stories/ decide versions, sections and URLs);
//  3. site/     — what each page shows (library.ts), every output of the site (routes.ts) and what a
//                 change affects (effects.ts);
//  4. render/   — the Astro pages of src/, compiled once into a server bundle and asked for the routes
//                 a change affects;
//  5. publish/  — the publisher writing dist/ (pages, feeds, sitemaps, search, images, _headers) and
//                 .dateline/changes.json; `npm run build` publishes from nothing, `npm run publish`
//                 what changed, `--watch` as files arrive.
//
// This file is the Astro side: it validates the publisher's options, makes Astro build the theme as
// the renderer (output 'server' with Dateline's adapter), and in `astro dev` keeps the archive current
// as the content folder changes.
import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseOptions, resolveConfig, type DatelineOptions, type DatelineUserOptions, type ResolvedDatelineConfig } from './options.ts';
import { RENDERER_OUT_VARIABLE, rendererAdapter, rendererAdapterIntegration } from './render/adapter.ts';
import { startDevArchive, stopDevArchive } from './publish/dev.ts';

export type { DatelineUserOptions } from './options.ts';

/** The validated options of a `dateline()` integration instance, for the command-line tools. */
export const integrationOptions = new WeakMap<AstroIntegration, DatelineOptions>();

export default function dateline(userOptions: DatelineUserOptions = {}): AstroIntegration {
  const options = parseOptions(userOptions);
  let resolved: ResolvedDatelineConfig;

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
        const out = resolve(resolved.rootPath, process.env[RENDERER_OUT_VARIABLE] ?? join(resolved.cachePath, 'renderer', 'astro-build'));
        updateConfig({
          site: resolved.site,
          // Every page is rendered on request by the renderer (the publisher writes them into dist/).
          output: 'server',
          adapter: rendererAdapterIntegration(),
          // `astro build` compiles the renderer (render/bundle.ts), never into dist/: the publisher writes that.
          // The renderer answers routes without the base, which the pages add themselves (src/lib/site.ts):
          // Astro strips the base from a request path more than once, so under `/news/` the section
          // `news` (`/news/news/`) would not be found. Its assets are prefixed with the base instead.
          ...(command === 'build'
            ? {
                outDir: pathToFileURL(`${out}/`),
                base: '/',
                build: {
                  client: pathToFileURL(`${out}/client/`),
                  server: pathToFileURL(`${out}/server/`),
                  ...(resolved.base === '/' ? {} : { assetsPrefix: resolved.base.replace(/\/$/, '') }),
                },
              }
            : {}),
          ...(process.env.DATELINE_CACHE_DIR ? { cacheDir: pathToFileURL(`${resolve(resolved.rootPath, process.env.DATELINE_CACHE_DIR)}/`) } : {}),
          // Test and benchmark builds write inside the project; the dev server must not reload for them.
          vite: { server: { watch: { ignored: ['**/tests/.output/**', '**/bench/.work/**', '**/test-results/**', '**/.dateline/**'] } } },
        });
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter(rendererAdapter());
      },
      'astro:server:setup': async ({ logger }) => {
        // `astro dev`: the archive in the cache folder, kept current as wire files come and go.
        await startDevArchive(resolved, logger);
      },
      'astro:server:done': () => {
        stopDevArchive();
      },
    },
  };
  integrationOptions.set(integration, options);
  return integration;
}
