// How far a long publish has got, for the person or the log watching it. The publisher reports each
// stage as `(stage, done, total)` (publisher.ts `progress`, no terminal code there); this module shows it:
//
//   - on a terminal (stdout is a TTY), one line updated in place with every stage under way (pages and
//     search run side by side): `[dateline] pages [#####.......] 4,200 of 12,534 (620/s, about 13 s left)`;
//     a stage that ends within the interval is cleared, a longer one leaves its closing line;
//   - elsewhere (CI logs, tests, `--watch` under a service manager), a plain line per stage every
//     `DATELINE_PROGRESS_INTERVAL_MS` (5 s): `[dateline] pages: 4,200 of 12,534 (620/s, about 13 s
//     left)`, and a closing line `[dateline] pages: 12,534 of 12,534 in 20.4 s (614/s)`; nothing for a
//     stage that ends sooner.
//
// Hand-written: the library already in the tree (@clack/prompts' `progress`, through Astro) and the
// usual ones (cli-progress, ora) redraw from a timer, which never fires while the publisher reads and
// decides (synchronous loops over SQLite), draw their own frame around Dateline's `[dateline]` lines,
// and print nothing useful when the output is not a terminal. Here every report may redraw (at most
// every 100 ms on a terminal), and a timer covers the waits between reports (a picture chunk, a
// Pagefind shard).
import { clearLine, cursorTo } from 'node:readline';
import { DatelineOptionsError } from '../options.ts';

/** The publisher's stages that can take long, in the order they run (pages and search overlap). */
export type ProgressStage = 'reading' | 'deciding' | 'pictures' | 'social images' | 'pages' | 'search';

/**
 * A stage's progress: called with `done` 0 when it starts, as it goes, and with `done` = `total` when it
 * ends (a stage of nothing: `0, 0`).
 */
export type Progress = (stage: ProgressStage, done: number, total: number) => void;

/** What each stage counts, after its number (`4,200 of 10,000 files`); the stage's name says it for the rest. */
const UNITS: Record<ProgressStage, string> = {
  reading: ' files',
  deciding: ' stories',
  pictures: '',
  'social images': '',
  pages: '',
  search: ' stories',
};

/** Default time between plain lines. */
export const DEFAULT_INTERVAL_MS = 5000;
/** The rate is measured over the last this many milliseconds (a cache's reused images come all at once at the start). */
const RATE_WINDOW_MS = 10_000;
/** Time between the samples the rate is measured from. */
const SAMPLE_MS = 250;
/** Fastest redraw on a terminal. */
const TTY_REDRAW_MS = 100;
/** A terminal line is redrawn at least this often while a stage waits (the time it has taken goes on). */
const TTY_TICK_MS = 1000;

/** The part of a stream the reporter writes to (process.stdout, or a test's fake). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Plain lines only, even on a terminal (`--watch`: its publishes are small, and it runs for days). */
  plain?: boolean;
  /** Milliseconds between plain lines (default DATELINE_PROGRESS_INTERVAL_MS, else 5 s). */
  intervalMs?: number;
  /** Put before each line (default `[dateline] `). */
  prefix?: string;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
  /** Redraw from a timer between reports (default true; tests drive the clock themselves). */
  timer?: boolean;
  /** Where TERM and DATELINE_PROGRESS_INTERVAL_MS are read (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface ProgressReporter {
  /** The publisher's `progress` option. */
  progress: Progress;
  /** Clears the line being updated (before another line is printed); the next report draws it again. */
  clear(): void;
  /** Clears the line and stops the timer (after the publish, however it ended). */
  end(): void;
}

interface StageState {
  stage: ProgressStage;
  done: number;
  total: number;
  started: number;
  /** Recent (time, done) samples, for the rate. */
  samples: { t: number; done: number }[];
  /** When its last plain line was printed (its start: the first comes an interval in). */
  lastLine: number;
  /** Plain lines printed for it: a stage that printed one prints its closing line too. */
  lines: number;
}

/** `12,534` */
const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** `620/s`, `12/s`, `2.5/s` */
function rateText(perSecond: number): string {
  const tenths = perSecond.toFixed(1);
  return `${Number(tenths) >= 10 ? count(perSecond) : tenths}/s`;
}

/** `13 s`, `3 min 20 s`, `25 min`, `1 h 5 min` */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) return s % 60 ? `${minutes} min ${s % 60} s` : `${minutes} min`;
  if (minutes < 60) return `${Math.round(s / 60)} min`;
  const m = Math.round(s / 60);
  return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m / 60} h`;
}

/** Items per second over the recent window; undefined until there is a measure. */
function rateOf(state: StageState, now: number): number | undefined {
  const first = state.samples[0];
  if (!first) return undefined;
  const seconds = (now - first.t) / 1000;
  const done = state.done - first.done;
  if (seconds < 0.25 || done <= 0) return undefined;
  return done / seconds;
}

/** `4,200 of 12,534 (620/s, about 13 s left)`, or `(40 s so far)` while there is no rate. */
function progressText(state: StageState, now: number): string {
  const numbers = `${count(state.done)} of ${count(state.total)}${UNITS[state.stage]}`;
  const rate = rateOf(state, now);
  if (rate === undefined) return `${numbers} (${durationText((now - state.started) / 1000)} so far)`;
  return `${numbers} (${rateText(rate)}, about ${durationText((state.total - state.done) / rate)} left)`;
}

/** `12,534 of 12,534 in 20.4 s (614/s)`: a stage that ended. */
function closingText(state: StageState, now: number): string {
  const seconds = (now - state.started) / 1000;
  const took = seconds < 60 ? `${seconds.toFixed(1)} s` : durationText(seconds);
  return `${count(state.total)} of ${count(state.total)}${UNITS[state.stage]} in ${took}${seconds > 0 ? ` (${rateText(state.total / seconds)})` : ''}`;
}

/** `[#####.......]`: the share done, `width` characters inside the brackets. */
export function bar(done: number, total: number, width: number): string {
  const filled = total > 0 ? Math.min(width, Math.floor((done / total) * width)) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** The interval of plain lines from the environment (`DATELINE_PROGRESS_INTERVAL_MS`), else 5 s. */
export function intervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.DATELINE_PROGRESS_INTERVAL_MS;
  if (value === undefined || value === '') return DEFAULT_INTERVAL_MS;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms < 50)
    throw new DatelineOptionsError(`DATELINE_PROGRESS_INTERVAL_MS="${value}" must be a whole number of milliseconds, at least 50`);
  return ms;
}

