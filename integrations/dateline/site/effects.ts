// What a change affects: given the articles a publish adds, changes or removes, the routes whose pages or
// feeds may now read differently. The plan looks at the archive twice, before the change is applied and
// after, because a story moves list positions, neighbours and links on both sides:
//  - its own page (old and new URL);
//  - each list it is in (the site, its section, its agencies, its day): the page that shows it, and when
//    it enters or leaves a list, every archive page from its place to the newest (numbered from the
//    oldest, they only shift behind a story that is not the newest) and the front page;
//  - the article pages whose "More from" box shows it (its neighbours in its section);
//  - the article pages whose related headlines name it (their link may now go to it, or nowhere), and
//    the feeds those stories are in (their items link the headline too);
//  - the front page always (lead, latest, section blocks, market strip); the front pages of sections
//    and agencies when it is or was among the latest stories they show beside their lists;
//  - the site's feed and its section's feed when it is or was among their newest items;
//  - every page of its day when the day's count changes (each says how many stories the day has), and
//    the neighbouring day archives when its day appears or disappears (they link to it).
// Over-approximating is safe (an unchanged page is rendered, compared and not written); missing a page
// is not: the equivalence test replays random publishes against full builds to prove this list.
import { headlineKey, type ListKind } from '../archive/articles.ts';
import type { ArticleRecord } from '../archive/records.ts';
import { localDateParts } from '../time.ts';
import { agencySlug, SITE_FEED_PATH, sectionFeedPath } from '../urls.ts';
import { LATEST_BESIDE_LISTS, listPagePath, MORE_FROM_SECTION, type Library } from './library.ts';
import { archivePageCount, pageOfPosition } from './pagination.ts';

export interface ArticleChange {
  id: string;
  before?: ArticleRecord;
  after?: ArticleRecord;
}

type ListRef = { kind: Exclude<ListKind, 'all'>; id: string };

const listKey = (l: { kind: string; id: string | null }) => `${l.kind}\u0000${l.id ?? ''}`;

function dayOf(a: ArticleRecord, timeZone: string): string {
  const d = localDateParts(a.published, timeZone);
  return `${d.yyyy}/${d.mm}/${d.dd}`;
}

function listsOf(a: ArticleRecord, timeZone: string): ListRef[] {
  const lists: ListRef[] = [
    { kind: 'section', id: a.sectionSlug },
    { kind: 'day', id: dayOf(a, timeZone) },
  ];
  for (const part of a.byline) if (part.kind === 'agency') lists.push({ kind: 'agency', id: agencySlug(part.name) });
  return lists;
}

interface Side {
  /** Article count of each list touched, and the site's. */
  counts: Map<string, number>;
  /** Position (newest first) of each changed article in each of its lists, `all` included. */
  positions: Map<string, number>;
  /** Routes this side of the change needs drawn again. */
  routes: Set<string>;
}

export class EffectPlan {
  readonly #library: Library;
  readonly #changes: ArticleChange[];
  readonly #lists = new Map<string, { kind: ListKind; id: string | null }>();
  #before: Side | undefined;

  constructor(library: Library, changes: ArticleChange[]) {
    this.#library = library;
    this.#changes = changes;
    const tz = library.config.timeZone;
    this.#lists.set(listKey({ kind: 'all', id: null }), { kind: 'all', id: null });
    for (const c of changes) for (const a of [c.before, c.after]) if (a) for (const l of listsOf(a, tz)) this.#lists.set(listKey(l), l);
  }

  /** Reads the archive before the change is applied. */
  before(): void {
    this.#before = this.#side((c) => c.before);
  }

