// Search shards: whole months, oldest first, at most `size` stories, and boundaries that stay put as
// stories are published (so publishing re-indexes only the newest shard).
import { describe, expect, it } from 'vitest';
import { planShards, type ShardArticle } from '../../integrations/dateline/search/shards.ts';

/** `count` stories a day from `from` (YYYY-MM-DD), for `days` days. */
function stories(from: string, days: number, count = 1): ShardArticle[] {
  const out: ShardArticle[] = [];
  const start = Date.parse(`${from}T12:00:00Z`);
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < count; i++) {
      const t = start + d * 86_400_000 + i * 60_000;
      const [yyyy, mm, dd] = new Date(t).toISOString().slice(0, 10).split('-');
      out.push({ path: `world/${yyyy}/${mm}/${dd}/story-${d}-${i}/`, timestamp: t });
    }
  }
  return out;
}

const summary = (shards: ReturnType<typeof planShards>) => shards.map((s) => `${s.id}..${s.last}:${s.articles.length}`);

describe('planShards', () => {
  it('packs whole months oldest first, up to the size', () => {
    // Jan 31, Feb 28, Mar 31, Apr 30 stories (2023).
    const shards = planShards(stories('2023-01-01', 120), 58);
    expect(summary(shards)).toEqual(['2023-01..2023-01:31', '2023-02..2023-02:28', '2023-03..2023-03:31', '2023-04..2023-04:30']);
    expect(summary(planShards(stories('2023-01-01', 120), 60))).toEqual(['2023-01..2023-02:59', '2023-03..2023-03:31', '2023-04..2023-04:30']);
    expect(summary(planShards(stories('2023-01-01', 120), 70))).toEqual(['2023-01..2023-02:59', '2023-03..2023-04:61']);
    for (const s of shards) expect(s.articles.map((a) => a.timestamp)).toEqual([...s.articles.map((a) => a.timestamp)].sort((a, b) => a - b));
  });

  it('keeps a month larger than the size whole, in a shard of its own', () => {
    const shards = planShards([...stories('2023-01-01', 31, 3), ...stories('2023-02-01', 2)], 50);
    expect(summary(shards)).toEqual(['2023-01..2023-01:93', '2023-02..2023-02:2']);
  });

  it('publishing newer stories changes only the newest shard', () => {
    const before = planShards(stories('2023-01-01', 200), 100);
    const after = planShards([...stories('2023-01-01', 200), ...stories('2023-07-20', 5, 2)], 100);
    expect(after.slice(0, -1).map((s) => s.articles)).toEqual(before.slice(0, -1).map((s) => s.articles));
    expect(after.at(-1)!.id).toBe(before.at(-1)!.id);
    expect(after.at(-1)!.articles.length).toBe(before.at(-1)!.articles.length + 10);
  });

  it('no stories, no shards; input order does not matter', () => {
    expect(planShards([], 10)).toEqual([]);
    const list = stories('2024-05-01', 40);
    expect(planShards([...list].reverse(), 25)).toEqual(planShards(list, 25));
  });
});
