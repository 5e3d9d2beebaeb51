// The progress renderer (integrations/dateline/publish/progress.ts) on a fake stream with a clock the
// test moves: on a terminal, one line redrawn in place (cursor to column 1, the text, erase to the end
// of the line), cut to the terminal's width, cleared or closed when its stage ends; elsewhere, a plain
// line per stage every interval, none for a stage that ends sooner. No site is built (unit tier);
// tests/publish/progress.test.ts checks the plain lines of a real build.
import { describe, expect, it } from 'vitest';
import { bar, durationText, intervalFromEnv, progressReporter, type ProgressStream } from '../../integrations/dateline/publish/progress.ts';

const ESC = '\u001b';
const TO_COLUMN_1 = `${ESC}[1G`;
const ERASE_RIGHT = `${ESC}[0K`;
const ERASE_LINE = `${ESC}[2K`;

function fake(options: { isTTY: boolean; columns?: number }) {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY: options.isTTY, columns: options.columns ?? 120, write: (text: string) => writes.push(text) };
  let t = 0;
  return {
    stream,
    writes,
    /** Everything written since the last call, as one string. */
    take: () => writes.splice(0).join(''),
    at: (ms: number) => {
      t = ms;
    },
    now: () => t,
  };
}

describe('on a terminal', () => {
  const env = { TERM: 'xterm-256color' };

  it('draws one line in place: the stage, a bar, done of total, the rate and the time left', () => {
    const f = fake({ isTTY: true });
    const r = progressReporter(f.stream, { now: f.now, timer: false, env, intervalMs: 5000 });
    r.progress('pages', 0, 12_534);
    expect(f.take()).toBe(`${TO_COLUMN_1}[dateline] pages [....................] 0 of 12,534 (0 s so far)${ERASE_RIGHT}`);
    f.at(2000);
    r.progress('pages', 1240, 12_534);
    expect(f.take()).toBe(`${TO_COLUMN_1}[dateline] pages [#...................] 1,240 of 12,534 (620/s, about 18 s left)${ERASE_RIGHT}`);
    // redrawn at most every 100 ms
    f.at(2050);
    r.progress('pages', 1300, 12_534);
    expect(f.take()).toBe('');
    f.at(7000);
    r.progress('pages', 4200, 12_534);
    const line = f.take();
    expect(line).toBe(`${TO_COLUMN_1}[dateline] pages [######..............] 4,200 of 12,534 (600/s, about 14 s left)${ERASE_RIGHT}`);
    // never a newline while the stage goes on: the line is overwritten
    expect(line).not.toContain('\n');
  });

  it('shows the stages under way side by side (pages and search), and cuts the line to the width', () => {
    const f = fake({ isTTY: true, columns: 60 });
    const r = progressReporter(f.stream, { now: f.now, timer: false, env, intervalMs: 5000 });
    r.progress('pages', 0, 400);
    f.at(1000);
    r.progress('search', 0, 3000);
    f.at(2000);
    r.progress('pages', 200, 400);
    const text = f.take().split(TO_COLUMN_1).at(-1)!.replace(ERASE_RIGHT, '');
    expect(text).toHaveLength(59);
    expect(text.endsWith('…')).toBe(true);
    expect(text.startsWith('[dateline] pages [##########..........] 200 of 400 (100/s')).toBe(true);

    // a terminal that says it has 0 columns (a pseudo-terminal no one sized) is taken as 80 wide
    const unsized = fake({ isTTY: true, columns: 0 });
    const u = progressReporter(unsized.stream, { now: unsized.now, timer: false, env, intervalMs: 5000 });
    u.progress('pages', 0, 400);
    unsized.at(1000);
    u.progress('search', 0, 3000);
    expect(unsized.take().split(TO_COLUMN_1).at(-1)!.replace(ERASE_RIGHT, '')).toHaveLength(79);

    const wide = fake({ isTTY: true, columns: 200 });
    const w = progressReporter(wide.stream, { now: wide.now, timer: false, env, intervalMs: 5000 });
    w.progress('pages', 0, 400);
    wide.at(1000);
    w.progress('search', 0, 3000);
    wide.at(2000);
    w.progress('search', 1000, 3000);
    expect(wide.take().split(TO_COLUMN_1).at(-1)).toBe(
      `[dateline] pages [....................] 0 of 400 (2 s so far); search: 1,000 of 3,000 stories (1,000/s, about 2 s left)${ERASE_RIGHT}`,
    );
  });

  it('clears the line of a stage that ends within the interval, and closes a longer one with a line of its own', () => {
    const f = fake({ isTTY: true });
    const r = progressReporter(f.stream, { now: f.now, timer: false, env, intervalMs: 5000 });
    r.progress('reading', 0, 100);
    f.take();
    f.at(1000);
    r.progress('reading', 100, 100);
    expect(f.take()).toBe(`${TO_COLUMN_1}${ERASE_LINE}`);

    f.at(2000);
    r.progress('social images', 0, 3000);
    f.take();
    f.at(8000);
    r.progress('social images', 3000, 3000);
    expect(f.take()).toBe(`${TO_COLUMN_1}${ERASE_LINE}[dateline] social images: 3,000 of 3,000 in 6.0 s (500/s)\n`);
  });

  it('clears the line for a line of the log, and draws it again at the next report', () => {
    const f = fake({ isTTY: true });
    const r = progressReporter(f.stream, { now: f.now, timer: false, env, intervalMs: 5000 });
    r.progress('deciding', 0, 10_000);
    f.take();
    r.clear();
    expect(f.take()).toBe(`${TO_COLUMN_1}${ERASE_LINE}`);
    r.clear();
    expect(f.take()).toBe('');
    f.at(1000);
    r.progress('deciding', 5000, 10_000);
    expect(f.take()).toBe(`${TO_COLUMN_1}[dateline] deciding [##########..........] 5,000 of 10,000 stories (5,000/s, about 1 s left)${ERASE_RIGHT}`);
    r.end();
    expect(f.take()).toBe(`${TO_COLUMN_1}${ERASE_LINE}`);
  });

  it('prints plain lines when TERM is dumb or the caller asks for them (--watch)', () => {
    for (const options of [{ env: { TERM: 'dumb' } }, { env, plain: true }]) {
      const f = fake({ isTTY: true });
      const r = progressReporter(f.stream, { now: f.now, timer: false, intervalMs: 5000, ...options });
      r.progress('pages', 0, 100);
      f.at(5000);
      r.progress('pages', 50, 100);
      expect(f.take()).toBe('[dateline] pages: 50 of 100 (10/s, about 5 s left)\n');
    }
  });
});

