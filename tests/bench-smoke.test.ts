// Smoke run of the Hugo benchmark through the same code path as `npm run bench`: 200 generated
// articles, one run, no social images, with the mixed-format cold build (`--mixed`, about 6 s more).
// Checks the figures are sane, not that targets are met.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const ARTICLES = 200;

interface Figures {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  pages: number;
  pagesPerSecond: number;
  exitCode: number;
  report?: Record<string, number>;
}

describe('bench smoke (200 articles, Hugo vs Dateline, mixed formats)', () => {
  let scratch: string;
  let out: { status: number | null; stdout: string; stderr: string };
  let json: {
    meta: { articles: number; images: boolean; mixed: boolean };
    generation: { mixed?: { files: number; formats: Record<string, number> } };
    results: Record<'hugo' | 'datelineCold' | 'datelineColdMixed' | 'datelineWarm' | 'datelineIncremental', Figures>;
    ratios: Record<string, { wall: number; cpu: number; peakMemory: number }>;
    targets: { name: string; value?: number; limit: number }[];
    failures: string[];
  };

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'dateline-bench-smoke-'));
    const jsonPath = join(scratch, 'out.json');
    const r = spawnSync(
      process.execPath,
      ['bench/run.ts', '--articles', String(ARTICLES), '--runs', '1', '--no-images', '--mixed', '--json', jsonPath, '--work', join(scratch, 'work')],
      { cwd: ROOT, encoding: 'utf8', timeout: 570_000 },
    );
    out = { status: r.status, stdout: r.stdout, stderr: r.stderr };
    try {
      json = JSON.parse(readFileSync(jsonPath, 'utf8'));
    } catch {
      // asserted below with the run's output
    }
  }, 600_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs to the end and writes the JSON', () => {
    expect(json, `bench output:\n${out.stdout}\n${out.stderr}`).toBeDefined();
    expect(json.failures, out.stdout).toEqual([]);
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(json.meta).toMatchObject({ articles: ARTICLES, images: false, mixed: true });
  });

  it('measures a Hugo build of every article', () => {
    const h = json.results.hugo;
    expect(h.exitCode).toBe(0);
    expect(h.pages).toBeGreaterThan(ARTICLES);
    expect(h.wallSeconds).toBeGreaterThan(0);
    expect(h.cpuSeconds).toBeGreaterThan(0);
    expect(h.peakRssBytes).toBeGreaterThan(0);
  });

  it.each(['datelineCold', 'datelineColdMixed', 'datelineWarm', 'datelineIncremental'] as const)('measures %s with sane figures', (k) => {
    const d = json.results[k];
    expect(d, `no ${k} figures:\n${out.stdout}`).toBeDefined();
    expect(d.exitCode).toBe(0);
    expect(d.pages).toBeGreaterThanOrEqual(ARTICLES);
    expect(d.wallSeconds).toBeGreaterThan(0);
    expect(d.cpuSeconds).toBeGreaterThan(0);
    expect(d.peakRssBytes).toBeGreaterThan(0);
    expect(d.pagesPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(json.ratios[k].wall) && json.ratios[k].wall > 0).toBe(true);
  });

  it('builds the generated set with nothing rejected, and the incremental build sees the new article', () => {
    expect(json.results.datelineCold.report).toMatchObject({ total: ARTICLES, published: ARTICLES });
    expect(json.results.datelineCold.report?.rejected ?? 0).toBe(0);
    expect(json.results.datelineIncremental.report).toMatchObject({ total: ARTICLES + 1, published: ARTICLES + 1 });
    expect(json.results.datelineIncremental.pages).toBeGreaterThan(json.results.datelineWarm.pages);
  });

  it('builds the mixed set (a quarter each of text, NewsML-G2, ninjs, teletype) with every file published', () => {
    expect(json.generation.mixed).toMatchObject({ files: ARTICLES, formats: { text: 50, 'newsml-g2': 50, ninjs: 50, anpa1312: 25, iptc7901: 25 } });
    expect(json.results.datelineColdMixed.report).toMatchObject({ total: ARTICLES, published: ARTICLES });
    expect(json.results.datelineColdMixed.report?.rejected ?? 0).toBe(0);
    const toText = json.ratios.datelineColdMixedToText;
    expect(toText, JSON.stringify(json.ratios)).toBeDefined();
    for (const r of [toText.wall, toText.cpu, toText.peakMemory]) expect(Number.isFinite(r) && r > 0).toBe(true);
  });

  it('states the issue targets', () => {
    expect(json.targets.map((t) => t.limit)).toEqual([3, 0.5, 1.5 * 1024 ** 3, 1.2]);
  });
});
