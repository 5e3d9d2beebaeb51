// What is made of each wire picture, from the publisher's `photos` options (../options.ts) plus the
// fixed house choices (encoder qualities, thumbnail and crop shapes, the social card's size).
// `settingsKey` names every choice that changes a derived file's bytes, so the picture cache
// (derive-cache.ts) never serves files made under other settings or by another image library build.
import sharp from 'sharp';

export type CropRatio = '16x9' | '4x3' | '1x1';

export interface PhotoSettings {
  /** Widths of the responsive files (ascending, no duplicates); none wider than the source is made. */
  widths: number[];
  /** Also write AVIF responsive files. */
  avif: boolean;
  /** Largest picture decoded, in pixels (width × height of the stored image); a larger one is refused from its header. */
  maxPixels: number;
  /** Largest source file read, in bytes (checked by the readers before the bytes reach the workers). */
  maxBytes: number;
  /** Encoder qualities (1–100). */
  quality: { jpeg: number; webp: number; avif: number };
  /** Encoder effort: WebP 0–6, AVIF 0–9 (the CPU cost of a picture is mostly here). */
  effort: { webp: number; avif: number };
  /** List thumbnails: cropped to 3:2, WebP and JPEG, at these widths (or as wide as the source allows). */
  thumbnails: { ratio: '3x2'; widths: number[] };
  /** Cropped JPEGs for structured data (Google asks for 16:9, 4:3 and 1:1), this wide where the source allows. */
  crops: { ratio: CropRatio; width: number }[];
  /** The social card: made only when the (oriented) source is at least this large. */
  card: { width: number; height: number };
  /** Write the credit and copyright back into every file (EXIF Copyright/Artist, XMP dc:rights, photoshop:Credit). */
  embedRights: boolean;
}

/** Bump when process.ts changes what it makes from the same settings (a new output, another filter). */
export const PHOTO_PIPELINE_VERSION = 1;

/** The resolved config's `photos` options (only what pictures are made from). */
export interface PhotoOptionsInput {
  widths: readonly number[];
  avif: boolean;
  maxPixels: number;
  remote?: { maxBytes?: number } | undefined;
}

const DEFAULT_MAX_BYTES = 40 * 1024 * 1024;

export function photoSettings(options: PhotoOptionsInput): PhotoSettings {
  return {
    widths: [...new Set(options.widths)].sort((a, b) => a - b),
    avif: options.avif,
    maxPixels: options.maxPixels,
    maxBytes: Math.max(options.remote?.maxBytes ?? 0, DEFAULT_MAX_BYTES),
    quality: { jpeg: 80, webp: 75, avif: 50 },
    effort: { webp: 1, avif: 2 },
    thumbnails: { ratio: '3x2', widths: [360, 720] },
    crops: [
      { ratio: '16x9', width: 1200 },
      { ratio: '4x3', width: 1200 },
      { ratio: '1x1', width: 1200 },
    ],
    card: { width: 1200, height: 630 },
    embedRights: true,
  };
}

let libraries: string | undefined;
/** The native encoders and decoders whose versions change output bytes. */
function libraryVersions(): string {
  if (libraries) return libraries;
  const v = sharp.versions as Record<string, string | undefined>;
  return (libraries = ['sharp', 'vips', 'mozjpeg', 'webp', 'aom', 'heif', 'png', 'lcms', 'exif', 'tiff', 'cgif'].map((k) => `${k}=${v[k] ?? '-'}`).join(','));
}

/**
 * A stable string naming everything that decides the derived files' bytes: the pipeline version, the
 * library versions and every output setting, in a fixed order. `maxPixels` and `maxBytes` are left out:
 * they only decide whether a picture is used at all, and raising or lowering them must not throw away
 * the whole cache (the cache keeps each picture's pixel count and checks the limit again on a hit).
 */
export function settingsKey(s: PhotoSettings): string {
  return [
    `v${PHOTO_PIPELINE_VERSION}`,
    libraryVersions(),
    `w=${s.widths.join('/')}`,
    `avif=${s.avif ? 1 : 0}`,
    `q=${s.quality.jpeg}/${s.quality.webp}/${s.quality.avif}`,
    `e=${s.effort.webp}/${s.effort.avif}`,
    `t=${s.thumbnails.ratio}:${s.thumbnails.widths.join('/')}`,
    `c=${s.crops.map((c) => `${c.ratio}@${c.width}`).join('/')}`,
    `card=${s.card.width}x${s.card.height}`,
    `rights=${s.embedRights ? 1 : 0}`,
  ].join(';');
}
