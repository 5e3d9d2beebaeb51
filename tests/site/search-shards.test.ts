// Search shards: the newest month planned alone and cut finely (blocks of size, size/10, size/100,
// then the open tail), every other month with the rest of its year (the year, its quarters, its months
// or blocks of `size`, whichever first holds at most `size`), so a new story re-indexes only a small
// tail, an edit one shard of at most `size`, and a quiet archive has few shards; the layout depends
// only on the stories.
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
  it('plans a past year as one shard, or its quarters, months or blocks of size, oldest first', () => {
    // 2022: one a day (365); 2023: three a day (1,095); then one story in January 2024, the newest month.
    const archive = [...stories('2022-01-01', 365), ...stories('2023-01-01', 365, 3), ...stories('2024-01-10', 1)];
    expect(summary(planShards(archive, 400))).toEqual([
      '2022:365',
      // 2023: Q1 (270) fits; Q2 has 273, Q3 276, Q4 276 stories: each fits
      '2023-q1:270',
      '2023-q2:273',
      '2023-q3:276',
      '2023-q4:276',
      '2024-01.0:1',
    ]);
    // at size 100 a quarter of 2023 does not fit, its months (about 90) do; 2022's quarters do
    const small = planShards(archive, 100);
    expect(summary(small).slice(0, 4)).toEqual(['2022-q1:90', '2022-q2:91', '2022-q3:92', '2022-q4:92']);
    expect(summary(small).slice(4, 7)).toEqual(['2023-01:93', '2023-02:84', '2023-03:93']);
    // at size 40 the months are cut into blocks of 40
    expect(summary(planShards(stories('2023-01-01', 31, 3).concat(stories('2023-02-01', 1)), 40))).toEqual([
      '2023-01.0:40',
      '2023-01.1:40',
      '2023-01.2:13',
      '2023-02.0:1',
    ]);
    for (const s of small) expect(s.articles.map((a) => a.timestamp)).toEqual([...s.articles.map((a) => a.timestamp)].sort((a, b) => a - b));
    expect(small.flatMap((s) => s.articles)).toHaveLength(archive.length);
  });

  it('cuts the newest month in blocks of size, size/10 and size/100, then the tail', () => {
    expect(blockSizes(1000)).toEqual([1000, 100, 10]);
    expect(blockSizes(40)).toEqual([40, 4]);
    // 31 days × 45 stories = 1,395 in March 2024, the newest month.
    const shards = planShards([...stories('2024-02-01', 29, 2), ...stories('2024-03-01', 31, 45)], 1000);
    expect(summary(shards.filter((s) => s.span === '2024-03'))).toEqual([
      '2024-03.0:1000',
      '2024-03.1:100',
      '2024-03.2:100',
      '2024-03.3:100',
      '2024-03.4:10',
      '2024-03.5:10',
      '2024-03.6:10',
      '2024-03.7:10',
      '2024-03.8:10',
      '2024-03.9:10',
      '2024-03.10:10',
      '2024-03.11:10',
      '2024-03.12:10',
      '2024-03.13:5',
    ]);
    // February is planned with its year
    expect(summary(shards.filter((s) => s.span === '2024'))).toEqual(['2024:58']);
  });

  it('a new story changes only the newest month’s tail; every block before it stays', () => {
    // 145 stories in March: a block of 100, four of 10, a tail of 5.
    const base = [...stories('2024-02-01', 29, 2), ...stories('2024-03-01', 29, 5)];
    const before = planShards(base, 1000);
    const after = planShards([...base, ...stories('2024-03-31', 1)], 1000);
    expect(summary(before.filter((s) => s.span === '2024-03'))).toEqual([
      '2024-03.0:100',
      '2024-03.1:10',
      '2024-03.2:10',
      '2024-03.3:10',
      '2024-03.4:10',
      '2024-03.5:5',
    ]);
    expect(after.slice(0, -1).map((s) => s.articles)).toEqual(before.slice(0, -1).map((s) => s.articles));
    expect(after.at(-1)!.articles.length).toBe(before.at(-1)!.articles.length + 1);
  });

  it('a story in a new month moves the month before into its year; an edit of a past year changes that year only', () => {
    const base = [...stories('2023-06-01', 30, 2), ...stories('2024-02-01', 29, 2), ...stories('2024-03-01', 10, 2)];
    const before = planShards(base, 1000);
    expect(summary(before)).toEqual(['2023:60', '2024:58', '2024-03.0:10', '2024-03.1:10']);
    const april = planShards([...base, ...stories('2024-04-01', 1)], 1000);
    expect(summary(april)).toEqual(['2023:60', '2024:78', '2024-04.0:1']);
    const late = planShards([...base, ...stories('2023-07-15', 1)], 1000);
    expect(late.filter((s) => s.span !== '2023')).toEqual(before.filter((s) => s.span !== '2023'));
  });

  it('no stories, no shards; input order does not matter', () => {
    expect(planShards([], 10)).toEqual([]);
    const list = stories('2024-05-01', 40);
    expect(planShards([...list].reverse(), 25)).toEqual(planShards(list, 25));
  });
});
