// The pictures of the articles a publish (re)builds: for each picture the wire sent with the version
// shown, the rendition to use, its bytes (a file inside the content folder, or an allow-listed https
// URL), and its derived files (made in worker threads, cached by the source's digest and the settings).
// A picture that can't be used costs its story nothing: the story goes out without it, and the reason
// goes to the report as a warning naming the file or URL.
import type { WireItem } from '../formats/item.ts';
import { chooseRendition, pictureAlt, type PictureRendition, type WirePicture } from '../formats/picture.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import { readLocalPicture, resolveLocalPicture } from './local.ts';
import type { PhotoPool } from './pool.ts';
import { PHOTO_CACHE_FOLDER, type DeriveResult } from './derive-cache.ts';
import { join } from 'node:path';
import type { PhotoRecord } from './record.ts';
import { fetchRemotePicture } from './remote.ts';
import { photoSettings } from './settings.ts';

export interface ArticlePhotos {
  photos: PhotoRecord[];
  warnings: string[];
}

export interface PreparedPhotos {
  byArticle: Map<string, ArticlePhotos>;
  /** Pictures whose files were made now, and those found in the cache. */
  derived: number;
  reused: number;
  refused: number;
  ms: number;
}

const isRemote = (href: string) => /^https?:/i.test(href);

/** The credit printed under a picture: the wire's credit line, else its creator. */
const creditOf = (p: WirePicture) => p.creditLine?.trim() || p.creator?.trim() || undefined;

/** Pictures loaded and made at a time: bounds the bytes held (a 24-megapixel JPEG is 5–10 MB). */
const CHUNK = 8;
/** Largest picture file read from the content folder (an uncompressed 24-megapixel TIFF is about 72 MB). */
const LOCAL_MAX_BYTES = 128 * 1024 * 1024;

interface Plan {
  id: string;
  picture: WirePicture;
  rendition: PictureRendition;
  /** Index of the picture in the item's `pictures`. */
  index: number;
  /** The file (relative to the content folder) or URL, for messages. */
  where: string;
  /** A file inside the content folder (its real path), or a URL to fetch. */
  path?: string;
  remote?: string;
}

function photoRecord(plan: Plan, result: Extract<DeriveResult, { ok: true }>): PhotoRecord {
  const p = plan.picture;
  const responsive = result.files.filter((f) => f.role === 'responsive');
  const largest = responsive.reduce((a, b) => (b.width > a.width ? b : a), responsive[0]!);
  const credit = creditOf(p);
  return {
    key: result.key,
    role: p.role,
    picture: plan.index,
    alt: pictureAlt(p),
    width: largest.width,
    height: largest.height,
    files: result.files.map(({ name, role, ratio, format, width, height }) => ({ name, role, ...(ratio ? { ratio } : {}), format, width, height })),
    ...(p.caption ? { caption: p.caption } : {}),
    ...(credit ? { credit } : {}),
    ...(p.creator ? { creator: p.creator } : {}),
    ...(p.copyright ? { copyright: p.copyright } : {}),
    ...(p.usageTerms ? { usageTerms: p.usageTerms } : {}),
  };
}

/**
 * Photos of these articles. `wireItem` reads the archive's parsed item of an article; `pool` starts
 * the image workers only when a picture is to be made.
 */
