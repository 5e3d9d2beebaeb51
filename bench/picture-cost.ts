// Cost of processing one wire picture (integrations/dateline/pictures/process.ts) against the cheapest
// useful thing sharp does with it: one `sharp(src).resize(1200).jpeg()`. Budget: processPhoto at most
// 5× that. Sources: generated 6000×4000 (24 MP) JPEGs (tests/pictures/images.ts `photoLike`):
// * detailed (~6 MB): grain and texture, like a camera file: the decode costs what it does in practice;
// * smooth (~0.8 MB): no grain, but fine detail (lit windows) that survives downscaling: the decode is
//   cheap and the encoders are not, so the ratio is at its worst;
// * plain (~0.35 MB): flat shapes and gradients only.
// They are generated once and kept in the OS temp folder (`--fresh` makes them again).
//
// Times are medians of `--runs` runs after a warm-up, the measures taking turns; wall time and CPU time
// (user + system of the process: the fair measure when libvips uses helper threads), with
// `sharp.concurrency(1)` as in the picture workers. Then pictures per second through PhotoPool (2 worker
// threads), derivePhoto with its file writes included, each job a new cache key.
//
//   node bench/picture-cost.ts [--runs 7] [--pictures 12] [--source detailed,smooth,plain] [--fresh]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { PhotosOptionsSchema } from '../integrations/dateline/options.ts';
import { processPhoto } from '../integrations/dateline/pictures/process.ts';
import { PhotoPool } from '../integrations/dateline/pictures/pool.ts';
import { photoSettings } from '../integrations/dateline/pictures/settings.ts';
import { photoLike } from '../tests/pictures/images.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    pictures: { type: 'string', default: '12' },
    source: { type: 'string', default: 'detailed,smooth,plain' },
    fresh: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const pictures = Math.max(2, Number(values.pictures));
sharp.concurrency(1);

// The default `photos` options.
const settings = photoSettings(PhotosOptionsSchema.parse({}));

const SOURCES: Record<string, { options: Parameters<typeof photoLike>[2]; quality: number }> = {
  plain: { options: { seed: 1, grain: 0, texture: 0, windows: false }, quality: 85 },
  smooth: { options: { seed: 1, grain: 0, texture: 0 }, quality: 85 },
  detailed: { options: { seed: 1, grain: 14, texture: 20 }, quality: 90 },
};

async function source(name: string): Promise<{ path: string; bytes: Buffer }> {
  const spec = SOURCES[name];
  if (!spec) throw new Error(`unknown source "${name}" (${Object.keys(SOURCES).join(', ')})`);
  const path = join(tmpdir(), `dateline-bench-picture-${name}-v1.jpg`);
  if (values.fresh || !existsSync(path)) {
    const img = await photoLike(6000, 4000, spec.options);
    writeFileSync(path, await img.jpeg({ quality: spec.quality }).toBuffer());
  }
  return { path, bytes: readFileSync(path) };
}

interface Timing {
  wall: number;
  cpu: number;
}
/**
 * Medians of `n` runs of each function, the functions taking turns (after one warm-up run of each):
 * the machine is shared, and a change of its speed then touches every measure alike.
 */
