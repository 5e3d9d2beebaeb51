// The photo set of the benchmark (`npm run bench -- --photos`): the generated articles with 30 % of them
// (i mod 10 ∈ {1, 4, 7}) written as ninjs 2.x items whose feature image is a 24-megapixel JPEG beside
// them in the content folder, and the same set with the same items carrying no picture (its peer in the
// same run). The other 70 % are the text-only set's wire files, byte for byte.
//
// Every picture has its own bytes (the picture cache is keyed by the source's digest) and the same
// decode cost: one photo-like JPEG (tests/pictures/images.ts `photoLike`: gradients, shapes, texture and
// seeded grain; quality 85) is made once per size and kept in the work folder, and each story's copy
// gets a JPEG comment segment (COM) naming the story right after the SOI marker.
//
// Also: a new ninjs story with a new picture, for the resident publisher's photo latency, and the
// decompression bomb of the bomb target (a 20000×20000 PNG, tests/pictures/images.ts `writeBomb`).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import sharp from 'sharp';
import { processPhoto } from '../integrations/dateline/pictures/process.ts';
import { PhotoPool } from '../integrations/dateline/pictures/pool.ts';
import { photoSettings } from '../integrations/dateline/pictures/settings.ts';
import { photoLike, writeBomb } from '../tests/pictures/images.ts';
import { articlePartsFor, wireText, type ArticleParts } from './generate.ts';
import { ninjs } from './formats.ts';

/** Share of the stories that carry a picture, and which ones (by index). */
export const PHOTO_SHARE = 0.3;
export const hasPhoto = (i: number) => [1, 4, 7].includes(i % 10);

/** Folder of the pictures inside a content folder. */
export const PHOTO_FOLDER = 'photos';

/** Bump when the source picture changes (its file name in the work folder carries it). */
const SOURCE_VERSION = 1;

export interface PhotoSize {
  width: number;
  height: number;
}

export function parsePhotoSize(s: string): PhotoSize | undefined {
  const m = /^(\d+)x(\d+)$/i.exec(s.trim());
  if (!m) return undefined;
  const width = Number(m[1]),
    height = Number(m[2]);
  return width >= 16 && height >= 16 ? { width, height } : undefined;
}

/**
 * The photo-like JPEG every story's picture is a copy of: made once per size (about 5 s at 24 MP) and
 * kept as `<work>/photo-source-WxH-vN.jpg`. At 6000×4000 it is about 3.3 MB (grain 10, texture 16,
 * quality 85: between the picture-cost bench's "smooth" 0.8 MB and "detailed" 6 MB sources).
 */
export async function photoSource(work: string, size: PhotoSize): Promise<{ path: string; bytes: Buffer; seconds: number }> {
  const path = join(work, `photo-source-${size.width}x${size.height}-v${SOURCE_VERSION}.jpg`);
  const t = performance.now();
  if (!existsSync(path)) {
    const img = await photoLike(size.width, size.height, { seed: 1, grain: 10, texture: 16 });
    const bytes = await img.jpeg({ quality: 85 }).toBuffer();
    mkdirSync(work, { recursive: true });
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
  }
  return { path, bytes: readFileSync(path), seconds: (performance.now() - t) / 1000 };
}

