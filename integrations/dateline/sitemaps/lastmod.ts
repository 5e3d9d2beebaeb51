// `lastmod` of every page Dateline makes, from the articles alone: an article page changes when the
// article is updated (else when published); a list (home, section, agency, date archive, and every
// page of a paginated list) changes when its newest or most recently updated article does.
import type { ArticleRecord } from '../ingest/index.ts';
import { localDateParts, toMillis } from '../time.ts';
import { agencyPath, agencySlug, dayArchivePath, sectionPath } from '../urls.ts';

interface Stamp {
  ms: number;
  iso: string;
}

/** The instant an article last changed: its `Updated` time, else its publication time. */
export function lastChange(article: Pick<ArticleRecord, 'published' | 'modified'>): Stamp {
  const iso = article.modified ?? article.published;
  return { ms: toMillis(iso), iso };
}

/** Site path (no base, no leading slash) → ISO instant, for sitemap `lastmod`. */
export type LastmodLookup = (path: string) => string | undefined;

export function buildLastmodLookup(articles: ArticleRecord[], timeZone: string): LastmodLookup {
  const pages = new Map<string, string>();
  const lists = new Map<string, Stamp>();
  const bump = (key: string, stamp: Stamp) => {
    const current = lists.get(key);
    if (!current || stamp.ms > current.ms) lists.set(key, stamp);
  };
  for (const article of articles) {
    const stamp = lastChange(article);
    pages.set(article.path, stamp.iso);
    bump('', stamp);
    bump(sectionPath(article.sectionSlug), stamp);
    for (const part of article.byline) if (part.kind === 'agency') bump(agencyPath(agencySlug(part.name)), stamp);
    bump(dayArchivePath(localDateParts(article.published, timeZone)), stamp);
  }
  return (path) => {
    const clean = path.replace(/^\/+/, '');
    const page = pages.get(clean);
    if (page) return page;
    // `world/page/3/` belongs to the list `world/`; `page/2/` to the home list.
    const list = clean.replace(/(^|\/)page\/\d+\/$/, '$1');
    return lists.get(list)?.iso;
  };
}
