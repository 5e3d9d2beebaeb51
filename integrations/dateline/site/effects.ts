// What a change affects: given the articles a publish adds, changes or removes, the routes whose pages or
// feeds may now read differently. Nothing here knows what a page shows: each route's reads were
// recorded when it was last drawn (reads.ts, kept by archive/reads.ts), and the change is described by
// what it touches, looked at twice, before it is applied and after, because a story moves on both sides:
//  - the story itself (`article:<id>`), its paths and its headlines (pages linking a related headline);
//  - its place in each list it is or was in (the site, its section, its agencies, its day), as order
//    keys: every recorded range of that list holding one of them;
//  - each list's count and number of archive pages, when they change (and which page is the newest);
//  - the site-wide answers (navigation, agencies, market strip), when they change;
//  - the list of days, when a day appears or goes (the day archives beside it link to it).
// Routes that appear or go are drawn too (a new story's page, a new archive page, a section's first
// story): they have no reads yet, or must be removed. Over-approximating is safe (an unchanged page is
// rendered, compared and not written); missing a page is not: the equivalence test replays random
// publishes against full builds, and a variant theme that reads other things, to prove it.
import { headlineKey, type ListKind } from '../archive/articles.ts';
import type { RouteReadIndex } from '../archive/reads.ts';
import type { ArticleRecord } from '../archive/records.ts';
import { localDateParts } from '../time.ts';
import { agencySlug, sectionFeedPath } from '../urls.ts';
import { listName, listPagePath, type Library } from './library.ts';
import { archivePageCount } from './pagination.ts';
import { dayKey, orderKey } from './reads.ts';

export interface ArticleChange {
  id: string;
  before?: ArticleRecord;
  after?: ArticleRecord;
}

type ListRef = { kind: ListKind; id: string | null };

function dayOf(a: ArticleRecord, timeZone: string): string {
  const d = localDateParts(a.published, timeZone);
  return `${d.yyyy}/${d.mm}/${d.dd}`;
}

/** The lists a story is in, the whole site's included. */
function listsOf(a: ArticleRecord, timeZone: string): ListRef[] {
  const lists: ListRef[] = [
    { kind: 'all', id: null },
    { kind: 'section', id: a.sectionSlug },
    { kind: 'day', id: dayOf(a, timeZone) },
  ];
  for (const part of a.byline) if (part.kind === 'agency') lists.push({ kind: 'agency', id: agencySlug(part.name) });
  return lists;
}

interface Side {
  /** Story count of each list touched. */
  counts: Map<string, number>;
  /** The site-wide answers pages read, as text to compare. */
  answers: Map<string, string>;
}

export class EffectPlan {
  readonly #library: Library;
  readonly #reads: RouteReadIndex;
  readonly #changes: ArticleChange[];
  readonly #lists = new Map<string, ListRef>();
  #before: Side | undefined;

  constructor(library: Library, reads: RouteReadIndex, changes: ArticleChange[]) {
    this.#library = library;
    this.#reads = reads;
    this.#changes = changes;
    const tz = library.config.timeZone;
    for (const c of changes) for (const a of [c.before, c.after]) if (a) for (const l of listsOf(a, tz)) this.#lists.set(listName(l.kind, l.id), l);
  }

  /** Reads the archive before the change is applied. */
  before(): void {
    this.#before = this.#side();
  }

  /** Reads the archive after the change, and returns every route to draw again. */
  after(): Set<string> {
    if (!this.#before) throw new Error('EffectPlan.before() must run before the change is applied');
    if (!this.#changes.length) return new Set(); // nothing a page shows changed (the pages do not depend on "now")
    const before = this.#before;
    const after = this.#side();
    const routes = new Set<string>();
    const touch = (key: string) => {
      for (const route of this.#reads.routesReading(key)) routes.add(route);
    };
    const { pageSize, timeZone } = this.#library.config;

    // The stories themselves: their pages (and the pages that read them by path or by headline).
    // The front page's sitemap lastmod is the site's newest change (routes.ts).
    touch('changed');
    for (const c of this.#changes) {
      touch(`article:${c.id}`);
      for (const a of [c.before, c.after]) {
        if (!a) continue;
        routes.add(a.path);
        touch(`path:${a.path}`);
        touch(`headline:${headlineKey(a.headline)}`);
        // every range of its lists that holds its place
        const at = orderKey(a);
        for (const list of listsOf(a, timeZone)) for (const route of this.#reads.routesCovering(listName(list.kind, list.id), at)) routes.add(route);
      }
    }

    for (const [name, list] of this.#lists) {
      const n0 = before.counts.get(name) ?? 0;
      const n1 = after.counts.get(name) ?? 0;
      if (n0 === n1) continue;
      touch(`count:${name}`);
      const k0 = archivePageCount(n0, pageSize);
      const k1 = archivePageCount(n1, pageSize);
      if (k0 !== k1) {
        touch(`pages:${name}`);
        // the archive page that was the newest and the one that is now
        touch(`last-page:${name}:${k0}`);
        touch(`last-page:${name}:${k1}`);
      }
      if (list.kind === 'all') continue;
      // Routes that appear or go: the list's front page, its archive pages beyond the shorter side,
      // a section's feed.
      if (n0 === 0 || n1 === 0) {
        routes.add(listPagePath(list.kind, list.id!, 0));
        if (list.kind === 'section') routes.add(sectionFeedPath(list.id!));
        // the days beside a day that appears or goes link to it
        if (list.kind === 'day') for (const route of this.#reads.routesCovering('days', dayKey(list.id!))) routes.add(route);
      }
      for (let page = Math.min(k0, k1) + 1; page <= Math.max(k0, k1); page++) routes.add(listPagePath(list.kind, list.id!, page));
    }

    for (const [key, answer] of after.answers) if (before.answers.get(key) !== answer) touch(key);
    return routes;
  }

  #side(): Side {
    const library = this.#library;
    const side: Side = { counts: new Map(), answers: new Map() };
    for (const [name, list] of this.#lists) side.counts.set(name, library.queries.count(list.kind, list.id));
    // what the navigation, the agencies' names and the market strip say (counts are read on their own)
    library.invalidate();
    side.answers.set('sections', JSON.stringify(library.sections().map((s) => [s.slug, s.label])));
    side.answers.set('agencies', JSON.stringify(library.agencies().map((a) => [a.slug, a.name])));
    side.answers.set('quotes', JSON.stringify(library.quotes()));
    return side;
  }
}
