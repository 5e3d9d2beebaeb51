// The search index is split into shards of consecutive months, so that Pagefind (whose memory grows
// with the text it indexes: about 70 MB per MB) never holds more than one shard, and publishing a
// story re-indexes only the newest shard. Shards are packed oldest first, whole months at a time, so
// their boundaries stay put as new stories arrive: only the newest shard grows, until it is full.

export interface ShardArticle {
  /** Site path without base, `section/yyyy/mm/dd/slug/`: its month is the local publication month. */
  path: string;
  timestamp: number;
}

export interface Shard<A extends ShardArticle = ShardArticle> {
  /** First month of the shard, `yyyy-mm`: its folder under `pagefind/`. */
  id: string;
  /** Last month, `yyyy-mm`. */
  last: string;
  articles: A[];
}

const monthOf = (a: ShardArticle) => {
  const [, yyyy, mm] = a.path.split('/');
  return `${yyyy}-${mm}`;
};

/** Shards oldest first, of at most `size` stories (a month with more stays whole, in a shard of its own). */
export function planShards<A extends ShardArticle>(articles: readonly A[], size: number): Shard<A>[] {
  const months = new Map<string, A[]>();
  for (const a of [...articles].sort((x, y) => x.timestamp - y.timestamp || (x.path < y.path ? -1 : 1))) {
    const month = monthOf(a);
    let list = months.get(month);
    if (!list) months.set(month, (list = []));
    list.push(a);
  }
  const shards: Shard<A>[] = [];
  for (const month of [...months.keys()].sort()) {
    const list = months.get(month)!;
    const current = shards.at(-1);
    if (current && current.articles.length + list.length <= size) {
      current.articles.push(...list);
      current.last = month;
    } else {
      shards.push({ id: month, last: month, articles: [...list] });
    }
  }
  return shards;
}
