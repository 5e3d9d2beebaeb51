// Where a Dateline project keeps things, from its resolved options: the output folder (Astro's outDir,
// or DATELINE_OUT_DIR), the changes file, the compiled themes and the archive. The Astro integration
// (../index.ts, `astro build`) and the command-line tools (../cli/project.ts) describe a project alike;
// the publisher works on one. It imports only node:path: index.ts loads it with astro.config.mjs.
import { join, resolve } from 'node:path';
import type { ResolvedDatelineConfig } from '../options.ts';

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
 * The project from its resolved options. `astro.outDir`: Astro's outDir (absolute, or relative to the
 * root), where the site goes unless `DATELINE_OUT_DIR` says otherwise.
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
