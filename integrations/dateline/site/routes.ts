// Every route of the site, from the archive: the pages and feeds the renderer draws. A route is a site
// path (no base): `world/2023/08/07/china-russia-…/`, `world/page/3/`, `rss.xml`; `404` is the
// not-found page, written as `404.html`.
import { NOT_FOUND_FILE, photoPath, SEARCH_PATH, SITE_FEED_PATH, sectionFeedPath } from '../urls.ts';
import { photoFiles } from '../pictures/record.ts';
import type { ListKind } from '../archive/articles.ts';
import { listPagePath, type Library } from './library.ts';
import { archivePageCount } from './pagination.ts';

export const NOT_FOUND_ROUTE = '404';

/** The file a route is written to. */
export function routeFile(route: string): string {
  if (route === NOT_FOUND_ROUTE) return NOT_FOUND_FILE;
  return route === '' || route.endsWith('/') ? `${route}index.html` : route;
}

export const isFeed = (route: string) => route.endsWith('rss.xml');

/** Every page of one list: its front and its archive pages. */
export function listRoutes(library: Library, kind: Exclude<ListKind, 'all'>, id: string): string[] {
  const total = library.queries.count(kind, id);
  if (total === 0) return [];
  const pages = archivePageCount(total, library.config.pageSize);
  return Array.from({ length: pages + 1 }, (_, page) => listPagePath(kind, id, page));
}

/** Every route of the site: the archive's, and the theme's pages with fixed addresses (Renderer.themeRoutes). */
export function allRoutes(library: Library, themeRoutes: string[] = []): string[] {
  const routes = [...new Set(['', SEARCH_PATH, NOT_FOUND_ROUTE, SITE_FEED_PATH, ...themeRoutes])];
  for (const { path } of library.queries.allPaths()) routes.push(path);
  for (const slug of library.queries.sectionSlugs()) routes.push(...listRoutes(library, 'section', slug), sectionFeedPath(slug));
  for (const { slug } of library.queries.agencies()) routes.push(...listRoutes(library, 'agency', slug));
  for (const day of library.queries.days()) routes.push(...listRoutes(library, 'day', day));
  return routes;
}

/** What a route is: the parts of its path that pages read. */
export type RouteKind =
  | { kind: 'home' | 'search' | 'not-found' | 'site-feed' }
  | { kind: 'section-feed'; section: string }
  | { kind: 'list'; list: 'section' | 'agency' | 'day'; id: string; page: number }
  | { kind: 'article'; path: string };

export function routeKind(route: string): RouteKind {
  if (route === '') return { kind: 'home' };
  if (route === SEARCH_PATH) return { kind: 'search' };
  if (route === NOT_FOUND_ROUTE) return { kind: 'not-found' };
  if (route === SITE_FEED_PATH) return { kind: 'site-feed' };
  const feed = /^([^/]+)\/rss\.xml$/.exec(route);
  if (feed) return { kind: 'section-feed', section: feed[1]! };
  const paged = /^(.*?)(?:page\/(\d+)\/)?$/.exec(route)!;
  const front = paged[1]!;
  const page = paged[2] === undefined ? 0 : Number(paged[2]);
  const agency = /^agency\/([^/]+)\/$/.exec(front);
  if (agency) return { kind: 'list', list: 'agency', id: agency[1]!, page };
  const day = /^(\d{4}\/\d\d\/\d\d)\/$/.exec(front);
  if (day) return { kind: 'list', list: 'day', id: day[1]!, page };
  const section = /^([^/]+)\/$/.exec(front);
  if (section) return { kind: 'list', list: 'section', id: section[1]!, page };
  return { kind: 'article', path: route };
}

/**
 * A page's sitemap `lastmod`: an article's update (else publication) time; a list page's newest change
 * among the stories it shows; the front page's newest change on the site. None for search and 404.
 */
/** The pictures a route's page shows, for its sitemap entry: an article's photos (largest JPEG each). */
export function routeImages(library: Library, route: string): string[] | undefined {
  const what = routeKind(route);
  if (what.kind !== 'article') return undefined;
  const photos = library.article(what.path)?.photos;
  if (!photos?.length) return undefined;
  return photos.flatMap((photo) => {
    const jpeg = photoFiles(photo, 'responsive', 'jpeg').at(-1);
    return jpeg ? [photoPath(photo.key, jpeg.name)] : [];
  });
}

export function routeLastmod(library: Library, route: string): string | undefined {
  const what = routeKind(route);
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : library.isoInZone(ms));
  switch (what.kind) {
    case 'home':
      return iso(library.queries.newestChange('all', null));
    case 'article': {
      const a = library.article(what.path);
      return a ? (a.modified ?? a.published) : undefined;
    }
    case 'list': {
      const page = library.listPage(what.list, what.id, what.page);
      if (!page) return undefined;
      const newest = Math.max(...page.articles.map((a) => Date.parse(a.modified ?? a.published)));
      return iso(newest);
    }
    default:
      return undefined;
  }
}
