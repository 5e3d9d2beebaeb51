// The project the command-line tools work on: astro.config.mjs's Dateline options, resolved with the
// environment overrides exactly as the Astro integration resolves them, and where things live. The
// integration builds the same description from the config Astro hands it (`astro build`, index.ts).
import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrationOptions } from '../index.ts';
import { readAstroConfig } from './astro-config.ts';
import { resolveConfig, type ResolvedDatelineConfig } from '../options.ts';

export interface Project {
  rootPath: string;
  config: ResolvedDatelineConfig;
  /** Astro options that change the compiled theme's URLs (trailingSlash as Astro resolves it: 'ignore' when unset). */
  astro: { base: string; trailingSlash: string };
  /** The output folder: Astro's `outDir` (`dist/` unless configured), or `DATELINE_OUT_DIR`. */
  outDir: string;
  /** `.dateline/changes.json` (`DATELINE_CHANGES`). */
  changesPath: string;
  /** Where compiled themes are kept (`DATELINE_RENDERER_DIR`). */
  rendererRoot: string;
  /** The archive (in the cache folder). */
  archivePath: string;
}

/**
 * The project from its resolved options. `astroOutDir`: Astro's outDir (absolute), where the site goes
 * unless `DATELINE_OUT_DIR` says otherwise.
 */
export function projectOf(config: ResolvedDatelineConfig, astro: { trailingSlash?: string; outDir: string }, env: NodeJS.ProcessEnv = process.env): Project {
  const rootPath = config.rootPath;
  return {
    rootPath,
    config,
    astro: { base: config.base, trailingSlash: astro.trailingSlash ?? 'ignore' },
    outDir: env.DATELINE_OUT_DIR ? resolve(rootPath, env.DATELINE_OUT_DIR) : resolve(rootPath, astro.outDir),
    changesPath: resolve(rootPath, env.DATELINE_CHANGES || join('.dateline', 'changes.json')),
    rendererRoot: resolve(rootPath, env.DATELINE_RENDERER_DIR || join('node_modules', '.cache', 'dateline', 'renderer')),
    archivePath: join(config.cachePath, 'archive.db'),
  };
}

export async function loadProject(options: { base?: string; command: ResolvedDatelineConfig['command']; env?: NodeJS.ProcessEnv }): Promise<Project> {
  const env = options.env ?? process.env;
  const rootPath = process.cwd();
  const astroConfig = await readAstroConfig(resolve(rootPath, 'astro.config.mjs'));
  const integration = (astroConfig.integrations ?? []).flat(Infinity as 1).find((i) => (i as AstroIntegration)?.name === 'dateline') as AstroIntegration | undefined;
  const datelineOptions = integration && integrationOptions.get(integration);
  if (!datelineOptions) throw new Error('no dateline() integration found in astro.config.mjs');
  const base = options.base ?? astroConfig.base ?? '/';
  const config = resolveConfig(datelineOptions, {
    rootPath,
    site: astroConfig.site,
    base,
    cacheDir: resolve(rootPath, astroConfig.cacheDir ?? join('node_modules', '.astro')),
    command: options.command,
  }, env);
  const outDir = (astroConfig as { outDir?: string | URL }).outDir;
  return projectOf(config, { trailingSlash: astroConfig.trailingSlash, outDir: outDir instanceof URL ? fileURLToPath(outDir) : (outDir ?? 'dist') }, env);
}
