// integrations/dateline/site/pagination.ts: a list's front page holds its newest stories, and its
// archive pages, numbered from the oldest, hold `size` stories each and never change as stories arrive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archivePageCount, neighbours, pageOfPosition, pageRange } from '../../integrations/dateline/site/pagination.ts';

const lists = fc.record({ n: fc.integer({ min: 0, max: 500 }), size: fc.integer({ min: 1, max: 40 }) });

describe('a list of 20 to a page', () => {
  it('has no archive page until it holds two pages of stories', () => {
    expect([0, 1, 19, 20, 39, 40, 59, 60, 61].map((n) => archivePageCount(n, 20))).toEqual([0, 0, 0, 0, 0, 1, 1, 2, 2]);
    expect(pageRange(0, 20, 0)).toEqual({ offset: 0, count: 0 });
    expect(pageRange(39, 20, 0)).toEqual({ offset: 0, count: 39 });
  });

  it('puts the oldest twenty on page 1 and the newest 20 to 39 on the front', () => {
    // 45 stories: page 1 holds positions 25–44 (the oldest twenty), the front the newest 25
    expect(pageRange(45, 20, 0)).toEqual({ offset: 0, count: 25 });
    expect(pageRange(45, 20, 1)).toEqual({ offset: 25, count: 20 });
    expect(pageRange(45, 20, 2)).toBeUndefined();
    expect(pageOfPosition(45, 20, 0)).toBe(0);
    expect(pageOfPosition(45, 20, 24)).toBe(0);
    expect(pageOfPosition(45, 20, 25)).toBe(1);
    expect(pageOfPosition(45, 20, 44)).toBe(1);
  });

  it('has no page 0.5, -1 or past the last', () => {
    for (const page of [0.5, -1, 4, Number.NaN]) expect(pageRange(80, 20, page)).toBeUndefined();
    expect(pageRange(80, 20, 3)).toEqual({ offset: 20, count: 20 }); // 80 stories: the front and pages 1–3 hold 20 each
  });

  it('links the front to the newest archive page, and each archive page to its neighbours', () => {
    expect(neighbours(30, 20, 0)).toEqual({});
    expect(neighbours(80, 20, 0)).toEqual({ older: 3 });
    expect(neighbours(80, 20, 3)).toEqual({ older: 2, newer: 0 });
    expect(neighbours(80, 20, 2)).toEqual({ older: 1, newer: 3 });
    expect(neighbours(80, 20, 1)).toEqual({ newer: 2 });
  });
});

describe('any list', () => {
  it('shows every story on exactly one page, the page pageOfPosition names', () => {
    fc.assert(
      fc.property(lists, ({ n, size }) => {
        const pages = archivePageCount(n, size);
        const shown = new Array<number>(n).fill(-1);
        for (let page = 0; page <= pages; page++) {
          const range = pageRange(n, size, page)!;
          for (let p = range.offset; p < range.offset + range.count; p++) shown[p] = shown[p] === -1 ? page : -2; // -2: on two pages
        }
        expect(shown.filter((page) => page < 0)).toEqual([]);
        expect(shown.map((_, position) => pageOfPosition(n, size, position))).toEqual(shown);
      }),
      { numRuns: 300 },
    );
  });

  it('holds `size` stories on each archive page and `size` to 2·size − 1 on the front once it has archive pages', () => {
    fc.assert(
      fc.property(lists, ({ n, size }) => {
        const pages = archivePageCount(n, size);
        for (let page = 1; page <= pages; page++) expect(pageRange(n, size, page)!.count).toBe(size);
        const front = pageRange(n, size, 0)!.count;
        if (pages > 0) {
          expect(front).toBeGreaterThanOrEqual(size);
          expect(front).toBeLessThan(2 * size);
        } else expect(front).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its archive pages as they are when a story arrives (the same stories, counted from the oldest)', () => {
    fc.assert(
      fc.property(lists, fc.integer({ min: 1, max: 100 }), ({ n, size }, arriving) => {
        // an archive page as the stories it holds, counted from the oldest (0 = oldest)
        const fromOldest = (count: number, page: number) => {
          const r = pageRange(count, size, page)!;
          return [count - r.offset - r.count, count - r.offset];
        };
        const later = n + arriving;
        expect(archivePageCount(later, size)).toBeGreaterThanOrEqual(archivePageCount(n, size));
        for (let page = 1; page <= archivePageCount(n, size); page++) expect(fromOldest(later, page)).toEqual(fromOldest(n, page));
      }),
      { numRuns: 300 },
    );
  });

  it('chains every page from the front through older pages, and back through newer ones', () => {
    fc.assert(
      fc.property(lists, ({ n, size }) => {
        const pages = archivePageCount(n, size);
        const visited = [0];
        for (let page = neighbours(n, size, 0).older; page !== undefined; page = neighbours(n, size, page).older) visited.push(page);
        expect(visited).toEqual([0, ...Array.from({ length: pages }, (_, i) => pages - i)]);
        for (let page = 1; page <= pages; page++) {
          const { older, newer } = neighbours(n, size, page);
          expect(neighbours(n, size, newer!).older).toBe(page);
          if (older !== undefined) expect(neighbours(n, size, older).newer).toBe(page);
        }
      }),
      { numRuns: 300 },
    );
  });
});