export async function preparePhotos<Article extends { id: string; file: string }>(
  records: Article[],
  wireItem: (record: Article) => WireItem | undefined,
  config: ResolvedDatelineConfig,
  now: number,
  pool: () => Promise<PhotoPool>,
  /** Called when the pictures to make are known and after each chunk, with how many are done (progress). */
  onProgress?: (done: number, total: number) => void,
): Promise<PreparedPhotos> {
  const started = performance.now();
  const prepared: PreparedPhotos = { byArticle: new Map(), derived: 0, reused: 0, refused: 0, ms: 0 };
  const settings = photoSettings(config.photos);
  const warn = (id: string, text: string) => {
    const entry = prepared.byArticle.get(id) ?? { photos: [], warnings: [] };
    entry.warnings.push(text);
    prepared.byArticle.set(id, entry);
  };

  // First what to make, with no bytes read: a full build of thousands of photos never holds them all.
  const plans: Plan[] = [];
  for (const record of records) {
    const pictures = wireItem(record)?.pictures ?? [];
    if (!pictures.length) continue;
    prepared.byArticle.set(record.id, { photos: [], warnings: [] });
    for (const [index, picture] of pictures.entries()) {
      // A killed picture leaves the story; one under embargo joins it when the embargo ends (the story
      // is decided again then: archive/stories.ts).
      if (picture.status !== 'usable') continue;
      if (picture.embargoedUntil && Date.parse(picture.embargoedUntil) > now) continue;
      const rendition = chooseRendition(picture, { allowPriced: config.photos.allowPriced });
      if (!rendition) {
        const why = picture.renditions.length === 0 ? 'it has no rendition' : 'every rendition is watermarked or priced';
        warn(record.id, `picture (line ${picture.line}) not published: ${why}`);
        continue;
      }
      const href = rendition.href;
      const job = { id: record.id, picture, rendition, index, where: href };
      if (isRemote(href)) {
        if (!config.photos.remote) warn(record.id, `picture ${href} not published: remote fetching is off (photos.remote in astro.config.mjs)`);
        else plans.push({ ...job, remote: href });
        continue;
      }
      const local = resolveLocalPicture(config.contentPath, record.file, href);
      if (!local.ok) warn(record.id, `picture ${href} not published: ${local.reason}`);
      else plans.push({ ...job, where: local.file, path: local.path });
    }
  }

  // Then in chunks: bytes read or fetched, made in the workers, let go.
  onProgress?.(0, plans.length);
  for (let i = 0; i < plans.length; i += CHUNK) {
    if (i > 0) onProgress?.(i, plans.length);
    const chunk = plans.slice(i, i + CHUNK);
    const loaded = await Promise.all(
      chunk.map(async (plan) => {
        if (plan.remote) {
          const fetched = await fetchRemotePicture(plan.remote, config.photos.remote!, config.cachePath);
          if (fetched.ok && fetched.warning) warn(plan.id, `picture ${plan.where}: ${fetched.warning}`);
          return fetched.ok ? { ok: true as const, bytes: fetched.bytes } : fetched;
        }
        return readLocalPicture(plan.path!, LOCAL_MAX_BYTES);
      }),
    );
    const ready = chunk.flatMap((plan, k) => {
      const source = loaded[k]!;
      if (source.ok) return [{ plan, bytes: source.bytes }];
      prepared.refused++;
      warn(plan.id, `picture ${plan.where} not published: ${source.reason}`);
      return [];
    });
    if (!ready.length) continue;
    const workers = await pool();
    const results = await workers.derive(
      ready.map(({ plan, bytes }) => ({
        bytes,
        input: {
          ...(plan.picture.poi ? { poi: plan.picture.poi } : {}),
          ...(creditOf(plan.picture) ? { credit: creditOf(plan.picture) } : {}),
          ...(plan.picture.copyright ? { copyright: plan.picture.copyright } : {}),
          ...(plan.rendition.mimeType ? { declaredType: plan.rendition.mimeType } : {}),
          ...(plan.rendition.width && plan.rendition.height ? { declaredWidth: plan.rendition.width, declaredHeight: plan.rendition.height } : {}),
        },
        settings,
        cacheDir: join(config.cachePath, PHOTO_CACHE_FOLDER),
      })),
    );
    for (const [k, { plan }] of ready.entries()) {
      const result = results[k]!;
      if (!result.ok) {
        prepared.refused++;
        warn(plan.id, `picture ${plan.where} not published: ${result.reason}`);
        continue;
      }
      if (result.cached) prepared.reused++;
      else prepared.derived++;
      for (const w of result.warnings) warn(plan.id, `picture ${plan.where}: ${w}`);
      prepared.byArticle.get(plan.id)!.photos.push(photoRecord(plan, result));
    }
  }
  onProgress?.(plans.length, plans.length);
  // The lead first, then the rest in the wire's order; a story whose lead could not be used has none.
  for (const entry of prepared.byArticle.values()) entry.photos.sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead') || a.picture - b.picture);
  prepared.ms = Math.round(performance.now() - started);
  return prepared;
}