/** The source with a JPEG comment segment (FF FE) after SOI: other bytes, the same pixels and decode cost. */
export function uniqueJpeg(source: Buffer, tag: string): Buffer {
  if (source[0] !== 0xff || source[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)');
  const text = Buffer.from(`dateline-bench picture ${tag}`, 'latin1');
  const segment = Buffer.alloc(4);
  segment[0] = 0xff;
  segment[1] = 0xfe;
  segment.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([source.subarray(0, 2), segment, text, source.subarray(2)]);
}

/** The ninjs 2.x feature-image association of a picture at `href` (relative to the item's folder). */
export function pictureAssociation(a: ArticleParts, href: string, size: PhotoSize): Record<string, unknown> {
  return {
    name: 'featureimage',
    uri: `urn:dateline-bench:${a.seed}:${String(a.index).padStart(6, '0')}:picture`,
    type: 'picture',
    representationtype: 'full',
    version: '1',
    pubstatus: 'usable',
    language: 'en',
    by: 'Bench Photographer',
    headlines: [{ role: 'main', value: `Picture for: ${a.headline}`.slice(0, 200) }],
    descriptions: [
      { role: 'caption', value: `A scene at ${a.dateline?.city ?? 'the city'} on the day of the story.` },
      { role: 'alt', value: 'A city skyline at dusk with lit windows under a blue and orange sky.' },
    ],
    copyrightholder: 'Dateline bench',
    copyrightnotice: '© Dateline bench, generated picture',
    renditions: [{ name: 'original', title: 'Original', href, contenttype: 'image/jpeg', width: size.width, height: size.height }],
  };
}

/** Picture file of story i, relative to the content folder. */
const pictureFile = (a: ArticleParts) => `${PHOTO_FOLDER}/${posix.basename(a.stem)}.jpg`;
/** The href of a picture file, relative to the folder of the item at `stem`. */
const hrefFrom = (stem: string, file: string) => posix.relative(posix.dirname(stem), file);

export interface PhotoSetResult {
  files: number;
  /** Stories (ninjs items) with a picture, and their picture files' total bytes. */
  pictures: number;
  pictureBytes: number;
  bytes: number;
  /** Stories in each format. */
  formats: { text: number; ninjs: number };
}

/**
 * Writes the photo set into `withDir` and its peer without picture references into `withoutDir`
 * (both replaced). The pictures are only written into `withDir`.
 */
export function generatePhotoSets(n: number, withDir: string, withoutDir: string, seed: number, source: Buffer, size: PhotoSize): PhotoSetResult {
  for (const d of [withDir, withoutDir]) rmSync(d, { recursive: true, force: true });
  const made = new Set<string>();
  const write = (dir: string, file: string, data: string | Buffer) => {
    const path = join(dir, file);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path, data);
  };
  const result: PhotoSetResult = { files: 0, pictures: 0, pictureBytes: 0, bytes: 0, formats: { text: 0, ninjs: 0 } };
  for (let i = 0; i < n; i++) {
    const a = articlePartsFor(seed, i, n);
    if (!hasPhoto(i)) {
      const text = wireText(a);
      write(withDir, `${a.stem}.txt`, text);
      write(withoutDir, `${a.stem}.txt`, text);
      result.formats.text++;
      result.bytes += Buffer.byteLength(text);
    } else {
      const picture = pictureFile(a);
      const withText = ninjs(a, { generation: 2, associations: [pictureAssociation(a, hrefFrom(a.stem, picture), size)] });
      const withoutText = ninjs(a, { generation: 2 });
      write(withDir, `${a.stem}.json`, withText);
      write(withoutDir, `${a.stem}.json`, withoutText);
      const bytes = uniqueJpeg(source, `${seed}:${i}`);
      write(withDir, picture, bytes);
      result.formats.ninjs++;
      result.pictures++;
      result.pictureBytes += bytes.length;
      result.bytes += Buffer.byteLength(withText);
    }
    result.files++;
  }
  return result;
}

export interface NewPhotoStory {
  /** The ninjs item, relative to the content folder, and its text. */
  file: string;
  text: string;
  /** The picture, relative to the content folder, and its bytes. */
  picture: string;
  bytes: Buffer;
  headline: string;
}

/**
 * Sections a ninjs story files under with the same name as its wire text (bench/formats.ts): a new
 * story in another one (Pakistan → Politics, …) would add a section to the text-only archive, and a new
 * section redraws every page (the navigation changes), which is not what the latency measures.
 */
const SAME_SECTION = new Set(['Business', 'Sports', 'World', 'Lifestyle']);

/** Indices from `from` on of articles (of a set of `n`) whose ninjs item files under an existing section. */
export function sameSectionIndices(seed: number, from: number, n: number, count: number): number[] {
  const out: number[] = [];
  for (let i = from; out.length < count; i++) {
    const a = articlePartsFor(seed, i, n);
    if (a.sectionLine && SAME_SECTION.has(a.section)) out.push(i);
  }
  return out;
}

/**
 * A new story (article `i` of the set of `n`, filed at `published`, UTC ms) as a ninjs 2.x item with a
 * new picture (the source with its own comment segment).
 */
export function newPhotoStory(seed: number, i: number, n: number, published: number, source: Buffer, size: PhotoSize, tag: string): NewPhotoStory {
  const a = articlePartsFor(seed, i, n, published);
  const picture = `${PHOTO_FOLDER}/new-${tag}-${String(i).padStart(6, '0')}.jpg`;
  const text = ninjs(a, { generation: 2, associations: [pictureAssociation(a, hrefFrom(a.stem, picture), size)] });
  return { file: `${a.stem}.json`, text, picture, bytes: uniqueJpeg(source, `${seed}:${i}:${tag}`), headline: a.headline };
}

