// The picture cache: one folder per derived set, `<cacheDir>/photos/<key>/<name>` plus
// `<key>/manifest.json`. The key is a digest of the source bytes, the settings (settingsKey) and what
// changes pixels or embedded words (poi, credit, copyright), so the same picture in two stories or two
// versions of a story is made once. The manifest is written last, atomically (tmp + rename): a set
// without one (a crash mid-write) is never taken as cached, and is made again. A later call with the
// same inputs reads the manifest and nothing else. Refusals are cached the same way, so a bad picture
// is not decoded again on every publish.
//
// Not in the key, and so checked again on every hit from what the manifest keeps:
// * the declared type and size (they only give warnings): recomputed from the manifest's source;
// * `maxPixels`: a set made under a higher limit is refused when its picture is now over the limit,
//   and a picture refused as too large is made once the limit allows it.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PictureFormat } from './sniff.ts';
import { declaredWarnings, processPhoto, tooLargeReason, type PhotoInput, type PhotoSource } from './process.ts';
import { settingsKey, type PhotoSettings } from './settings.ts';
import type { PhotoFile } from './record.ts';

/** The derive cache's folder inside the project's cache folder (config.cachePath). */
export const PHOTO_CACHE_FOLDER = 'photos-cache';
const MANIFEST = 'manifest.json';
const MANIFEST_VERSION = 1;

/** A derived file in the cache. */
export interface CachedFile extends PhotoFile {
  /** Size of the file in bytes. */
  bytes: number;
  /** Absolute path of the file in the cache. */
  path: string;
}

export type DeriveResult =
  | { ok: true; key: string; cached: boolean; source: PhotoSource; warnings: string[]; files: CachedFile[] }
  | { ok: false; key: string; cached: boolean; reason: string };

type Manifest =
  | { version: number; key: string; ok: true; source: PhotoSource; warnings: string[]; files: Omit<CachedFile, 'path'>[] }
  | { version: number; key: string; ok: false; reason: string; tooLarge?: { format: PictureFormat; width: number; height: number } };

/** A derived set's folder under a derive cache folder (`cacheDir` as given to derivePhoto). */
export function photoFolder(cacheDir: string, key: string): string {
  return join(cacheDir, 'photos', key);
}

/** A derived set's folder, from the project's cache folder (config.cachePath): `<cachePath>/photos-cache/photos/<key>`. */
export function photoSetFolder(cachePath: string, key: string): string {
  return photoFolder(join(cachePath, PHOTO_CACHE_FOLDER), key);
}

export function sourceDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The set's key: 20 hex digits of sha256 over the source digest, the settings, poi, credit and copyright. */
export function photoKey(digest: string, input: PhotoInput, settings: PhotoSettings): string {
  const poi = input.poi ? [input.poi.x, input.poi.y] : null;
  return createHash('sha256')
    .update(JSON.stringify([digest, settingsKey(settings), poi, input.credit ?? null, input.copyright ?? null]))
    .digest('hex')
    .slice(0, 20);
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  // `.tmp` last: publish/photos.ts skips such names when it places a set.
  const tmp = `${path}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

function validManifest(m: unknown, key: string): m is Manifest {
  if (!m || typeof m !== 'object') return false;
  const x = m as Partial<Manifest>;
  if (x.version !== MANIFEST_VERSION || x.key !== key) return false;
  if (x.ok === false) return typeof (x as { reason?: unknown }).reason === 'string';
  const ok = x as Partial<Extract<Manifest, { ok: true }>>;
  return x.ok === true && !!ok.source && Array.isArray(ok.files) && Array.isArray(ok.warnings);
}

async function readManifest(folder: string, key: string): Promise<Manifest | undefined> {
  try {
    const m: unknown = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8'));
    return validManifest(m, key) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Without the declared fields: those only give warnings, recomputed on every call. */
function intrinsic(input: PhotoInput): PhotoInput {
  const { declaredType: _t, declaredWidth: _w, declaredHeight: _h, ...rest } = input;
  return rest;
}

function fromManifest(m: Manifest, folder: string, input: PhotoInput, settings: PhotoSettings, cached: boolean): DeriveResult | undefined {
  if (!m.ok) {
    // A picture refused as too large is made once the limit allows it.
    if (m.tooLarge && m.tooLarge.width * m.tooLarge.height <= settings.maxPixels) return undefined;
    const reason = m.tooLarge ? tooLargeReason(m.tooLarge.format, m.tooLarge.width, m.tooLarge.height, settings.maxPixels) : m.reason;
    return { ok: false, key: m.key, cached, reason };
  }
  if (m.source.width * m.source.height > settings.maxPixels) {
    return { ok: false, key: m.key, cached, reason: tooLargeReason(m.source.format, m.source.width, m.source.height, settings.maxPixels) };
  }
  return {
    ok: true,
    key: m.key,
    cached,
    source: m.source,
    warnings: [...m.warnings, ...declaredWarnings(input, m.source)],
    files: m.files.map((f) => ({ ...f, path: join(folder, f.name) })),
  };
}

/** Removes leftover tmp files (a crash mid-write) older than an hour from a set's folder. */
async function sweepTmp(folder: string): Promise<void> {
  const now = Date.now();
  let names: string[] = [];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((n) => n.endsWith('.tmp'))
      .map(async (n) => {
        try {
          if (now - (await stat(join(folder, n))).mtimeMs > 3600_000) await unlink(join(folder, n));
        } catch {
          /* raced: fine */
        }
      }),
  );
}

/**
 * The derived set of a picture: from the cache when its manifest is there, else made (processPhoto),
 * written and recorded. Refusals are `{ ok: false, reason }`, cached too. Throws only when the cache
 * folder can't be written.
 */
export async function derivePhoto(sourceBytes: Uint8Array, input: PhotoInput, settings: PhotoSettings, cacheDir: string): Promise<DeriveResult> {
  const key = photoKey(sourceDigest(sourceBytes), input, settings);
  const folder = photoFolder(cacheDir, key);
  const hit = await readManifest(folder, key);
  if (hit) {
    const r = fromManifest(hit, folder, input, settings, true);
    if (r) return r;
  }

  const made = await processPhoto(sourceBytes, intrinsic(input), settings);
  await mkdir(folder, { recursive: true });
  let manifest: Manifest;
  if (!made.ok) {
    manifest = { version: MANIFEST_VERSION, key, ok: false, reason: made.reason, ...(made.tooLarge ? { tooLarge: made.tooLarge } : {}) };
  } else {
    const { photo } = made;
    await Promise.all(photo.files.map((f) => writeAtomic(join(folder, f.name), f.bytes)));
    manifest = {
      version: MANIFEST_VERSION,
      key,
      ok: true,
      source: photo.source,
      warnings: photo.warnings,
      files: photo.files.map(({ name, role, ratio, format, width, height, bytes }) => ({
        name,
        role,
        ...(ratio ? { ratio } : {}),
        format,
        width,
        height,
        bytes: bytes.length,
      })),
    };
  }
  await writeAtomic(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  await sweepTmp(folder);
  return fromManifest(manifest, folder, input, settings, false)!;
}
