// The search index is split into shards, each indexed by its own Pagefind run, because Pagefind cannot
// change an index in place (pagefind issue #71) and its memory grows with the text it indexes (about
// 70 MB per MB). A change re-indexes only the shards whose stories changed, and a reader's search loads
// shards newest first until a page of results is found, so the layout is chosen for both:
//  - the newest month, where almost every publish lands, is planned on its own and cut finely: whole
//    blocks of `size` (default 1,000), then blocks of size/10, then of size/100, then the open tail. A new
//    story usually changes only the tail (at most size/100 stories: about 0.1 s of Pagefind); every
//    size/100 stories a block of size/10 is written, every size/10 a block of `size`;
//  - every other month is planned with the rest of its year (its "span"): a year of at most `size`
//    stories is one shard, else each quarter of at most `size` is one, else each month, and a month
//    over `size` is cut into blocks of `size`. A story filed late or edited weeks later re-indexes one
//    shard of at most `size` stories, and a quiet archive is searched in a few shards, not one a month.
// When a month stops being the newest it joins its year's span (one re-plan of that year). The layout
// depends only on the stories, so a full build and any sequence of publishes give the same shards.

export interface ShardArticle {
  /** Site path without base, `section/yyyy/mm/dd/slug/`. */
  path: string;
  timestamp: number;
}

export interface Shard<A extends ShardArticle = ShardArticle> {
  /** The shard's name in its span: `yyyy`, `yyyy-qN`, `yyyy-mm` or `yyyy-mm.n`. */
  id: string;
  /** The span planned together: `yyyy` (a year's months but the newest) or `yyyy-mm` (the newest month). */
  span: string;
  articles: A[];
}

/** Sizes of the newest month's blocks, largest first: `size`, size/10, size/100 (at least 1). */
export function blockSizes(size: number): number[] {
  const sizes = [size, Math.floor(size / 10), Math.floor(size / 100)].filter((s) => s >= 1);
  return [...new Set(sizes)];
}

const byTime = (x: ShardArticle, y: ShardArticle) => x.timestamp - y.timestamp || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0);

/** The month of a story, `yyyy-mm`, from its path (its local publication day). */
export const monthOf = (a: ShardArticle) => {
  const [, yyyy, mm] = a.path.split('/');
  return `${yyyy}-${mm}`;
};

/** The span a month is planned in, given the archive's newest month. */
export const spanOf = (month: string, newestMonth: string | undefined) => (month === newestMonth ? month : month.slice(0, 4));

/** Shards of the newest month (`span` = the month), oldest first: blocks of size, size/10, size/100, the tail. */
export function planNewestMonth<A extends ShardArticle>(month: string, articles: readonly A[], size: number): Shard<A>[] {
  const ordered = [...articles].sort(byTime);
  const shards: Shard<A>[] = [];
  let at = 0;
  for (const block of blockSizes(size)) {
    while (ordered.length - at >= block) {
      shards.push({ id: `${month}.${shards.length}`, span: month, articles: ordered.slice(at, at + block) });
      at += block;
    }
  }
  if (at < ordered.length) shards.push({ id: `${month}.${shards.length}`, span: month, articles: ordered.slice(at) });
  return shards;
}

/** Shards of a year's stories (not those of the newest month), oldest first: the year, its quarters, months or blocks. */
export function planYear<A extends ShardArticle>(year: string, articles: readonly A[], size: number): Shard<A>[] {
  const ordered = [...articles].sort(byTime);
  if (!ordered.length) return [];
  if (ordered.length <= size) return [{ id: year, span: year, articles: ordered }];
  const shards: Shard<A>[] = [];
  for (let q = 1; q <= 4; q++) {
    const months = [0, 1, 2].map((i) => `${year}-${String((q - 1) * 3 + i + 1).padStart(2, '0')}`);
    const quarter = ordered.filter((a) => months.includes(monthOf(a)));
    if (!quarter.length) continue;
    if (quarter.length <= size) {
      shards.push({ id: `${year}-q${q}`, span: year, articles: quarter });
      continue;
    }
    for (const month of months) {
      const list = quarter.filter((a) => monthOf(a) === month);
      if (list.length <= size) {
        if (list.length) shards.push({ id: month, span: year, articles: list });
        continue;
      }
      for (let at = 0, n = 0; at < list.length; at += size, n++) shards.push({ id: `${month}.${n}`, span: year, articles: list.slice(at, at + size) });
    }
  }
  return shards;
}

/** Stories of the archive by span, given its newest month. */
export function storiesBySpan<A extends ShardArticle>(articles: readonly A[]): { newestMonth?: string; spans: Map<string, A[]> } {
  const newestMonth = articles.reduce<string | undefined>((m, a) => (m === undefined || monthOf(a) > m ? monthOf(a) : m), undefined);
  const spans = new Map<string, A[]>();
  for (const a of articles) {
    const span = spanOf(monthOf(a), newestMonth);
    let list = spans.get(span);
    if (!list) spans.set(span, (list = []));
    list.push(a);
  }
  return { ...(newestMonth ? { newestMonth } : {}), spans };
}

/** Shards of one span's stories. */
export function planSpan<A extends ShardArticle>(span: string, articles: readonly A[], size: number): Shard<A>[] {
  return span.length === 4 ? planYear(span, articles, size) : planNewestMonth(span, articles, size);
}

/** Shards of a whole archive, oldest first (a full build; a publish plans only the spans it changes). */
export function planShards<A extends ShardArticle>(articles: readonly A[], size: number): Shard<A>[] {
  const { spans } = storiesBySpan(articles);
  return [...spans.keys()].sort().flatMap((span) => planSpan(span, spans.get(span)!, size));
}
