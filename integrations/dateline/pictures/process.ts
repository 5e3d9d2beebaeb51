// Checking and processing one wire picture with sharp: the bytes decide the type (sniff.ts), the header
// decides whether it may be decoded at all (`maxPixels`, read without allocating a pixel), then ONE
// decode makes an sRGB 8-bit raw buffer no larger than the largest output needs (JPEG and WebP
// shrink-on-load do most of the downscaling inside the decoder), and every file is cut from that buffer.
//
// What is made, for a source of W×H pixels after the EXIF orientation is applied (never wider than W):
// * responsive files (`w800.webp`, `w800.jpg`, and `w800.avif` with `avif`): every configured width
//   below W, plus W itself when W is not above the largest configured width and is more than 10% wider
//   than the widest file below it (a 1000 px picture gives 400, 800 and 1000, so the srcset tops out at
//   the picture's real size; an 850 or 1201 px one gives no near-duplicate w850 or w1201);
// * list thumbnails, cropped to 3:2, WebP and JPEG (`t360.webp`, `t720.jpg`), named by their real width,
//   each as wide as asked or as the source's 3:2 box allows (a size already made is not made again);
// * crops for structured data, JPEG (`16x9.jpg`, `4x3.jpg`, `1x1.jpg`): 1200 wide or the box's width;
// * the social card `card.jpg`, 1200×630, only when the source is at least 1200 wide and 630 high.
// Crops keep the wire's point of interest at their centre (moved as little as needed to stay inside the
// picture), else the picture's centre. sharp's `attention` strategy is not used: measured at about 10×
// one resize for the crop set alone (../../../../shared/docs/astro-platform.md), it breaks the budget.
//
// Every output is 8-bit sRGB with no ICC profile (the web's default; a CMYK, 16-bit or profiled source
// is converted through its profile), transparent areas filled with white, and no EXIF (GPS, camera,
// orientation all go) except, when the wire gives them, the credit and copyright written back as XMP
// (dc:rights, photoshop:Credit) and EXIF Copyright. sharp can't write IPTC, so none is written.
//
// Never throws: a picture that can't be used gives `{ ok: false, reason }` with the reason in words.
import sharp, { type Exif, type Metadata, type OutputInfo, type Sharp } from 'sharp';
import type { PointOfInterest } from '../formats/picture.ts';
import { declaredFormat, FORMAT_LABEL, FORMAT_MIME, sniffPicture, type PictureFormat } from './sniff.ts';
import type { PhotoSettings } from './settings.ts';
import type { PhotoFile, PhotoFormat } from './record.ts';

export interface PhotoInput {
  /** Where to keep in the frame when cropping (fractions of the oriented picture, 0–1 from the top left). */
  poi?: PointOfInterest;
  /** The credit line, written back into the files. */
  credit?: string;
  /** The copyright notice, written back into the files. */
  copyright?: string;
  /** The wire's declared media type (`image/jpeg`); a disagreement with the bytes is a warning. */
  declaredType?: string;
  /** The wire's declared pixel size; a disagreement with the picture is a warning. */
  declaredWidth?: number;
  declaredHeight?: number;
}

export type OutputFormat = PhotoFormat;
export type FileRole = PhotoFile['role'];
export type FileRatio = NonNullable<PhotoFile['ratio']>;

/** A file made from a picture (./record.ts says what each is for), with its bytes. */
export interface DerivedFile extends PhotoFile {
  bytes: Buffer;
}

export interface PhotoSource {
  format: PictureFormat;
  /** Size after the EXIF orientation is applied. */
  width: number;
  height: number;
}

export interface ProcessedPhoto {
  source: PhotoSource;
  warnings: string[];
  files: DerivedFile[];
}

export type ProcessResult =
  | { ok: true; photo: ProcessedPhoto }
  /** `tooLarge`: refused for `maxPixels` alone (the stored size), so a cache can revisit it when the limit changes. */
  | { ok: false; reason: string; tooLarge?: { format: PictureFormat; width: number; height: number } };

export interface ProcessOptions {
  /** Outputs encoded at once (libvips runs each on a libuv thread). Default 1: the pool runs pictures side by side instead. */
  parallel?: number;
  /** When given, filled with milliseconds per stage (header, decode, cuts, jpeg, webp, avif) for benchmarks. */
  timings?: Record<string, number>;
}

