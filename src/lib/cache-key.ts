// Keys for Astro's incremental build (`experimental.incrementalBuild`, turned on by the integration):
// a page whose key and template are unchanged since the last build is restored from the cache
// instead of rendered. A key therefore covers everything the page shows: its own articles (records
// include each wire file's digest and image), the site-wide parts every page shows (options, the
// section navigation and feeds), and what list pages show beside their list (the newest stories).
import { createHash } from 'node:crypto';
import { getLibrary, headlineKey, type Article } from './articles.ts';
import { config } from './site.ts';

/** Newest stories shown beside list pages (ListPage's "Latest news" shows at most this many). */
export const LATEST_BESIDE_LISTS = 5;

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

let siteKey: Promise<string> | undefined;

/** What every page shows whatever its content: options and the section navigation. */
function site(): Promise<string> {
  return (siteKey ??= getLibrary().then(({ sections }) => hash([config, sections.map((s) => [s.slug, s.label])])));
}

/** Key of an article page: the article, the stories listed beside it, and where its related headlines link. */
export async function articleCacheKey(article: Article, more: Article[]): Promise<string> {
  const { byHeadline } = await getLibrary();
  const related = article.related.map((h) => byHeadline.get(headlineKey(h))?.path ?? null);
  return hash([await site(), article, more, related]);
}

/** Key of a page of a list (section, agency, day): the page's stories, its place, and the latest stories. */
export async function listCacheKey(kind: string, id: string, page: number, pages: number, items: Article[], extra: unknown = null): Promise<string> {
  const { all } = await getLibrary();
  return hash([await site(), kind, id, page, pages, items, all.slice(0, LATEST_BESIDE_LISTS), extra]);
}