async function medians(n: number, fns: (() => Promise<unknown>)[]): Promise<Timing[]> {
  for (const fn of fns) await fn();
  const wall: number[][] = fns.map(() => []),
    cpu: number[][] = fns.map(() => []);
  for (let i = 0; i < n; i++) {
    for (const [j, fn] of fns.entries()) {
      const c = process.cpuUsage();
      const t = performance.now();
      await fn();
      wall[j]!.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu[j]!.push((d.user + d.system) / 1000);
    }
  }
  const mid = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
  return fns.map((_, j) => ({ wall: mid(wall[j]!), cpu: mid(cpu[j]!) }));
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(
  `picture cost: 6000×4000 JPEG sources, median of ${runs} runs, sharp ${sharp.versions.sharp} / libvips ${sharp.versions.vips}, ${availableParallelism()} cores, load ${load()}`,
);
const rows: string[][] = [
  ['source', 'MB', 'resize ms', 'process ms', 'dec/cut/enc', 'files', 'out KB', 'ratio', 'ratio CPU', '∥2 ms', '∥2 ratio', 'pool pics/s', 'pool CPU ms/pic'],
];

const pool = await PhotoPool.start({ size: Math.min(2, availableParallelism()) });
try {
  for (const name of values.source
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const { path, bytes } = await source(name);
    let files = 0,
      outBytes = 0;
    const stages: Record<string, number[]> = {};
    const process1 = async () => {
      const timings: Record<string, number> = {};
      const r = await processPhoto(bytes, {}, settings, { timings });
      if (!r.ok) throw new Error(r.reason);
      files = r.photo.files.length;
      outBytes = r.photo.files.reduce((s, f) => s + f.bytes.length, 0);
      for (const k of ['decode', 'cuts', 'encode']) (stages[k] ??= []).push(timings[k] ?? 0);
    };
    const [base, full, par] = await medians(runs, [
      () => sharp(bytes).resize(1200).jpeg().toBuffer(),
      process1,
      () => processPhoto(bytes, {}, settings, { parallel: 2 }),
    ]);
    const stage = (k: string) => {
      const a = stages[k]!.slice(1).sort((x, y) => x - y); // without the warm-up run
      return a[a.length >> 1]!.toFixed(0);
    };
    // Throughput: derivePhoto in the workers (reads the file, hashes, processes, writes the set); a
    // new point of interest per job gives each a new key, so nothing comes from the cache.
    const cacheDir = mkdtempSync(join(tmpdir(), 'dateline-bench-pictures-'));
    try {
      const jobs = Array.from({ length: pictures }, (_, i) => ({ path, input: { poi: { x: 0.5, y: 0.3 + i / 1000 } }, settings, cacheDir }));
      await pool.derive(jobs.slice(0, 2).map((j) => ({ ...j, cacheDir: join(cacheDir, 'warm') }))); // warm-up
      const c = process.cpuUsage();
      const t = performance.now();
      const results = await pool.derive(jobs);
      const seconds = (performance.now() - t) / 1000;
      const used = process.cpuUsage(c); // the worker threads' time included
      const cpuPerPicture = (used.user + used.system) / 1000 / pictures;
      const bad = results.find((r) => !r.ok);
      if (bad && !bad.ok) throw new Error(bad.reason);
      if (results.some((r) => r.ok && r.cached)) throw new Error('a pool job came from the cache');
      rows.push([
        name,
        (bytes.length / 1e6).toFixed(2),
        base.wall.toFixed(0),
        full.wall.toFixed(0),
        `${stage('decode')}/${stage('cuts')}/${stage('encode')}`,
        String(files),
        (outBytes / 1024).toFixed(0),
        `${(full.wall / base.wall).toFixed(2)}×`,
        `${(full.cpu / base.cpu).toFixed(2)}×`,
        par!.wall.toFixed(0),
        `${(par!.wall / base.wall).toFixed(2)}×`,
        (pictures / seconds).toFixed(2),
        cpuPerPicture.toFixed(0),
      ]);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
} finally {
  await pool.close();
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
console.log(`load after: ${load()}`);
console.log('resize: sharp(src).resize(1200).jpeg(); process: processPhoto, default settings, one output at a time (as in a worker);');
console.log('ratio: process/resize wall time (CPU: user+system time); ∥2: processPhoto encoding 2 outputs at once (wall time, both cores);');
console.log("dec/cut/enc: ms decoding to the raw buffer / cutting the pyramid / encoding (with the crops' cuts);");
console.log('pool: derivePhoto (read, sha256, process, write the set) on 2 worker threads; CPU ms/pic counts every thread of the process.');
