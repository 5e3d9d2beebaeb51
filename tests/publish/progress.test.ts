// A long build's progress when its output is not a terminal (issue 21, item 10): a plain line per stage
// every DATELINE_PROGRESS_INTERVAL_MS (200 ms here, 5 s by default), with done of total rising to the
// total, a closing line per stage that printed one, and the summary after them exactly as a build that
// prints no progress writes it. Real builds of 150 generated stories (bench/generate.ts): the full
// build's publisher (cli/build.ts, as tests/helpers/build.ts runs it) and a one-shot `npm run publish`
// on an empty cache (cli/publish.ts), with their output piped. The terminal's line is tested in
// progress-render.test.ts.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_NOW, generateArticles } from '../../bench/generate.ts';
import { buildSite, outputDir, publishSite } from '../helpers/build.ts';

const STORIES = 150;
const STAGES = ['reading', 'deciding', 'pictures', 'social images', 'pages', 'search'];
const UNITS: Record<string, string> = { reading: ' files', deciding: ' stories', search: ' stories' };

interface ProgressLine {
  stage: string;
  done: number;
  total: number;
  /** `(620/s, about 13 s left)` or `(2 s so far)`; for the closing line `in 3.1 s (140/s)`. */
  rest: string;
  closing: boolean;
}

const number = (text: string) => Number(text.replace(/,/g, ''));
const LINE = new RegExp(`^\\[dateline\\] (${STAGES.join('|')}): ([\\d,]+) of ([\\d,]+)( files| stories)? (\\(.*\\)|in .*)$`);

/** The progress lines of a build's output, in order. */
function progressLines(output: string): ProgressLine[] {
  return output.split('\n').flatMap((line) => {
    const m = LINE.exec(line);
    if (!m) return [];
    expect(m[4] ?? '', `the unit of ${line}`).toBe(UNITS[m[1]!] ?? '');
    return [{ stage: m[1]!, done: number(m[2]!), total: number(m[3]!), rest: m[5]!, closing: m[5]!.startsWith('in ') }];
  });
}

/** The output without its progress lines, times masked, and without the theme's compile (a build that finds the theme compiled does not say it). */
function summaryOf(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => !LINE.test(line) && !/compiling the theme|theme compiled in/.test(line))
    .map((line) => line.replace(/\d[\d,.]* (ms|s)\b/g, 'T $1').replaceAll('/progress-quiet/', '/progress/'));
}

/** Each stage's lines: done rising to less than the total, the total fixed, a closing line last. */
function checkStages(lines: ProgressLine[]): Map<string, ProgressLine[]> {
  const byStage = new Map<string, ProgressLine[]>();
  for (const line of lines) byStage.set(line.stage, [...(byStage.get(line.stage) ?? []), line]);
  for (const [stage, list] of byStage) {
    const total = list[0]!.total;
    expect(total, stage).toBeGreaterThan(0);
    const going = list.slice(0, -1);
    const closing = list.at(-1)!;
    expect(going.length, `${stage}: a closing line follows at least one line under way`).toBeGreaterThan(0);
    for (const [i, line] of going.entries()) {
      expect(line.closing, stage).toBe(false);
      expect(line.total, stage).toBe(total);
      expect(line.done, stage).toBeLessThan(total);
      expect(line.done, stage).toBeGreaterThanOrEqual(i ? going[i - 1]!.done : 0);
      expect(line.rest, stage).toMatch(/^\((?:[\d,.]+\/s, about (?:\d+ s|\d+ min(?: \d+ s)?|\d+ h(?: \d+ min)?) left|\d[^)]* so far)\)$/);
    }
    expect(closing, stage).toMatchObject({ closing: true, done: total, total });
    expect(closing.rest, stage).toMatch(/^in \d+\.\d s \([\d,.]+\/s\)$/);
  }
  // the stages in the order they run (pages and search side by side)
  const firsts = [...byStage.keys()];
  expect(firsts.filter((s) => s !== 'search')).toEqual(STAGES.filter((s) => s !== 'search' && byStage.has(s)));
  return byStage;
}

describe('progress of a long build whose output is not a terminal', () => {
  const content = join(outputDir('progress'), 'content');
  const env = { DATELINE_NOW: BENCH_NOW };
  let withProgress: string;
  let without: string;
  let published: string;

  beforeAll(() => {
    generateArticles(STORIES, content, 7);
    withProgress = buildSite('progress', { contentDir: content, env: { ...env, DATELINE_PROGRESS_INTERVAL_MS: '200' } }).output;
    // the same build with an interval no stage lasts: no progress line
    without = buildSite('progress-quiet', { contentDir: content, env: { ...env, DATELINE_PROGRESS_INTERVAL_MS: '3600000' } }).output;
    // `npm run publish` on an empty cache (and no dist/) publishes everything too
    rmSync(outputDir('progress-publish'), { recursive: true, force: true });
    const run = publishSite('progress-publish', { contentDir: content, env: { ...env, DATELINE_PROGRESS_INTERVAL_MS: '200' } });
    expect(run.status, run.output).toBe(0);
    published = run.output;
  });

  it('prints plain progress lines: done of total rising, the rate and the time left, a closing line per stage', () => {
    const lines = progressLines(withProgress);
    const stages = checkStages(lines);
    // drawing 150 stories' pages (about 300 routes) lasts well over 200 ms; its total is the routes the summary counts
    const pages = stages.get('pages');
    expect(pages, withProgress).toBeDefined();
    const drawn = Number(/^\[dateline\] (\d+) route\(s\) drawn$/m.exec(withProgress)![1]);
    expect(pages![0]!.total).toBe(drawn);
    // no escape sequence, no carriage return: plain lines for a log
    expect(withProgress).not.toMatch(/[\u001b\r]/);
  });

  it('prints them before the summary, which is as a build without progress lines prints it', () => {
    expect(progressLines(without)).toEqual([]);
    expect(summaryOf(withProgress)).toEqual(summaryOf(without));
    // every progress line comes before the summary's first line
    const all = withProgress.split('\n');
    const lastProgress = all.findLastIndex((l) => LINE.test(l));
    const firstSummary = all.findIndex((l) => /^\[dateline\] \d+ wire files/.test(l));
    expect(firstSummary).toBeGreaterThan(lastProgress);
    expect(all.slice(firstSummary).some((l) => LINE.test(l))).toBe(false);
  });

  it('`npm run publish` prints them too', () => {
    const stages = checkStages(progressLines(published));
    expect(stages.get('pages'), published).toBeDefined();
    expect(published).not.toMatch(/[\u001b\r]/);
  });
});