/** A decode that takes longer than this is abandoned (a pathological file: thousands of progressive scans). */
const DECODE_TIMEOUT_S = 60;
const EXT: Record<OutputFormat, string> = { webp: 'webp', jpeg: 'jpg', avif: 'avif' };
const RATIO_VALUE: Record<Exclude<FileRatio, 'card'>, number> = { '16x9': 16 / 9, '4x3': 4 / 3, '1x1': 1, '3x2': 3 / 2 };

/** One planned output: a region of the oriented source, its pixel size and its encodings. */
export interface OutputPlan {
  stem: string;
  role: FileRole;
  ratio?: FileRatio;
  formats: OutputFormat[];
  width: number;
  height: number;
  /** Region of the source, in source pixels (after orientation). */
  box: { left: number; top: number; width: number; height: number };
}

/** A decoded sRGB buffer of a region of the source (in source pixels, after orientation). */
interface Level {
  data: Buffer;
  width: number;
  height: number;
  box: OutputPlan['box'];
}

/** The smallest buffer that holds the plan's box at no less than its resolution (2 px of rounding allowed). */
function pickLevel(levels: Level[], plan: OutputPlan): Level {
  const e = 1e-6;
  let best = levels[0]!;
  for (const l of levels) {
    const inside =
      plan.box.left >= l.box.left - e &&
      plan.box.top >= l.box.top - e &&
      plan.box.left + plan.box.width <= l.box.left + l.box.width + e &&
      plan.box.top + plan.box.height <= l.box.top + l.box.height + e;
    if (!inside) continue;
    const w = (plan.box.width * l.width) / l.box.width,
      h = (plan.box.height * l.height) / l.box.height;
    if (w >= plan.width - 2 && h >= plan.height - 2 && l.width * l.height < best.width * best.height) best = l;
  }
  return best;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The largest box of `ratio` (width/height) inside W×H, centred on the poi and clamped inside. */
function cropBox(W: number, H: number, ratio: number, poi: PointOfInterest | undefined) {
  const width = W / H > ratio ? H * ratio : W;
  const height = W / H > ratio ? H : W / ratio;
  const cx = (Number.isFinite(poi?.x) ? clamp(poi!.x, 0, 1) : 0.5) * W;
  const cy = (Number.isFinite(poi?.y) ? clamp(poi!.y, 0, 1) : 0.5) * H;
  return { left: clamp(cx - width / 2, 0, W - width), top: clamp(cy - height / 2, 0, H - height), width, height };
}

/** Every output for an oriented W×H source. Exported for tests and the docs. */
export function planOutputs(W: number, H: number, settings: PhotoSettings, poi?: PointOfInterest): OutputPlan[] {
  const plans: OutputPlan[] = [];
  const full = { left: 0, top: 0, width: W, height: H };
  const responsiveFormats: OutputFormat[] = settings.avif ? ['webp', 'jpeg', 'avif'] : ['webp', 'jpeg'];
  const widths = settings.widths.filter((w) => w < W);
  // The source's own width too, when it is below the largest configured width and more than 10% wider
  // than the widest file below it (a 1201 px picture gets no w1201 beside its w1200).
  const below = widths.length ? widths[widths.length - 1]! : 0;
  if (W <= Math.max(...settings.widths) && W > below * 1.1) widths.push(W);
  for (const w of widths) {
    plans.push({ stem: `w${w}`, role: 'responsive', formats: responsiveFormats, width: w, height: Math.max(1, Math.round((H * w) / W)), box: full });
  }
  const thumbBox = cropBox(W, H, RATIO_VALUE['3x2'], poi);
  const made = new Set<number>();
  for (const tw of settings.thumbnails.widths) {
    const w = Math.max(1, Math.min(tw, Math.floor(thumbBox.width)));
    if (made.has(w)) continue;
    made.add(w);
    plans.push({
      stem: `t${w}`,
      role: 'thumbnail',
      ratio: '3x2',
      formats: ['webp', 'jpeg'],
      width: w,
      height: Math.max(1, Math.round((w * 2) / 3)),
      box: thumbBox,
    });
  }
  for (const c of settings.crops) {
    const r = RATIO_VALUE[c.ratio];
    const box = cropBox(W, H, r, poi);
    const w = Math.max(1, Math.min(c.width, Math.floor(box.width)));
    plans.push({ stem: c.ratio, role: 'crop', ratio: c.ratio, formats: ['jpeg'], width: w, height: Math.max(1, Math.round(w / r)), box });
  }
  const { width: cw, height: ch } = settings.card;
  if (W >= cw && H >= ch) {
    plans.push({ stem: 'card', role: 'card', ratio: 'card', formats: ['jpeg'], width: cw, height: ch, box: cropBox(W, H, cw / ch, poi) });
  }
  return plans;
}

/** Warnings for what the wire declared and the bytes contradict (never a reason to refuse). */
export function declaredWarnings(input: PhotoInput, source: PhotoSource): string[] {
  const out: string[] = [];
  if (input.declaredType?.trim()) {
    const d = declaredFormat(input.declaredType);
    if (d !== source.format)
      out.push(`declared as ${input.declaredType.trim()}, but the bytes are ${FORMAT_LABEL[source.format]} (${FORMAT_MIME[source.format]})`);
  }
  const dw = input.declaredWidth,
    dh = input.declaredHeight;
  if ((dw && dw > 0) || (dh && dh > 0)) {
    const fits = (a: number, b: number) => (!dw || dw === a) && (!dh || dh === b);
    // The wire may give the stored size or the size after rotation: either is right.
    if (!fits(source.width, source.height) && !fits(source.height, source.width)) {
      out.push(`declared as ${dw ?? '?'}×${dh ?? '?'} pixels, but the picture is ${source.width}×${source.height}`);
    }
  }
  return out;
}

const xmlEscape = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const clean = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, 500);

