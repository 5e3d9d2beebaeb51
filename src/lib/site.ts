// The publisher's resolved options and URL helpers for pages. The options come with the archive the
// publisher (or the dev server) hands the renderer, so one compiled theme serves any content folder,
// site URL or "now" without being built again.
import type { ResolvedDatelineConfig } from '../../integrations/dateline/options.ts';
import { getLibrary } from '../../integrations/dateline/site/library.ts';
import { absoluteUrl, withBase } from '../../integrations/dateline/urls.ts';

export const config = new Proxy({} as ResolvedDatelineConfig, {
  get: (_target, key) => getLibrary().config[key as keyof ResolvedDatelineConfig],
});

/** Root-relative href under the base: `href('world/')` → `/news/world/`. */
export const href = (path: string) => withBase(config.base, path);

/** Absolute URL for canonical links, feeds and social tags. */
export const absolute = (path: string) => absoluteUrl(config.site, config.base, path);
