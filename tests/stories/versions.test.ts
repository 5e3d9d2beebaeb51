// Story versions decided over a set of items: order, duplicates, kills, embargoes, times.
import { describe, expect, it } from 'vitest';
import { decideStories, type VersionInput } from '../../integrations/dateline/stories/versions.ts';

const T = Date.parse('2024-03-01T10:00:00Z');
const HOUR = 3_600_000;
const NOW = T + 10 * HOUR;

function v(file: string, o: Partial<VersionInput> = {}): VersionInput {
  return { file, index: 0, line: 1, key: 'id:story', published: T, versionTime: T, status: 'usable', contentKey: file, ...o };
}

describe('story versions', () => {
  it('orders versions by number, then time, then file, and shows the latest', () => {
    const v1 = v('a.xml', { version: 1, versionTime: T + 3 * HOUR });
    const v2 = v('b.xml', { version: 2, versionTime: T + 1 * HOUR }); // a later number wins over an earlier time
    const v3 = v('c.xml', { version: 3, versionTime: T + 2 * HOUR });
    const { stories, decisions } = decideStories([v3, v1, v2], NOW);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.versions).toEqual([v1, v2, v3]);
    expect(stories[0]!.shown).toBe(v3);
    expect(stories[0]!.first).toBe(v1);
    expect(decisions.get(v1)).toEqual({ status: 'superseded', by: v3 });
    expect(decisions.get(v2)).toEqual({ status: 'superseded', by: v3 });
    expect(decisions.get(v3)).toEqual({ status: 'published' });
  });

  it('without version numbers, orders by the version time (an Updated stamp wins)', () => {
    const original = v('original.txt');
    const updated = v('updated.txt', { versionTime: T + HOUR });
    const { stories, decisions } = decideStories([updated, original], NOW);
    expect(stories[0]!.shown).toBe(updated);
    expect(stories[0]!.published).toBe(T);
    expect(stories[0]!.modified).toBe(T + HOUR);
    expect(decisions.get(original)).toEqual({ status: 'superseded', by: updated });
  });

  it('takes the earliest publication time of all versions (firstCreated or the first version’s time)', () => {
    const v1 = v('1.json', { version: 1, published: T - 2 * HOUR, versionTime: T - 2 * HOUR });
    const v2 = v('2.json', { version: 2, published: T - HOUR, versionTime: T });
    const { stories } = decideStories([v1, v2], NOW);
    expect(stories[0]!.published).toBe(T - 2 * HOUR);
    expect(stories[0]!.modified).toBe(T);
  });

  it('reports the same version with the same text as a duplicate of the first file', () => {
    const a = v('a.txt', { contentKey: 'same' });
    const b = v('b.txt', { contentKey: 'same' });
    const { stories, decisions } = decideStories([b, a], NOW);
    expect(stories[0]!.versions).toEqual([a]);
    expect(decisions.get(b)).toEqual({ status: 'duplicate', of: a });
    expect(decisions.get(a)).toEqual({ status: 'published' });
  });

  it('withdraws every version when the latest is a kill or a withdrawal', () => {
    for (const status of ['canceled', 'withheld'] as const) {
      const v1 = v('v1.xml', { version: 1 });
      const v2 = v('v2.xml', { version: 2, versionTime: T + HOUR });
      const kill = v('kill.xml', { version: 3, versionTime: T + 2 * HOUR, status });
      const { stories, decisions } = decideStories([v1, kill, v2], NOW);
      expect(stories[0]!.status).toBe('withdrawn');
      expect(stories[0]!.shown).toBeUndefined();
      for (const item of [v1, v2, kill]) expect(decisions.get(item)).toEqual({ status: 'withdrawn', by: kill });
    }
  });

  it('a usable version after a kill brings the story back; the kill is superseded', () => {
    const v1 = v('v1.xml', { version: 1 });
    const kill = v('kill.xml', { version: 2, status: 'canceled' });
    const v3 = v('v3.xml', { version: 3 });
    const { stories, decisions } = decideStories([v1, kill, v3], NOW);
    expect(stories[0]!.shown).toBe(v3);
    expect(decisions.get(kill)).toEqual({ status: 'superseded', by: v3 });
  });

  it('shows the latest version that is due; a later embargoed one is scheduled', () => {
    const v1 = v('v1.xml', { version: 1 });
    const embargoed = v('v2.xml', { version: 2, embargoedUntil: NOW + HOUR });
    const { stories, decisions } = decideStories([v1, embargoed], NOW);
    expect(stories[0]!.shown).toBe(v1);
    expect(decisions.get(embargoed)).toEqual({ status: 'scheduled', dueAt: NOW + HOUR });
    // an hour later the same items publish the second version
    const later = decideStories([v1, embargoed], NOW + HOUR);
    expect(later.stories[0]!.shown).toBe(embargoed);
    expect(later.decisions.get(v1)).toEqual({ status: 'superseded', by: embargoed });
  });

  it('schedules a story whose every version is embargoed or published in the future', () => {
    const embargoed = v('e.xml', { embargoedUntil: NOW + HOUR });
    const future = v('f.txt', { key: 'text:future', published: NOW + 2 * HOUR, versionTime: NOW + 2 * HOUR });
    const { stories, decisions } = decideStories([embargoed, future], NOW);
    expect(stories.map((s) => s.status)).toEqual(['scheduled', 'scheduled']);
    expect(decisions.get(embargoed)).toEqual({ status: 'scheduled', dueAt: NOW + HOUR });
    expect(decisions.get(future)).toEqual({ status: 'scheduled', dueAt: NOW + 2 * HOUR });
  });

  it('keeps different stories apart and gives the same answer whatever the input order', () => {
    const a1 = v('a1.xml', { key: 'id:a', version: 1 });
    const a2 = v('a2.xml', { key: 'id:a', version: 2 });
    const b1 = v('b1.xml', { key: 'id:b', version: 1 });
    const one = decideStories([a1, a2, b1], NOW);
    const two = decideStories([b1, a2, a1], NOW);
    const shown = (r: typeof one) => new Map(r.stories.map((s) => [s.key, s.shown?.file]));
    expect(shown(one)).toEqual(
      new Map([
        ['id:a', 'a2.xml'],
        ['id:b', 'b1.xml'],
      ]),
    );
    expect(shown(two)).toEqual(shown(one));
  });
});