/** The rights written back: XMP (Unicode) and, for the copyright, EXIF (ASCII; libexif transliterates). */
function rightsMetadata(input: PhotoInput, settings: PhotoSettings): { xmp?: string; exif?: Exif } {
  const credit = input.credit ? clean(input.credit) : '';
  const copyright = input.copyright ? clean(input.copyright) : '';
  if (!settings.embedRights || (!credit && !copyright)) return {};
  const rights = copyright ? `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(copyright)}</rdf:li></rdf:Alt></dc:rights>` : '';
  const creditXml = credit ? `<photoshop:Credit>${xmlEscape(credit)}</photoshop:Credit>` : '';
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">${rights}${creditXml}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  return { xmp, ...(copyright ? { exif: { IFD0: { Copyright: copyright } } } : {}) };
}

function describeError(e: unknown): string {
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();
  return msg.replace(/^(VipsJpeg|vipspng|VipsForeignLoad\w*|gifload|webpload|heifload|tiff2vips|TIFFReadDirectory):\s*/i, '');
}

/**
 * Whether a JPEG or PNG stops before its end marker (EOI, IEND): libvips's message for such a file is lost
 * now and then when several threads decode at once ("Unknown error"), and the reader should still be
 * told the file was cut short.
 */
function cutShort(bytes: Uint8Array, format: PictureFormat): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 16));
  if (format === 'jpeg') return !(tail.at(-2) === 0xff && tail.at(-1) === 0xd9);
  if (format === 'png') return !Buffer.from(tail).includes('IEND');
  return false;
}