// ---------------------------------------------------------------- the decompression bomb

export interface BombResult {
  /** The PNG's size in pixels and bytes. */
  width: number;
  height: number;
  bytes: number;
  /** processPhoto on its bytes, seconds per run (after a warm-up of sharp), and the worst of them. */
  processSeconds: number[];
  maxProcessSeconds: number;
  /** The same through the picture workers (PhotoPool.derive of the file: read, digest, worker, refusal). */
  poolSeconds: number[];
  maxPoolSeconds: number;
  /** Every run refused it, for its size. */
  refused: boolean;
  reason: string;
}

/**
 * Times the refusal of a 20000×20000 greyscale PNG (~430 KB, 400 MP; written once into the work
 * folder) by processPhoto with the default settings (100 MP limit), in this process and through the
 * picture workers as a publish runs it.
 */
export async function measureBomb(work: string, runs = 5): Promise<BombResult> {
  const size = 20000;
  const path = join(work, `bomb-${size}.png`);
  if (!existsSync(path)) {
    mkdirSync(work, { recursive: true });
    await writeBomb(`${path}.tmp`, size);
    renameSync(`${path}.tmp`, path);
  }
  const bytes = readFileSync(path);
  const settings = photoSettings({ widths: [400, 800, 1200, 1600], avif: false, maxPixels: 100_000_000 });
  // warm-up: sharp and libvips loaded, as in a publisher's workers
  await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  const processSeconds: number[] = [];
  let refused = true;
  let reason = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await processPhoto(bytes, {}, settings);
    processSeconds.push((performance.now() - t) / 1000);
    if (r.ok || !r.tooLarge) refused = false;
    reason = r.ok ? 'accepted' : r.reason;
  }
  const poolSeconds: number[] = [];
  const cacheDir = mkdtempSync(join(work, 'bomb-cache-'));
  const pool = await PhotoPool.start({ size: 1 });
  try {
    await pool.derive([
      {
        bytes: Buffer.from(
          await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } })
            .png()
            .toBuffer(),
        ),
        input: {},
        settings,
        cacheDir,
      },
    ]);
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      // a fresh cache folder each time: nothing is answered from a cached refusal
      const [r] = await pool.derive([{ path, input: {}, settings, cacheDir: join(cacheDir, String(i)) }]);
      poolSeconds.push((performance.now() - t) / 1000);
      if (!r || r.ok) refused = false;
    }
  } finally {
    await pool.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return {
    width: size,
    height: size,
    bytes: bytes.length,
    processSeconds,
    maxProcessSeconds: Math.max(...processSeconds),
    poolSeconds,
    maxPoolSeconds: Math.max(...poolSeconds),
    refused,
    reason,
  };
}

// ---------------------------------------------------------------- bench/picture-cost.ts's table

export interface PictureCostRow {
  source: string;
  /** Source size, MB. */
  megabytes: number;
  resizeMs: number;
  processMs: number;
  /** processPhoto ÷ one resize: wall and CPU time. */
  ratio: number;
  ratioCpu: number;
  /** Pictures per second through the PhotoPool (2 workers), when printed. */
  poolPerSecond?: number;
  /** Every column as printed. */
  columns: Record<string, string>;
}

/** Reads bench/picture-cost.ts's printed table (columns found by their header, so added columns do no harm). */
export function parsePictureCost(output: string): PictureCostRow[] {
  const lines = output.split('\n');
  const at = lines.findIndex((l) => /^source\s{2,}/.test(l));
  if (at < 0) return [];
  const head = lines[at]!.trim().split(/\s{2,}/);
  const rows: PictureCostRow[] = [];
  for (const line of lines.slice(at + 1)) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length !== head.length) break;
    const columns = Object.fromEntries(head.map((h, i) => [h, cells[i]!]));
    const num = (k: string) => Number.parseFloat((columns[k] ?? '').replace(/[×,]/g, ''));
    rows.push({
      source: columns.source!,
      megabytes: num('MB'),
      resizeMs: num('resize ms'),
      processMs: num('process ms'),
      ratio: num('ratio'),
      ratioCpu: num('ratio CPU'),
      ...(Number.isFinite(num('pool pics/s')) ? { poolPerSecond: num('pool pics/s') } : {}),
      columns,
    });
  }
  return rows.filter((r) => r.source && Number.isFinite(r.ratio));
}
