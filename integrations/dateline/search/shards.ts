// The search index is split into shards, each indexed by its own Pagefind run, because Pagefind cannot
// change an index in place (pagefind issue #71) and its memory grows with the text it indexes (about
// 70 MB per MB). A change re-indexes only the shards whose stories changed, so the layout is chosen for
// what a publish touches:
//  - each month's stories (local publication month, oldest first) are their own shards, so a story
//    filed late or edited weeks later re-indexes only its month;
//  - a past month is cut into shards of at most `size` stories (default 1,000);
//  - the newest month, where almost every publish lands, is cut finer: whole blocks of `size`, then
//    blocks of size/10, then of size/100, then the open tail. A new story usually changes only the tail
//    (at most size/100 stories: about 0.1 s of Pagefind); every size/100 stories a block of size/10 is
//    written, every size/10 a block of `size`. When the month ends it is cut like any past month.
// The layout depends only on the stories, so a full build and any sequence of publishes give the same
// shards.

export interface ShardArticle {
  /** Site path without base, `section/yyyy/mm/dd/slug/`. */
  path: string;
  timestamp: number;
}

export interface Shard<A extends ShardArticle = ShardArticle> {
  /** `yyyy-mm.n`: the month and the shard's place in it. */
  id: string;
  month: string;
  articles: A[];
}

/** Sizes of the newest month's blocks, largest first: `size`, size/10, size/100 (at least 1). */
export function blockSizes(size: number): number[] {
  const sizes = [size, Math.floor(size / 10), Math.floor(size / 100)].filter((s) => s >= 1);
  return [...new Set(sizes)];
}

/** Shards of one month's stories (oldest first, by time then path). */
export function planMonth<A extends ShardArticle>(month: string, articles: readonly A[], size: number, newest: boolean): Shard<A>[] {
  const ordered = [...articles].sort((x, y) => x.timestamp - y.timestamp || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  const shards: Shard<A>[] = [];
  const push = (list: A[]) => shards.push({ id: `${month}.${shards.length}`, month, articles: list });
  let at = 0;
  const sizes = newest ? blockSizes(size) : [size];
  for (const block of sizes) {
    while (ordered.length - at >= block) {
      push(ordered.slice(at, at + block));
      at += block;
    }
  }
  if (at < ordered.length) push(ordered.slice(at));
  return shards;
}

const monthOf = (a: ShardArticle) => {
  const [, yyyy, mm] = a.path.split('/');
  return `${yyyy}-${mm}`;
};

/** Shards of a whole archive, oldest first (a full build; a publish plans only the months it changes). */
export function planShards<A extends ShardArticle>(articles: readonly A[], size: number): Shard<A>[] {
  const months = new Map<string, A[]>();
  for (const a of articles) {
    const month = monthOf(a);
    let list = months.get(month);
    if (!list) months.set(month, (list = []));
    list.push(a);
  }
  const names = [...months.keys()].sort();
  return names.flatMap((month) => planMonth(month, months.get(month)!, size, month === names.at(-1)));
}
