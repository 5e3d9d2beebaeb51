// Reproducible builds: the repository copied into two checkouts at different paths and depths, each
// built from the same content and "now" with social images on, one with TZ=Asia/Tokyo and one with
// TZ=America/New_York. Both dist/ folders must hold the same files, byte for byte.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputDir, repoRoot, writeContent } from '../helpers/build.ts';
import { injectionFiles, nameFiles, NOW, runName } from './fixtures.ts';
import { walk } from './util.ts';

/** The working tree's files as git sees them (tracked, with uncommitted changes, and new unignored files). */
function copyCheckout(to: string): void {
  rmSync(to, { recursive: true, force: true });
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of new Set(listed.split('\0').filter(Boolean))) {
    const from = join(repoRoot, file);
    if (!existsSync(from) || !lstatSync(from).isFile()) continue; // deleted in the working tree, or a link
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(from, join(to, file));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(to, 'node_modules'));
}

function build(checkout: string, content: string, tz: string): { dist: string; output: string } {
  const started = performance.now();
  const output = execFileSync(process.execPath, [join(checkout, 'integrations/dateline/cli/build.ts')], {
    cwd: checkout,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      TZ: tz,
      DATELINE_CONTENT: content,
      DATELINE_NOW: NOW,
      // Each checkout its own caches and its own compiled theme (node_modules is shared through the link).
      DATELINE_CACHE_DIR: join(checkout, '.cache', 'astro'),
      DATELINE_RENDERER_DIR: join(checkout, '.cache', 'renderer'),
      DATELINE_CHANGES: undefined,
      DATELINE_OUT_DIR: undefined,
      DATELINE_REPORT: undefined,
      DATELINE_OG_IMAGES: undefined,
    },
    maxBuffer: 256 * 1024 * 1024,
  });
  console.log(`repro build (${tz}) in ${checkout}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dist: join(checkout, 'dist'), output };
}

/** A short account of where two files first differ. */
function diffHint(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 80), i + 80).toString('utf8'));
  return `sizes ${a.length} / ${b.length}, first difference at byte ${i}:\n  A: ${show(a)}\n  B: ${show(b)}`;
}

describe('reproducible builds', () => {
  // Both outside the repository: a checkout under tests/ would hold test files Vitest collects.
  const aRoot = join(tmpdir(), `dateline-repro-a-${process.pid}`);
  const a = join(aRoot, 'checkout');
  const bRoot = join(tmpdir(), `dateline-repro-b-${process.pid}`);
  const b = join(bRoot, 'x', 'y', 'checkout');
  const content = join(outputDir(runName('repro-content')), 'content');
  let distA: string;
  let distB: string;

  beforeAll(() => {
    rmSync(content, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    for (const f of walk(join(repoRoot, 'content'))) copyFileSync(join(repoRoot, 'content', f), join(content, f.replace(/\//g, '__')));
    writeContent(content, { ...injectionFiles, ...nameFiles });
    copyCheckout(a);
    copyCheckout(b);
    distA = build(a, content, 'Asia/Tokyo').dist;
    distB = build(b, content, 'America/New_York').dist;
  }, 900_000);

  afterAll(() => {
    for (const root of [aRoot, bRoot]) rmSync(root, { recursive: true, force: true });
  });

  /** Both trees list the same files with the same bytes; the first differing file gets a diff hint. */
  function expectSameTree(one: string, other: string): void {
    const filesA = walk(one);
    const filesB = walk(other);
    expect(filesA.length).toBeGreaterThan(50);
    expect(filesA.some((f) => f.startsWith('og/') && f !== 'og/default.png')).toBe(true);
    expect(
      filesA.filter((f) => !filesB.includes(f)),
      'only in the first build',
    ).toEqual([]);
    expect(
      filesB.filter((f) => !filesA.includes(f)),
      'only in the second build',
    ).toEqual([]);
    const differing: string[] = [];
    for (const f of filesA) {
      const bytesA = readFileSync(join(one, f));
      const bytesB = readFileSync(join(other, f));
      if (!bytesA.equals(bytesB)) differing.push(differing.length === 0 ? `${f}: ${diffHint(bytesA, bytesB)}` : f);
    }
    expect(differing).toEqual([]);
  }

  it('give the same files, byte for byte, from different paths and time zones', () => {
    expectSameTree(distA, distB);
  });

  it('give the same files again from warm caches and a content folder given relative to the checkout', () => {
    // Same files, now inside the checkout and named relatively (DATELINE_CONTENT=wire); caches kept.
    // Their times kept too: a teletype file (the demo's IPTC 7901 and ANPA 1312 items) is read again when
    // its modification time changes, since its trailer's year is placed by that time.
    cpSync(content, join(a, 'wire'), { recursive: true, preserveTimestamps: true });
    const again = build(a, 'wire', 'UTC');
    expect(again.output).toMatch(/0 parsed, \d+ unchanged/);
    expect(again.output).toMatch(/0 rendered, \d+ reused/);
    expectSameTree(again.dist, distB);
  });

  it('leak no build path into dist/', () => {
    for (const [checkout, dist] of [
      [a, distA],
      [b, distB],
    ] as const) {
      for (const f of walk(dist)) {
        const text = readFileSync(join(dist, f)).toString('latin1');
        expect(text.includes(checkout), `${f} holds ${checkout}`).toBe(false);
        expect(text.includes(repoRoot.replace(/\/$/, '')), `${f} holds ${repoRoot}`).toBe(false);
        expect(text.includes(content), `${f} holds ${content}`).toBe(false);
      }
    }
  });
});
