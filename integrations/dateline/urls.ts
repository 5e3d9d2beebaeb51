// Every URL Dateline makes is decided here: article, section, agency and archive paths, all relative
// to the site root without the base (`world/2023/08/07/china-russia-…/`). Pages add Astro's `base`
// with `withBase()`, feeds and tags make them absolute with `absoluteUrl()`.
import slugify from '@sindresorhus/slugify';
import { createHash } from 'node:crypto';

/** Short stable hash (hex) used where a name slugifies to nothing or collides. */
export function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * First-level names the site itself uses; a section slug equal to one of these (or a bare number,
 * which would clash with the `/{yyyy}/` date archives) gets a `-section` suffix.
 */
const RESERVED_TOP_LEVEL = new Set(['og', 'photos', 'page', 'agency', '404', 'pagefind', 'search', 'rss', 'sitemap', 'robots', 'astro', 'favicon', 'fonts']);

const MAX_SLUG_LENGTH = 80;

/** Slug of a name, transliterated to ASCII (`Culture & Heritage` → `culture-and-heritage`), may be ''. */
function baseSlug(name: string): string {
  const slug = slugify(name, { decamelize: false });
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/**
 * Slug of a section name. Always a single safe path segment whatever the input (`../x`, `&`, Urdu,
 * CJK): only [a-z0-9-], never empty, never a reserved top-level name.
 */
export function sectionSlug(name: string): string {
  const slug = baseSlug(name);
  if (!slug) return `section-${shortHash(name)}`;
  if (RESERVED_TOP_LEVEL.has(slug) || /^\d+$/.test(slug)) return `${slug}-section`;
  return slug;
}

/** Slug of an agency or desk name for `/agency/{slug}/`. */
export function agencySlug(name: string): string {
  return baseSlug(name) || `agency-${shortHash(name)}`;
}

/** Slug of a headline; a headline with no Latin transliteration gets `story-{hash}`. */
export function headlineSlug(headline: string): string {
  const slug = baseSlug(headline);
  return slug || `story-${shortHash(headline)}`;
}

export function articlePath(section: string, date: { yyyy: string; mm: string; dd: string }, slug: string): string {
  return `${section}/${date.yyyy}/${date.mm}/${date.dd}/${slug}/`;
}

/** A list's front page (`page` 0) or archive page `page` (numbered from the oldest, site/pagination.ts). */
const listPage = (front: string, page: number) => (page > 0 ? `${front}page/${page}/` : front);
export const sectionPath = (slug: string, page = 0) => listPage(`${slug}/`, page);
export const agencyPath = (slug: string, page = 0) => listPage(`agency/${slug}/`, page);
/** A day archive, by its local date or its `yyyy/mm/dd` key. */
export const dayArchivePath = (d: { yyyy: string; mm: string; dd: string } | string, page = 0) =>
  listPage(typeof d === 'string' ? `${d}/` : `${d.yyyy}/${d.mm}/${d.dd}/`, page);
/** Site path of page `page` of a list (0 = its front page). */
export const listPagePath = (kind: 'section' | 'agency' | 'day', id: string, page: number) =>
  kind === 'section' ? sectionPath(id, page) : kind === 'agency' ? agencyPath(id, page) : dayArchivePath(id, page);
export const sectionFeedPath = (slug: string) => `${slug}/rss.xml`;
export const SITE_FEED_PATH = 'rss.xml';
export const SEARCH_PATH = 'search/';
/** The site's icon, from public/. */
export const FAVICON_PATH = 'favicon.svg';
/** The folder of every derived picture file: content-addressed, shared by stories and versions, served immutable. */
export const PHOTOS_DIR = 'photos/';
/** A derived picture file (`photos/3f9a…/w800.webp`). */
export const photoPath = (key: string, name: string) => `${PHOTOS_DIR}${key}/${name}`;
/** The not-found page, written as a file of its own (static hosts serve it for unknown paths). */
export const NOT_FOUND_FILE = '404.html';

/** A site path (no leading slash) under Astro's base: `withBase('/news/', 'world/')` → `/news/world/`. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b.startsWith('/') ? b : `/${b}`}${path.replace(/^\/+/, '')}`;
}

/** Absolute URL of a site path under the base, for feeds, sitemaps, canonical and OpenGraph tags. */
export function absoluteUrl(site: string | URL, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}
