// Keys for Astro's incremental build (`experimental.incrementalBuild`, turned on by the integration):
// a page whose key and template are unchanged since the last build is restored from the cache
// instead of rendered. A key therefore covers everything the page shows: its own articles (records
// include each wire file's digest and image), the site-wide parts every page shows (options, the
// section navigation and feeds), and what list pages show beside their list (the newest stories).
import { createHash } from 'node:crypto';
import { getLibrary, type Article } from './articles.ts';
import { pageCount, pageItems } from './paginate.ts';
import { siteLogo } from './seo/logo.ts';
import { config } from './site.ts';

/** Newest stories shown beside the first page of section and agency lists ("Latest news"). */
export const LATEST_BESIDE_LISTS = 5;

export type ListKind = 'section' | 'agency' | 'archive';

/**
 * Whether a list page shows the site's latest stories beside it. Only first pages of sections and
 * agencies do: on every list page, one new story would re-render all of them (2,500 of 12,500 pages
 * at 10,000 articles, most of them day archives).
 */
export const showsLatest = (kind: ListKind, page: number) => page === 1 && kind !== 'archive';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

let siteKey: Promise<string> | undefined;

/**
 * What every page shows whatever its content: options, the section navigation, and the publisher logo's
 * size (in JSON-LD; read from `public/logo.png`, which is not part of any page's module graph).
 */
function site(): Promise<string> {
  return (siteKey ??= getLibrary().then(({ sections }) => hash([config, sections.map((s) => [s.slug, s.label]), siteLogo()])));
}

/** Key of an article page: the article, the stories listed beside it, and where its related headlines link. */
export async function articleCacheKey(article: Article, more: Article[]): Promise<string> {
  const { findByHeadline } = await getLibrary();
  const related = article.related.map((h) => findByHeadline(h)?.path ?? null);
  return hash([await site(), article, more, related]);
}

/**
 * Key of page `page` of a list (section, agency, day) of `articles`: the page's stories, its place
 * (page of how many), the latest stories if shown, and `extra` (what else the page shows).
 */
export async function listCacheKey(kind: ListKind, id: string, articles: Article[], page: number, extra: unknown = null): Promise<string> {
  const { all } = await getLibrary();
  const latest = showsLatest(kind, page) ? all.slice(0, LATEST_BESIDE_LISTS) : null;
  return hash([await site(), kind, id, page, pageCount(articles.length), pageItems(articles, page), latest, extra]);
}
