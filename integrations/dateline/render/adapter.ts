// The renderer: Dateline's pages are Astro pages, built once into a server bundle (Astro's adapter API,
// output 'server') that the publisher keeps loaded and asks for the routes a change affects. A static
// `astro build` cannot build a subset of routes, and its fixed costs (content store, Vite bundle,
// getStaticPaths over every route) grow with the archive; the server bundle depends only on the theme's
// sources, so it is built again only when they change (bundle.ts).
import type { AstroAdapter, AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export const ADAPTER_NAME = 'dateline-renderer';

/**
 * Where `astro build` writes the renderer when it only compiles it (set by `npm run publish` when the
 * theme changed, bundle.ts); without it, `astro build` is the full build (../index.ts).
 */
export const RENDERER_OUT_VARIABLE = 'DATELINE_RENDERER_OUT';

export function rendererAdapter(): AstroAdapter {
  return {
    name: ADAPTER_NAME,
    entrypointResolution: 'auto',
    serverEntrypoint: new URL('./server-entry.ts', import.meta.url),
    // `astro preview` serves the published site in outDir, as `npm run preview` does (../cli/; Astro
    // resolves this path with require.resolve, which takes a path, not a file URL).
    previewEntrypoint: fileURLToPath(new URL('../cli/preview-entry.ts', import.meta.url)),
    supportedAstroFeatures: { staticOutput: 'stable', serverOutput: 'stable', hybridOutput: 'stable', sharpImageService: 'stable' },
  } as AstroAdapter;
}

/** The `adapter` entry of the Astro config (Astro wants an integration there; setAdapter is called by Dateline's own hooks). */
export function rendererAdapterIntegration(): AstroIntegration {
  return { name: ADAPTER_NAME, hooks: {} };
}