  /** Reads the archive after the change, and returns every route to draw again. */
  after(): Set<string> {
    if (!this.#before) throw new Error('EffectPlan.before() must run before the change is applied');
    if (!this.#changes.length) return new Set(); // nothing a page shows changed (the pages do not depend on "now")
    const before = this.#before;
    const after = this.#side((c) => c.after);
    const routes = new Set([...before.routes, ...after.routes, '']);
    const { pageSize } = this.#library.config;
    for (const [key, list] of this.#lists) {
      if (list.kind === 'all') continue;
      const n0 = before.counts.get(key) ?? 0;
      const n1 = after.counts.get(key) ?? 0;
      const k0 = archivePageCount(n0, pageSize);
      const k1 = archivePageCount(n1, pageSize);
      // Oldest-first places of the changed articles on either side: pages from the first of them on shift.
      let shiftFrom = Infinity;
      for (const c of this.#changes) {
        const p0 = before.positions.get(`${key}\u0000${c.id}`);
        const p1 = after.positions.get(`${key}\u0000${c.id}`);
        if (p0 !== undefined && p1 !== undefined && n0 === n1 && p0 === p1) {
          // Changed in place: only the page that shows it.
          routes.add(listPagePath(list.kind, list.id!, pageOfPosition(n1, pageSize, p1)));
          continue;
        }
        if (p0 !== undefined) shiftFrom = Math.min(shiftFrom, n0 - 1 - p0);
        if (p1 !== undefined) shiftFrom = Math.min(shiftFrom, n1 - 1 - p1);
      }
      if (shiftFrom === Infinity && n0 === n1) continue;
      routes.add(listPagePath(list.kind, list.id!, 0));
      const first = shiftFrom === Infinity ? Math.min(k0, k1) + 1 : Math.floor(shiftFrom / pageSize) + 1;
      for (let page = Math.max(1, first); page <= Math.max(k0, k1); page++) routes.add(listPagePath(list.kind, list.id!, page));
      // The newest archive page links to the front page, or to the page after it once there is one.
      if (k0 !== k1) for (const page of [k0, k1]) if (page > 0) routes.add(listPagePath(list.kind, list.id!, page));
      // Every page of a day says how many stories it has.
      if (list.kind === 'day' && n0 !== n1) for (let page = 1; page <= Math.max(k0, k1); page++) routes.add(listPagePath('day', list.id!, page));
      // A day that appears or disappears: the days beside it link to it.
      if (list.kind === 'day' && (n0 === 0) !== (n1 === 0)) {
        const near = this.#library.dayNeighbours(list.id!);
        for (const day of [near.older, near.newer]) if (day) for (const route of this.#dayRoutes(day.key)) routes.add(route);
      }
    }
    return routes;
  }

  #dayRoutes(day: string): string[] {
    const n = this.#library.queries.count('day', day);
    return Array.from({ length: archivePageCount(n, this.#library.config.pageSize) + 1 }, (_, page) => listPagePath('day', day, page));
  }

  #side(pick: (c: ArticleChange) => ArticleRecord | undefined): Side {
    const library = this.#library;
    const { queries, config } = library;
    const tz = config.timeZone;
    const side: Side = { counts: new Map(), positions: new Map(), routes: new Set() };
    for (const [key, list] of this.#lists) side.counts.set(key, queries.count(list.kind, list.id));
    let latestFronts = false;
    for (const change of this.#changes) {
      const a = pick(change);
      if (!a) continue;
      side.routes.add(a.path);
      const all = queries.position('all', null, a);
      side.positions.set(`${listKey({ kind: 'all', id: null })}\u0000${change.id}`, all);
      if (all < config.feedItems) side.routes.add(SITE_FEED_PATH);
      if (all < LATEST_BESIDE_LISTS) latestFronts = true;
      for (const list of listsOf(a, tz)) {
        const at = queries.position(list.kind, list.id, a);
        side.positions.set(`${listKey(list)}\u0000${change.id}`, at);
        if (list.kind === 'section') {
          if (at < config.feedItems) side.routes.add(sectionFeedPath(list.id));
          // Its neighbours' "More from" boxes, and the oldest stories' (which show newer ones).
          const n = side.counts.get(listKey(list)) ?? 0;
          const reach = MORE_FROM_SECTION + 1;
          for (const near of queries.newest('section', list.id, Math.max(0, at - reach), 2 * reach + 1)) side.routes.add(near.path);
          for (const old of queries.newest('section', list.id, Math.max(0, n - reach - 1), reach + 1)) side.routes.add(old.path);
        }
      }
      for (const id of queries.mentioning(headlineKey(a.headline))) {
        const mentioner = queries.byId(id);
        if (mentioner) side.routes.add(mentioner.path);
        // its feed items link the headline too
        if (mentioner && queries.position('all', null, mentioner) < config.feedItems) side.routes.add(SITE_FEED_PATH);
        if (mentioner && queries.position('section', mentioner.sectionSlug, mentioner) < config.feedItems) side.routes.add(sectionFeedPath(mentioner.sectionSlug));
      }
    }
    if (latestFronts) {
      for (const slug of queries.sectionSlugs()) side.routes.add(listPagePath('section', slug, 0));
      for (const { slug } of queries.agencies()) side.routes.add(listPagePath('agency', slug, 0));
    }
    return side;
  }
}
