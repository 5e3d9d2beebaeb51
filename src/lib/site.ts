// URL helpers for pages: site paths from integrations/dateline/urls.ts, under Astro's base.
import config from 'virtual:dateline/config';
import { absoluteUrl, withBase } from '../../integrations/dateline/urls.ts';

/** Root-relative href under the base: `href('world/')` → `/news/world/`. */
export const href = (path: string) => withBase(config.base, path);

/** Absolute URL for canonical links, feeds and social tags. */
export const absolute = (path: string) => absoluteUrl(config.site, config.base, path);

export { config };
