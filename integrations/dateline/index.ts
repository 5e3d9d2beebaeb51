// Dateline: an Astro integration and theme that turns agency wire copy into a static news site.
//
// The pipeline (README "How it works"), a stage to a folder; a module imports from its own stage and
// earlier ones only (tests/foundation/imports-downhill.test.ts):
//  1. formats/  — wire files in, items out (one pure parser per format);
//  2. ingest/, stories/, pictures/, og/ — what the archive keeps of an item: its summary and language,
//                 its story's versions, sections and URL, its pictures' files, its social card;
//  3. archive/  — files, items, stories, published articles and what became of each file, kept in one
//                 SQLite file, updated by what changed;
//  4. site/     — what each page shows (library.ts), every output of the site (routes.ts) and what a
//                 change affects (effects.ts); beside it collections/ (the theme's live collections),
//                 feeds/, sitemaps/, search/, and report/ (the build report);
//  5. render/   — the Astro pages of src/, compiled once into a server bundle and asked for the routes
//                 a change affects;
//  6. publish/  — the publisher writing dist/ (pages, feeds, sitemaps, search, images, _headers) and
//                 .dateline/changes.json; `npm run build` publishes from nothing, `npm run publish`
//                 what changed, `--watch` as files arrive;
//  7. cli/ and this file — the ways in: the command-line tools and the Astro integration.
// At the root, the one place for the options, every URL, every local time and how names are joined:
// options.ts, urls.ts, time.ts, byline-names.ts (any stage imports them).
//
// This file is the Astro side: it validates the publisher's options and makes Astro build the theme as
// the renderer (output 'server' with Dateline's adapter). `astro build` (`npm run build`) is the full
// build: Astro compiles the theme into the renderer folder under its key, and `astro:build:done`
// publishes the whole site with it into Astro's outDir. `astro dev` keeps the archive current as the
// content folder changes; `astro preview` serves the published site (the adapter's preview entry).
import type { AstroIntegration } from 'astro';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseOptions, resolveConfig, type DatelineOptions, type DatelineUserOptions, type ResolvedDatelineConfig } from './options.ts';
import { RENDERER_OUT_VARIABLE, rendererAdapter, rendererAdapterIntegration } from './render/adapter.ts';
import { keepRenderer, rendererKey, rendererPaths } from './render/bundle.ts';
import { devArchivePlugin } from './collections/dev-archive.ts';
import { projectOf, type Project } from './publish/project.ts';

export type { DatelineUserOptions } from './options.ts';

/** The validated options of a `dateline()` integration instance, for the command-line tools. */
export const integrationOptions = new WeakMap<AstroIntegration, DatelineOptions>();

/** A full build's state between Astro's hooks: the project, and the renderer Astro compiles. */
interface FullBuild {
  project: Project;
  key: string;
  /** Where Astro writes the bundle (renamed to the key's folder when it is done). */
  tmp: string;
}

