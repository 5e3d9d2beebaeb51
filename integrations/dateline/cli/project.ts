// The project the command-line tools work on: astro.config.mjs's Dateline options, resolved with the
// environment overrides exactly as the Astro integration resolves them, and where things live.
import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { integrationOptions } from '../index.ts';
import { readAstroConfig } from './astro-config.ts';
import { resolveConfig, type ResolvedDatelineConfig } from '../options.ts';

export interface Project {
  rootPath: string;
  config: ResolvedDatelineConfig;
  /** Astro options that change the compiled theme's URLs. */
  astro: { base: string; trailingSlash?: string };
  /** The output folder (`dist/`, `DATELINE_OUT_DIR`). */
  outDir: string;
  /** `.dateline/changes.json` (`DATELINE_CHANGES`). */
  changesPath: string;
  /** Where compiled themes are kept (`DATELINE_RENDERER_DIR`). */
  rendererRoot: string;
  /** The archive (in the cache folder). */
  archivePath: string;
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
  return {
    rootPath,
    config,
    astro: { base: config.base, ...(astroConfig.trailingSlash ? { trailingSlash: astroConfig.trailingSlash } : {}) },
    outDir: resolve(rootPath, env.DATELINE_OUT_DIR || 'dist'),
    changesPath: resolve(rootPath, env.DATELINE_CHANGES || join('.dateline', 'changes.json')),
    rendererRoot: resolve(rootPath, env.DATELINE_RENDERER_DIR || join('node_modules', '.cache', 'dateline', 'renderer')),
    archivePath: join(config.cachePath, 'archive.db'),
  };
}
