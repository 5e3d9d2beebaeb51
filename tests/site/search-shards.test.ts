// Search shards: each month its own shards, past months cut into at most `size` stories, the newest
// month cut finer (blocks of size, size/10, size/100, then the open tail), so a new story re-indexes
// only a small tail and an edit only its month; the layout depends only on the stories.
import { describe, expect, it } from 'vitest';
import { blockSizes, planShards, type ShardArticle } from '../../integrations/dateline/search/shards.ts';

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

const summary = (shards: ReturnType<typeof planShards>) => shards.map((s) => `${s.id}:${s.articles.length}`);

describe('planShards', () => {
  it('gives each month its own shards, a past month cut at the size, oldest first', () => {
    // Jan 31, Feb 28, Mar 31 stories a day for three a day (2023): 93, 84, 93.
    const shards = planShards(stories('2023-01-01', 90, 3), 40);
    expect(summary(shards.filter((s) => s.month !== '2023-03'))).toEqual(['2023-01.0:40', '2023-01.1:40', '2023-01.2:13', '2023-02.0:40', '2023-02.1:40', '2023-02.2:4']);
    for (const s of shards) expect(s.articles.map((a) => a.timestamp)).toEqual([...s.articles.map((a) => a.timestamp)].sort((a, b) => a - b));
    expect(shards.flatMap((s) => s.articles)).toHaveLength(270);
  });

  it('cuts the newest month in blocks of size, size/10 and size/100, then the tail', () => {
    expect(blockSizes(1000)).toEqual([1000, 100, 10]);
    expect(blockSizes(40)).toEqual([40, 4]);
    // 31 days × 45 stories = 1,395 in March 2024, the newest month.
    const shards = planShards([...stories('2024-02-01', 29, 2), ...stories('2024-03-01', 31, 45)], 1000);
    expect(summary(shards.filter((s) => s.month === '2024-03'))).toEqual([
      '2024-03.0:1000', '2024-03.1:100', '2024-03.2:100', '2024-03.3:100', '2024-03.4:10', '2024-03.5:10', '2024-03.6:10', '2024-03.7:10', '2024-03.8:10', '2024-03.9:10', '2024-03.10:10', '2024-03.11:10', '2024-03.12:10', '2024-03.13:5',
    ]);
    expect(summary(shards.filter((s) => s.month === '2024-02'))).toEqual(['2024-02.0:58']);
  });

  it('a new story changes only the newest month’s tail; every block before it stays', () => {
    // 145 stories in March: a block of 100, four of 10, a tail of 5.
    const base = [...stories('2024-02-01', 29, 2), ...stories('2024-03-01', 29, 5)];
    const before = planShards(base, 1000);
    const after = planShards([...base, ...stories('2024-03-31', 1)], 1000);
    expect(summary(before.filter((s) => s.month === '2024-03'))).toEqual(['2024-03.0:100', '2024-03.1:10', '2024-03.2:10', '2024-03.3:10', '2024-03.4:10', '2024-03.5:5']);
    expect(after.slice(0, -1).map((s) => s.articles)).toEqual(before.slice(0, -1).map((s) => s.articles));
    expect(after.at(-1)!.articles.length).toBe(before.at(-1)!.articles.length + 1);
  });

  it('no stories, no shards; input order does not matter', () => {
    expect(planShards([], 10)).toEqual([]);
    const list = stories('2024-05-01', 40);
    expect(planShards([...list].reverse(), 25)).toEqual(planShards(list, 25));
  });
});
