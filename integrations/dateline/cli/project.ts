// The project the command-line tools work on: astro.config.mjs's Dateline options, resolved with the
// environment overrides exactly as the Astro integration resolves them, and where things live
// (../publish/project.ts, which the integration uses with the config Astro hands it in `astro build`).
import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrationOptions } from '../index.ts';
import { projectOf, type Project } from '../publish/project.ts';
import { readAstroConfig } from './astro-config.ts';
import { resolveConfig, type ResolvedDatelineConfig } from '../options.ts';

export async function loadProject(options: { base?: string; command: ResolvedDatelineConfig['command']; env?: NodeJS.ProcessEnv }): Promise<Project> {
  const env = options.env ?? process.env;
  const rootPath = process.cwd();
  const astroConfig = await readAstroConfig(resolve(rootPath, 'astro.config.mjs'));
  const integration = (astroConfig.integrations ?? []).flat(Infinity as 1).find((i) => (i as AstroIntegration)?.name === 'dateline') as
    | AstroIntegration
    | undefined;
  const datelineOptions = integration && integrationOptions.get(integration);
  if (!datelineOptions) throw new Error('no dateline() integration found in astro.config.mjs');
  const base = options.base ?? astroConfig.base ?? '/';
  const config = resolveConfig(
    datelineOptions,
    {
      rootPath,
      site: astroConfig.site,
      base,
      cacheDir: resolve(rootPath, astroConfig.cacheDir ?? join('node_modules', '.astro')),
      command: options.command,
    },
    env,
  );
  const outDir = (astroConfig as { outDir?: string | URL }).outDir;
  return projectOf(config, { trailingSlash: astroConfig.trailingSlash, outDir: outDir instanceof URL ? fileURLToPath(outDir) : (outDir ?? 'dist') }, env);
}