/**
 * A reporter writing to `stream`: a line updated in place when it is a terminal (and not `plain`),
 * else plain lines every interval.
 */
export function progressReporter(stream: ProgressStream, options: ProgressOptions = {}): ProgressReporter {
  const env = options.env ?? process.env;
  // (a terminal that cannot move its cursor gets the plain lines)
  const tty = !options.plain && stream.isTTY === true && env.TERM !== 'dumb';
  const interval = options.intervalMs ?? intervalFromEnv(env);
  const prefix = options.prefix ?? '[dateline] ';
  const clock = options.now ?? (() => performance.now());
  const useTimer = options.timer ?? true;
  const active = new Map<ProgressStage, StageState>();
  /** Whether the terminal's current line is ours (drawn and not yet cleared). */
  let drawn = false;
  let lastDraw = -Infinity;
  let timer: NodeJS.Timeout | undefined;

  const clearDrawn = () => {
    if (!drawn) return;
    cursorTo(stream as NodeJS.WritableStream, 0);
    clearLine(stream as NodeJS.WritableStream, 0);
    drawn = false;
  };

  /** The terminal line: every stage under way, cut to the terminal's width (a wrapped line cannot be redrawn in place). */
  const draw = (now: number) => {
    lastDraw = now;
    if (!active.size) return clearDrawn();
    const parts = [...active.values()].map((s, i) =>
      i === 0 ? `${s.stage} ${bar(s.done, s.total, 20)} ${progressText(s, now)}` : `${s.stage}: ${progressText(s, now)}`,
    );
    let text = `${prefix}${parts.join('; ')}`;
    // (a terminal of unknown width, or one that says 0: 80 columns)
    const width = (stream.columns || 80) - 1;
    if (text.length > width) text = width > 1 ? `${text.slice(0, width - 1)}…` : '';
    cursorTo(stream as NodeJS.WritableStream, 0);
    stream.write(text);
    clearLine(stream as NodeJS.WritableStream, 1);
    drawn = true;
  };

  /** Plain lines of the stages whose interval has passed. */
  const printDue = (now: number) => {
    for (const state of active.values()) {
      if (now - state.lastLine < interval) continue;
      stream.write(`${prefix}${state.stage}: ${progressText(state, now)}\n`);
      state.lastLine = now;
      state.lines++;
    }
  };

  const tick = () => {
    const now = clock();
    if (tty) draw(now);
    else printDue(now);
  };

  const stopTimer = () => {
    clearInterval(timer);
    timer = undefined;
  };

  const progress: Progress = (stage, done, total) => {
    const now = clock();
    let state = active.get(stage);
    if (done >= total) {
      // the stage ends: a long one leaves its closing line, a short one nothing
      if (!state) return;
      state.done = total;
      state.total = total;
      active.delete(stage);
      const long = tty ? now - state.started >= interval : state.lines > 0;
      if (tty) {
        if (long) {
          clearDrawn();
          stream.write(`${prefix}${stage}: ${closingText(state, now)}\n`);
        }
        draw(now);
      } else if (long) stream.write(`${prefix}${stage}: ${closingText(state, now)}\n`);
      if (!active.size) stopTimer();
      return;
    }
    // (a count that goes back is the stage started again: a `--watch` publish after one that failed)
    if (!state || done < state.done) {
      state = { stage, done, total, started: now, samples: [], lastLine: now, lines: 0 };
      active.set(stage, state);
      if (useTimer && !timer) {
        timer = setInterval(tick, tty ? TTY_TICK_MS : Math.min(interval, TTY_TICK_MS));
        timer.unref();
      }
    }
    state.done = done;
    state.total = total;
    // a sample every quarter second at most (a tight loop reports thousands of times a second), and
    // one at or before the window's start, so the rate covers the whole window
    if (!state.samples.length || now - state.samples.at(-1)!.t >= SAMPLE_MS) state.samples.push({ t: now, done });
    while (state.samples.length > 2 && state.samples[1]!.t <= now - RATE_WINDOW_MS) state.samples.shift();
    if (tty) {
      if (now - lastDraw >= TTY_REDRAW_MS) draw(now);
    } else printDue(now);
  };

  return {
    progress,
    clear: () => {
      if (tty) clearDrawn();
    },
    end: () => {
      stopTimer();
      active.clear();
      if (tty) clearDrawn();
    },
  };
}

/**
 * A command's progress on stdout, and its log: `[dateline] …` through console.log, clearing the line
 * updated in place first (the next report draws it again below).
 */
export function commandProgress(options: { plain?: boolean } = {}): { reporter: ProgressReporter; log: (line: string) => void } {
  const reporter = progressReporter(process.stdout, options);
  return {
    reporter,
    log: (line) => {
      reporter.clear();
      console.log(`[dateline] ${line}`);
    },
  };
}
