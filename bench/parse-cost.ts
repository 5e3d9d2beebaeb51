// Parse cost per format: the generated articles written in each format (bench/formats.ts) and read
// with the real parsers (parseWireFile, as the build's ingest does, without the parse cache), timed per
// format. The bytes are made in memory first, so only parsing is timed; every format is read once per
// round, `--repeat` rounds after a warm-up round, and the best round of each is reported (the machine
// is shared; the best round is the least disturbed one).
//
//   node bench/parse-cost.ts [--articles 2500] [--seed 1] [--repeat 3]
import { parseArgs } from 'node:util';
import { articlePartsFor, wireText } from './generate.ts';
import { articleFile, BENCH_FORMATS, type BenchFormat } from './formats.ts';
import { parseWireFile } from '../integrations/dateline/formats/index.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '2500' }, seed: { type: 'string', default: '1' }, repeat: { type: 'string', default: '3' } },
});
const n = Number(values.articles);
const seed = Number(values.seed);
const repeat = Math.max(1, Number(values.repeat));
const options = { timeZone: 'Asia/Karachi', fileTime: Date.now() };

const files: Record<BenchFormat, { name: string; bytes: Uint8Array }[]> = { text: [], 'newsml-g2': [], ninjs: [], anpa1312: [], iptc7901: [] };
const encoder = new TextEncoder();
for (let i = 0; i < n; i++) {
  const a = articlePartsFor(seed, i, n);
  files.text.push({ name: `${a.stem}.txt`, bytes: encoder.encode(wireText(a)) });
  for (const f of BENCH_FORMATS) {
    if (f === 'text') continue;
    const { file, text } = articleFile(a, f);
    files[f].push({ name: file, bytes: encoder.encode(text) });
  }
}

function pass(list: { name: string; bytes: Uint8Array }[]): { ms: number; rejected: number } {
  let rejected = 0;
  const t = performance.now();
  for (const f of list) {
    const r = parseWireFile(f.name, f.bytes, options);
    if (r.errors.length || !r.items.every((x) => x.ok)) rejected++;
  }
  return { ms: performance.now() - t, rejected };
}

const best: Record<BenchFormat, number> = { text: Infinity, 'newsml-g2': Infinity, ninjs: Infinity, anpa1312: Infinity, iptc7901: Infinity };
const rejected: Record<BenchFormat, number> = { text: 0, 'newsml-g2': 0, ninjs: 0, anpa1312: 0, iptc7901: 0 };
// Rounds over every format in turn (a warm-up round first): a change of the machine's speed during the
// run touches every format alike, and the best round of each is kept.
for (let round = 0; round <= repeat; round++) {
  for (const f of BENCH_FORMATS) {
    const r = pass(files[f]);
    rejected[f] = r.rejected;
    if (round > 0) best[f] = Math.min(best[f], r.ms);
  }
}
console.log(
  `parse cost, ${n} articles per format (best of ${repeat} rounds after a warm-up round), load ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`${'format'.padEnd(10)} ${'MB'.padStart(6)} ${'total ms'.padStart(9)} ${'ms/file'.padStart(8)} ${'×text'.padStart(6)} rejected`);
for (const f of BENCH_FORMATS) {
  const list = files[f];
  const mb = list.reduce((s, x) => s + x.bytes.length, 0) / 1e6;
  console.log(
    `${f.padEnd(10)} ${mb.toFixed(1).padStart(6)} ${best[f].toFixed(0).padStart(9)} ${(best[f] / list.length).toFixed(3).padStart(8)} ${(best[f] / best.text).toFixed(2).padStart(6)} ${rejected[f]}`,
  );
}