export default function dateline(userOptions: DatelineUserOptions = {}): AstroIntegration {
  const options = parseOptions(userOptions);
  let resolved: ResolvedDatelineConfig;
  let full: FullBuild | undefined;
  let astroCommand: string | undefined;

  const integration: AstroIntegration = {
    name: 'dateline',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, addMiddleware }) => {
        astroCommand = command;
        resolved = resolveConfig(options, {
          rootPath: fileURLToPath(config.root),
          site: config.site,
          base: config.base,
          cacheDir: fileURLToPath(config.cacheDir),
          command,
        });
        // `astro build`: the renderer is compiled into a folder of its own, never into outDir (the
        // publisher writes the site there). With DATELINE_RENDERER_OUT (set by `npm run publish` when the
        // theme changed, render/bundle.ts) Astro only compiles, into that folder; else it is the full
        // build: compiled into a temporary folder beside the renderer of the sources' key, then published.
        let out: string | undefined;
        full = undefined;
        if (command === 'build') {
          const only = process.env[RENDERER_OUT_VARIABLE];
          if (only) out = resolve(resolved.rootPath, only);
          else {
            const project = projectOf(resolved, { trailingSlash: config.trailingSlash, outDir: fileURLToPath(config.outDir) });
            const key = rendererKey(project.rootPath, project.astro);
            out = rendererPaths(project.rendererRoot, key).tmp;
            mkdirSync(project.rendererRoot, { recursive: true });
            rmSync(out, { recursive: true, force: true });
            full = { project, key, tmp: out };
          }
        }
        updateConfig({
          site: resolved.site,
          // Every page is rendered on request by the renderer (the publisher writes them into dist/).
          output: 'server',
          adapter: rendererAdapterIntegration(),
          // The renderer answers routes without the base, which the pages add themselves (src/lib/site.ts):
          // Astro strips the base from a request path more than once, so under `/news/` the section
          // `news` (`/news/news/`) would not be found. Its assets are prefixed with the base instead.
          ...(out
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
          vite: {
            server: { watch: { ignored: ['**/tests/.output/**', '**/bench/.work/**', '**/test-results/**', '**/.dateline/**'] } },
            plugins: [devArchivePlugin(command === 'dev' ? resolved : undefined)],
          },
        });
        // Every page finds the publisher's options in Astro.locals.dateline (collections/locals.ts).
        addMiddleware({ entrypoint: new URL('./collections/middleware.ts', import.meta.url), order: 'pre' });
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter(rendererAdapter());
      },
      'astro:build:done': async () => {
        if (!full) return;
        // The full build: the bundle Astro just compiled becomes the renderer of its key (a later
        // `npm run publish` finds it there), and publishes every route with it.
        const { project, key, tmp } = full;
        const [{ publishOnce }, { failed }, { commandProgress }] = await Promise.all([
          import('./publish/run.ts'),
          import('./cli/fail.ts'),
          import('./publish/progress.ts'),
        ]);
        // the lines go through console.log, each clearing the progress line a terminal shows first
        let progress: ReturnType<typeof commandProgress> | undefined;
        let code: number;
        try {
          progress = commandProgress();
          // A bundle already kept for the key was built from the same sources: it stays (another
          // process may be loading it), and this one goes.
          const dir = keepRenderer({ rootPath: project.rootPath, rendererRoot: project.rendererRoot, key, tmp, replace: false });
          // since this process started, as `npm run publish` times its `astro build` (the publisher
          // says `theme compiled in … s`)
          const milliseconds = Math.round(performance.now());
          code = await publishOnce(project, {
            command: process.env.npm_lifecycle_event === 'build' ? 'npm run build' : 'astro build',
            full: true,
            // `npm run build -- --no-wait` (Astro leaves flags it does not know alone)
            waitMs: process.argv.includes('--no-wait') ? 0 : 60_000,
            log: progress.log,
            progress: progress.reporter.progress,
            bundle: { dir, key, built: true, milliseconds },
          });
        } catch (error) {
          progress?.reporter.end();
          code = failed(error);
        }
        progress?.reporter.end();
        // Astro's command ends with exit status 0 whatever a hook says: a build that failed ends here
        // (strict mode with rejected files: 1; another publisher running: 75).
        if (code !== 0) process.exit(code);
      },
      'astro:server:setup': async ({ logger }) => {
        // `astro dev`: the archive in the cache folder, kept current as wire files come and go. (Astro
        // also starts a server to sync content in `astro build`, where it would only read the folder twice.)
        // The publisher is imported here, not with the config: a config that fails to load (a mistyped
        // option) is loaded again by Vite, whose analysis would warn about the publisher's dynamic
        // imports above the config's own message.
        if (astroCommand !== 'dev') return;
        const { startDevArchive } = await import('./publish/dev.ts');
        await startDevArchive(resolved, logger);
      },
      'astro:server:done': async () => {
        if (astroCommand !== 'dev') return;
        const { stopDevArchive } = await import('./publish/dev.ts');
        stopDevArchive();
      },
    },
  };
  integrationOptions.set(integration, options);
  return integration;
}
