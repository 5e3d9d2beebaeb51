// The publisher's resolved options and URL helpers for pages. The options come with the archive the
// publisher (or the dev server) hands the renderer, so one compiled theme serves any content folder,
// site URL or "now" without being built again.
import type { ResolvedDatelineConfig } from '../../integrations/dateline/options.ts';
import { getLibrary } from '../../integrations/dateline/site/library.ts';
import { absoluteUrl, withBase } from '../../integrations/dateline/urls.ts';
import { languageDirection } from '../../integrations/dateline/script-language.ts';

export const config = new Proxy({} as ResolvedDatelineConfig, {
  get: (_target, key) => getLibrary().config[key as keyof ResolvedDatelineConfig],
});

/** Root-relative href under the base: `href('world/')` → `/news/world/`. */
export const href = (path: string) => withBase(config.base, path);

/** Absolute URL for canonical links, feeds and social tags. */
export const absolute = (path: string) => absoluteUrl(config.site, config.base, path);

/** The language of a page: its story's (declared, or told from its letters), else the site's. */
export const pageLanguage = (article?: { language?: string }) => article?.language ?? config.language;

/**
 * `lang` (and `dir`) for the site's own words (navigation, byline, footer) on a page in another language
 * than the site's: an Urdu story's page is `lang="ur" dir="rtl"`, its English navigation `lang="en"
 * dir="ltr"`. Nothing on the site's own pages.
 */
export function chromeAttrs(article?: { language?: string }): { lang?: string; dir?: 'ltr' | 'rtl' } {
  const page = pageLanguage(article);
  if (page === config.language) return {};
  const site = languageDirection(config.language);
  return languageDirection(page) === site ? { lang: config.language } : { lang: config.language, dir: site };
}
