// The front page's rules (src/lib/front-page.ts) and the compact list times (src/lib/list-time.ts), as
// pure functions: the lead by urgency, photo and age; each story once; times told against the page's
// newest story, never against the clock.
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/lib/articles.ts';
import { chooseLead, LATEST_MAX, LATEST_MIN, latestCount, notShown } from '../../src/lib/front-page.ts';
import { listTime } from '../../src/lib/list-time.ts';

const photo = {
  key: 'k',
  role: 'lead',
  picture: 0,
  alt: '',
  width: 800,
  height: 600,
  files: [{ name: 't360.jpg', role: 'thumbnail', ratio: '3x2', format: 'jpeg', width: 360, height: 240 }],
};
function story(id: string, extra: Partial<Article> & { withPhoto?: boolean } = {}): Article {
  const { withPhoto, ...rest } = extra;
  return {
    id,
    headline: `Story ${id}`,
    summary: 'A summary of the story in a sentence or two.',
    published: '2026-11-26T18:05:00+05:00',
    ...(withPhoto ? { photos: [photo] } : {}),
    ...rest,
  } as unknown as Article;
}

describe('the lead', () => {
  test('is the newest story when no agency says otherwise', () => {
    expect(chooseLead([story('a'), story('b'), story('c')])?.id).toBe('a');
  });

  test('an urgent story (1–3) among the three newest leads; the more urgent first', () => {
    expect(chooseLead([story('a'), story('b', { urgency: 3 }), story('c')])?.id).toBe('b');
    expect(chooseLead([story('a', { urgency: 3 }), story('b'), story('c', { urgency: 1 })])?.id).toBe('c');
  });

  test('routine urgencies (4, 5 … 9) and none rank alike: the newest, or one with a photo', () => {
    expect(chooseLead([story('a'), story('b', { urgency: 4 }), story('c', { urgency: 5 })])?.id).toBe('a');
    expect(chooseLead([story('a', { urgency: 9 }), story('b', { urgency: 4 })])?.id).toBe('a');
    expect(chooseLead([story('a', { urgency: 5 }), story('b', { withPhoto: true })])?.id).toBe('b');
    // urgency outranks a photo
    expect(chooseLead([story('a', { urgency: 2 }), story('b', { withPhoto: true })])?.id).toBe('a');
  });

  test('a flash past the three newest does not hold the front page', () => {
    expect(chooseLead([story('a'), story('b'), story('c'), story('d', { urgency: 1 })])?.id).toBe('a');
  });

  test('no story, no lead', () => {
    expect(chooseLead([])).toBeUndefined();
  });
});

describe('each story once', () => {
  test("a block shows a section's stories not already on the page, at most its count", () => {
    const candidates = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => story(id));
    expect(notShown(candidates, new Set(['a', 'c']), 3).map((a) => a.id)).toEqual(['b', 'd', 'e']);
    expect(notShown(candidates.slice(0, 2), new Set(['a', 'b']), 4)).toEqual([]);
  });

  test('the latest column holds more stories beside a lead with a photo than beside one without', () => {
    const next = Array.from({ length: 12 }, (_, i) => story(`n${i}`));
    const plain = latestCount(story('a'), [story('b'), story('c')], next);
    const pictured = latestCount(story('a', { withPhoto: true }), [story('b', { withPhoto: true }), story('c')], next);
    expect(plain).toBeGreaterThanOrEqual(LATEST_MIN);
    expect(pictured).toBeGreaterThan(plain);
    expect(pictured).toBeLessThanOrEqual(LATEST_MAX);
    // never more than there are
    expect(latestCount(story('a', { withPhoto: true }), [], next.slice(0, 1))).toBe(1);
  });
});

describe('list times', () => {
  const tz = 'Asia/Karachi';
  const newest = '2026-11-26T18:05:00+05:00';

  test("front page: the time on the newest story's day, the date before it, the year when it differs", () => {
    expect(listTime(newest, newest, tz, 'day')).toBe('6:05 pm');
    expect(listTime('2026-11-26T00:10:00+05:00', newest, tz, 'day')).toBe('12:10 am');
    expect(listTime('2026-11-25T23:59:00+05:00', newest, tz, 'day')).toBe('25 Nov');
    expect(listTime('2023-08-07T21:26:00+05:00', newest, tz, 'day')).toBe('7 Aug 2023');
  });

  test("days are the site zone's, whatever the instant's offset", () => {
    // 19:30 UTC on the 25th is 00:30 on the 26th in Karachi
    expect(listTime('2026-11-25T19:30:00Z', newest, tz, 'day')).toBe('12:30 am');
    expect(listTime('2026-11-25T19:30:00Z', newest, 'UTC', 'day')).toBe('25 Nov');
  });

  test('other lists: short date and time, complete on its own', () => {
    expect(listTime('2026-11-25T10:20:00+05:00', newest, tz, 'date')).toBe('25 Nov, 10:20 am');
    expect(listTime('2023-08-07T21:26:00+05:00', newest, tz, 'date')).toBe('7 Aug 2023, 9:26 pm');
  });

  test('never the clock: the same story and reference read the same whatever the date today', () => {
    const first = listTime('2026-11-25T10:20:00+05:00', newest, tz, 'day');
    const realNow = Date.now;
    Date.now = () => Date.parse('2030-01-01T00:00:00Z');
    try {
      expect(listTime('2026-11-25T10:21:00+05:00', newest, tz, 'day')).toBe(first);
    } finally {
      Date.now = realNow;
    }
  });
});
