// The site a page belongs to: the publisher's options (from Astro.locals, set by the integration for
// every request) and the helpers that depend on them. One compiled theme serves any content folder,
// site URL or "now": nothing here is fixed when the theme is built.
//
//   const site = siteOf(Astro.locals);
//   <a href={site.href(sectionPath('world'))}>
import type { ResolvedDatelineConfig } from '@dateline/options.ts';
import { absoluteUrl, withBase } from '@dateline/urls.ts';
import { languageDirection } from '@dateline/ingest/script-language.ts';

export interface Site {
  config: ResolvedDatelineConfig;
  /** Root-relative href under the base: `href('world/')` → `/news/world/`. */
  href(path: string): string;
  /** Absolute URL for canonical links, feeds and social tags. */
  absolute(path: string): string;
  /** The language of a page: its story's (declared, or told from its letters), else the site's. */
  pageLanguage(article?: { language?: string | undefined }): string;
  /**
   * `lang` (and `dir`) for the site's own words (navigation, byline, footer) on a page in another
   * language than the site's: an Urdu story's page is `lang="ur" dir="rtl"`, its English navigation
   * `lang="en" dir="ltr"`. Nothing on the site's own pages.
   */
  chromeAttrs(article?: { language?: string | undefined }): { lang?: string; dir?: 'ltr' | 'rtl' };
}

export function siteOf(locals: App.Locals): Site {
  const config = locals.dateline.config;
  const pageLanguage = (article?: { language?: string | undefined }) => article?.language ?? config.language;
  return {
    config,
    href: (path) => withBase(config.base, path),
    absolute: (path) => absoluteUrl(config.site, config.base, path),
    pageLanguage,
    chromeAttrs(article) {
      const page = pageLanguage(article);
      if (page === config.language) return {};
      const own = languageDirection(config.language);
      return languageDirection(page) === own ? { lang: config.language } : { lang: config.language, dir: own };
    },
  };
}