describe('not on a terminal', () => {
  it('prints a line per interval, no escape sequence, and a closing line after a stage that printed one', () => {
    const f = fake({ isTTY: false });
    const r = progressReporter(f.stream, { now: f.now, timer: false, intervalMs: 5000 });
    r.progress('pages', 0, 12_534);
    for (let t = 100; t <= 20_000; t += 100) {
      f.at(t);
      r.progress('pages', Math.min(12_533, Math.floor(t * 0.62)), 12_534);
    }
    f.at(20_300);
    r.progress('pages', 12_534, 12_534);
    expect(f.take()).toBe(
      [
        '[dateline] pages: 3,100 of 12,534 (620/s, about 15 s left)',
        '[dateline] pages: 6,200 of 12,534 (620/s, about 10 s left)',
        '[dateline] pages: 9,300 of 12,534 (620/s, about 5 s left)',
        '[dateline] pages: 12,400 of 12,534 (620/s, about 0 s left)',
        '[dateline] pages: 12,534 of 12,534 in 20.3 s (617/s)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for a stage that ends within the interval', () => {
    const f = fake({ isTTY: false });
    const r = progressReporter(f.stream, { now: f.now, timer: false, intervalMs: 5000 });
    r.progress('reading', 0, 10_000);
    for (let t = 0; t < 4900; t += 10) {
      f.at(t);
      r.progress('reading', t * 2, 10_000);
    }
    r.progress('reading', 10_000, 10_000);
    // a stage of nothing neither
    r.progress('pictures', 0, 0);
    expect(f.writes).toEqual([]);
  });

  it('says how long it has waited while nothing is done yet, and measures the rate over the last seconds', () => {
    const f = fake({ isTTY: false });
    const r = progressReporter(f.stream, { now: f.now, timer: false, intervalMs: 5000 });
    // the cache's images come at once, then each new one is drawn slowly
    r.progress('social images', 0, 2000);
    f.at(100);
    r.progress('social images', 1000, 2000);
    for (let t = 1000; t <= 30_000; t += 1000) {
      f.at(t);
      r.progress('social images', 1000 + Math.floor(t / 1000) * 10, 2000);
    }
    const lines = f.take().trim().split('\n');
    // after 10 s only the drawing counts: 10/s, about 70 s left at 30 s
    expect(lines.at(-1)).toBe('[dateline] social images: 1,300 of 2,000 (10/s, about 1 min 10 s left)');

    const g = fake({ isTTY: false });
    const s = progressReporter(g.stream, { now: g.now, timer: false, intervalMs: 5000 });
    s.progress('pictures', 0, 24);
    g.at(6000);
    s.progress('pictures', 0, 24);
    expect(g.take()).toBe('[dateline] pictures: 0 of 24 (6 s so far)\n');
  });

  it('prints from its timer while the publisher waits between reports', async () => {
    const f = fake({ isTTY: false });
    const r = progressReporter(f.stream, { intervalMs: 60 });
    r.progress('search', 0, 1000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    r.end();
    const lines = f.take().trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    // the real clock: on a loaded machine the timer fires late, so a line may already say 1 s
    for (const line of lines) expect(line).toMatch(/^\[dateline\] search: 0 of 1,000 stories \(\d+ s so far\)$/);
    const seconds = lines.map((line) => Number(/\((\d+) s so far\)/.exec(line)![1]));
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(f.writes).toEqual([]);
  });

  it('starts a stage again when its count goes back (a --watch publish after one that failed)', () => {
    const f = fake({ isTTY: false });
    const r = progressReporter(f.stream, { now: f.now, timer: false, intervalMs: 5000 });
    r.progress('pages', 0, 100);
    f.at(1000);
    r.progress('pages', 40, 100);
    f.at(100_000);
    r.progress('pages', 0, 10);
    f.at(101_000);
    r.progress('pages', 5, 10);
    expect(f.writes).toEqual([]);
  });
});

describe('formats and settings', () => {
  it('writes times left as people say them', () => {
    expect([0, 13.4, 59.6, 60, 200, 600, 1530, 3600, 3900].map(durationText)).toEqual([
      '0 s',
      '13 s',
      '1 min',
      '1 min',
      '3 min 20 s',
      '10 min',
      '26 min',
      '1 h',
      '1 h 5 min',
    ]);
  });

  it('draws the bar of the share done', () => {
    expect(bar(0, 10, 10)).toBe('[..........]');
    expect(bar(5, 10, 10)).toBe('[#####.....]');
    expect(bar(10, 10, 10)).toBe('[##########]');
    expect(bar(0, 0, 4)).toBe('[....]');
  });

  it('reads DATELINE_PROGRESS_INTERVAL_MS, and refuses a value that is not a whole number of milliseconds from 50', () => {
    expect(intervalFromEnv({})).toBe(5000);
    expect(intervalFromEnv({ DATELINE_PROGRESS_INTERVAL_MS: '200' })).toBe(200);
    for (const bad of ['0', '10', '1.5', 'abc', '-200']) {
      expect(() => intervalFromEnv({ DATELINE_PROGRESS_INTERVAL_MS: bad })).toThrow(
        `DATELINE_PROGRESS_INTERVAL_MS="${bad}" must be a whole number of milliseconds, at least 50`,
      );
    }
  });
});
