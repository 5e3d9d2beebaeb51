// The Vite plugin behind `virtual:dateline/dev-archive` (collections/archive.ts): under `astro dev`, the
// path of the dev server's archive and the options it was kept with, so the theme's loaders can open it
// (the dev server renders pages in Vite's module runner, which shares no module with the integration);
// null in a renderer bundle, where the publisher attaches its library.
import { join } from 'node:path';
import type { ResolvedDatelineConfig } from '../options.ts';

const ID = 'virtual:dateline/dev-archive';
const RESOLVED = `\0${ID}`;

/** Where the dev server keeps its archive (publish/dev.ts). */
export const devArchivePath = (config: ResolvedDatelineConfig) => join(config.cachePath, 'dev.db');

export function devArchivePlugin(dev: ResolvedDatelineConfig | undefined) {
  // options that are functions (a sitemap filter) do not cross as JSON; pages do not read them
  const value = dev ? { path: devArchivePath(dev), config: { ...dev, ogImages: false } } : null;
  return {
    name: 'dateline:dev-archive',
    resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
    load: (id: string) => (id === RESOLVED ? `export default ${JSON.stringify(value)};` : undefined),
  };
}