/** A refusal for a decoder error: a cut-short or damaged file says so. */
function decodeFailure(label: string, e: unknown, bytes: Uint8Array, format: PictureFormat): string {
  const msg = describeError(e);
  if (/timeout/i.test(msg)) return `${label} that takes over ${DECODE_TIMEOUT_S} s to decode: refused`;
  if (
    /premature end|truncat|unexpected end|read error|not enough data|incomplete|out of data|short read|end of (file|stream)|corrupt|invalid|bad |damaged|missing|unable to|failed to/i.test(
      msg,
    )
  ) {
    return `${label} that is damaged or cut short (${msg})`;
  }
  if (cutShort(bytes, format)) return `${label} that is damaged or cut short (it ends before its end marker)`;
  return `${label} that could not be decoded (${msg})`;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

const mp = (px: number) => `${(px / 1e6).toFixed(px < 1e7 ? 1 : 0)} MP`;

/** The refusal of a picture over the pixel limit. */
export function tooLargeReason(format: PictureFormat, width: number, height: number, limit: number): string {
  return `${FORMAT_LABEL[format]} too large to decode: ${width}×${height} pixels (${mp(width * height)}) is over the limit of ${mp(limit)} (photos.maxPixels)`;
}

/** Checks one picture and makes every derived file (see the top of this file). Never throws. */
export async function processPhoto(bytes: Uint8Array, input: PhotoInput, settings: PhotoSettings, options: ProcessOptions = {}): Promise<ProcessResult> {
  try {
    return await run(bytes, input, settings, options);
  } catch (e) {
    return { ok: false, reason: `the picture could not be processed (${describeError(e)})` };
  }
}

async function run(bytes: Uint8Array, input: PhotoInput, settings: PhotoSettings, options: ProcessOptions): Promise<ProcessResult> {
  const timings = options.timings;
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    if (timings) timings[stage] = (timings[stage] ?? 0) + now - mark;
    mark = now;
  };
  const sniffed = sniffPicture(bytes);
  if (!sniffed.ok) return sniffed;
  const label = sniffed.label;
  const warnings: string[] = [];

  // 1. The header only: the pixel limit is checked before a pixel is allocated.
  const inputOptions = { limitInputPixels: settings.maxPixels, failOn: 'truncated' as const };
  let meta: Metadata;
  try {
    meta = await sharp(bytes, inputOptions).metadata();
  } catch (e) {
    if (/pixel limit/i.test(describeError(e))) {
      // Header only, no decode: the stated size, for the message.
      const m = await sharp(bytes, { limitInputPixels: false })
        .metadata()
        .catch(() => undefined);
      if (!m?.width || !m.height) return { ok: false, reason: `${label} too large to decode: over the limit of ${mp(settings.maxPixels)} (photos.maxPixels)` };
      return {
        ok: false,
        reason: tooLargeReason(sniffed.format, m.width, m.height, settings.maxPixels),
        tooLarge: { format: sniffed.format, width: m.width, height: m.height },
      };
    }
    return { ok: false, reason: decodeFailure(label, e, bytes, sniffed.format) };
  }
  if (meta.format !== sniffed.format && !(sniffed.format === 'avif' && meta.format === 'heif')) {
    return { ok: false, reason: `${label} by its first bytes, but the decoder reads it as ${meta.format}: refused` };
  }
  if (!(meta.width > 0 && meta.height > 0)) return { ok: false, reason: `${label} with no pixels (${meta.width}×${meta.height})` };
  if (meta.width * meta.height > settings.maxPixels) {
    return {
      ok: false,
      reason: tooLargeReason(sniffed.format, meta.width, meta.height, settings.maxPixels),
      tooLarge: { format: sniffed.format, width: meta.width, height: meta.height },
    };
  }
  if ((meta.pages ?? 1) > 1) warnings.push(`${meta.pages} ${sniffed.format === 'gif' ? 'frames (an animated GIF)' : 'pages'}: only the first is used`);

  const W = meta.autoOrient?.width ?? ((meta.orientation ?? 1) >= 5 ? meta.height : meta.width);
  const H = meta.autoOrient?.height ?? ((meta.orientation ?? 1) >= 5 ? meta.width : meta.height);
  const source: PhotoSource = { format: sniffed.format, width: W, height: H };
  warnings.push(...declaredWarnings(input, source));

  lap('header');
  // 2. One decode, at the smallest scale every output can be cut from without enlarging.
  const plans = planOutputs(W, H, settings, input.poi);
  const scale = Math.min(1, Math.max(...plans.map((p) => p.width / p.box.width)));
  const rawWidth = Math.min(W, Math.ceil(W * scale));
  let pipeline = sharp(bytes, { ...inputOptions, autoOrient: true, page: 0, pages: 1 }).timeout({ seconds: DECODE_TIMEOUT_S });
  if (rawWidth < W) pipeline = pipeline.resize({ width: rawWidth });
  if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
  let raw: { data: Buffer; info: OutputInfo };
  try {
    raw = await pipeline.toColourspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  } catch (e) {
    return { ok: false, reason: decodeFailure(label, e, bytes, sniffed.format) };
  }
  const { width: rw, height: rh, channels } = raw.info;
  if (channels !== 3) return { ok: false, reason: `${label} that decodes to ${channels} channels, not RGB: refused` };
  lap('decode');

  // 3. Every output from the raw buffer, through a pyramid: each responsive file (widest first) is cut
  //    from the smallest buffer already made that covers it, and so is each thumbnail and crop (the
  //    16:9 crop and the card of a 3:2 picture are plain extracts of w1200, t720 comes from w800, …).
  //    A cut whose box is within 2 px of the output size is extracted at the exact size, not resized.
  const levels: Level[] = [{ data: raw.data, width: rw, height: rh, box: { left: 0, top: 0, width: W, height: H } }];
  const cut = (plan: OutputPlan): Sharp => {
    const from = pickLevel(levels, plan);
    let img = sharp(from.data, { raw: { width: from.width, height: from.height, channels: 3 } });
    const sx = from.width / from.box.width,
      sy = from.height / from.box.height;
    const bx = (plan.box.left - from.box.left) * sx,
      by = (plan.box.top - from.box.top) * sy;
    const bw = plan.box.width * sx,
      bh = plan.box.height * sy;
    if (Math.abs(bw - plan.width) <= 2 && Math.abs(bh - plan.height) <= 2 && plan.width <= from.width && plan.height <= from.height) {
      const left = Math.round(clamp(bx + bw / 2 - plan.width / 2, 0, from.width - plan.width));
      const top = Math.round(clamp(by + bh / 2 - plan.height / 2, 0, from.height - plan.height));
      if (left === 0 && top === 0 && plan.width === from.width && plan.height === from.height) return img;
      return img.extract({ left, top, width: plan.width, height: plan.height });
    }
    const left = clamp(Math.round(bx), 0, from.width - 1);
    const top = clamp(Math.round(by), 0, from.height - 1);
    const width = clamp(Math.round(bw), 1, from.width - left);
    const height = clamp(Math.round(bh), 1, from.height - top);
    if (left !== 0 || top !== 0 || width !== from.width || height !== from.height) img = img.extract({ left, top, width, height });
    return img.resize({ width: plan.width, height: plan.height, fit: 'fill' });
  };

  // Encoders (measured on 24 MP sources, bench/picture-cost.ts): WebP effort 1 makes smaller files than
  // effort 2 at the same PSNR in 60% of the time; JPEG without Huffman optimisation takes a third of the
  // time for 4–15% more bytes, and the JPEGs are only the fallback of the <picture> (browsers take the
  // WebP) and what crawlers fetch for structured data and cards.
  const rights = rightsMetadata(input, settings);
  const encode = (img: Sharp, format: OutputFormat) => {
    if (rights.xmp) img = img.withXmp(rights.xmp);
    if (rights.exif) img = img.withExif(rights.exif);
    const q = settings.quality,
      e = settings.effort;
    if (format === 'jpeg') return img.jpeg({ quality: q.jpeg, chromaSubsampling: '4:2:0', optimiseCoding: false }).toBuffer();
    if (format === 'webp') return img.webp({ quality: q.webp, effort: e.webp, smartSubsample: false }).toBuffer();
    return img.avif({ quality: q.avif, effort: e.avif, chromaSubsampling: '4:2:0' }).toBuffer();
  };

  // Buffers for the files made in several formats (responsive widest first, then thumbnails widest
  // first): each becomes a level for the next.
  const buffers = new Map<OutputPlan, Level>();
  const multi = plans
    .filter((p) => p.formats.length > 1)
    .sort((a, b) => Number(a.role !== 'responsive') - Number(b.role !== 'responsive') || b.width - a.width);
  const sameBox = (a: OutputPlan['box'], b: OutputPlan['box']) => a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
  for (const plan of multi) {
    const started = performance.now();
    // The decoded buffer is often the widest file itself (a 6000 px source decoded at 1600): it is used
    // as it is, not copied through libvips (13 ms of a 24 MP picture's 200).
    const from = pickLevel(levels, plan);
    const data = from.width === plan.width && from.height === plan.height && sameBox(from.box, plan.box) ? from.data : await cut(plan).raw().toBuffer();
    if (timings) timings[`cut ${plan.stem}`] = performance.now() - started;
    const level = { data, width: plan.width, height: plan.height, box: plan.box };
    levels.push(level);
    buffers.set(plan, level);
  }
  lap('cuts');
  const tasks = plans.flatMap((plan) => plan.formats.map((format) => ({ plan, format })));
  const encoded = await mapLimit(tasks, Math.max(1, options.parallel ?? 1), ({ plan, format }) => {
    const level = buffers.get(plan);
    const started = performance.now();
    const done = encode(level ? sharp(level.data, { raw: { width: level.width, height: level.height, channels: 3 } }) : cut(plan), format);
    if (timings)
      void done.then(
        () => {
          timings[`${format} ${plan.stem}`] = performance.now() - started;
        },
        () => {},
      );
    return done;
  });
  lap('encode');
  const files = tasks.map(
    ({ plan, format }, i): DerivedFile => ({
      name: `${plan.stem}.${EXT[format]}`,
      role: plan.role,
      ...(plan.ratio ? { ratio: plan.ratio } : {}),
      format,
      width: plan.width,
      height: plan.height,
      bytes: encoded[i]!,
    }),
  );
  return { ok: true, photo: { source, warnings, files } };
}
