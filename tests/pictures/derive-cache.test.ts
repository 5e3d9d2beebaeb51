// The picture cache (derivePhoto) and the worker pool that runs it.
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhotosOptionsSchema } from '../../integrations/dateline/options.ts';
import {
  PHOTO_CACHE_FOLDER,
  derivePhoto,
  photoFolder,
  photoKey,
  photoSetFolder,
  sourceDigest,
  type DeriveResult,
} from '../../integrations/dateline/pictures/derive-cache.ts';
import { PhotoPool } from '../../integrations/dateline/pictures/pool.ts';
import { photoSettings, settingsKey } from '../../integrations/dateline/pictures/settings.ts';
import { HTML_PAGE, cmykJpeg, plainPng, removeTempDirs, tempDir, tinyJpeg } from './images.ts';

const settings = photoSettings(PhotosOptionsSchema.parse({}));
afterAll(removeTempDirs);

function ok(r: DeriveResult): Extract<DeriveResult, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
}

const mtimes = (paths: string[]) => paths.map((p) => statSync(p).mtimeMs);

describe('derivePhoto', () => {
  let png: Buffer;
  beforeAll(async () => {
    png = await plainPng();
  });

  it('writes every file and a manifest under photos/<key>/, and says so', async () => {
    const dir = tempDir('derive');
    const r = ok(await derivePhoto(png, { credit: 'Reuters' }, settings, dir));
    expect(r.key).toMatch(/^[0-9a-f]{20}$/);
    expect(r.cached).toBe(false);
    expect(r.source).toEqual({ format: 'png', width: 1200, height: 800 });
    const folder = photoFolder(dir, r.key);
    expect(folder).toBe(join(dir, 'photos', r.key));
    expect(readdirSync(folder).sort()).toEqual([...r.files.map((f) => f.name), 'manifest.json'].sort());
    for (const f of r.files) {
      expect(f.path).toBe(join(folder, f.name));
      expect(f.bytes).toBe(statSync(f.path).size);
      const m = await sharp(f.path).metadata();
      expect([m.format, m.width, m.height, m.space]).toEqual([f.format === 'avif' ? 'heif' : f.format, f.width, f.height, 'srgb']);
    }
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ key: r.key, ok: true, source: r.source });
  });

  it('a second call reads only the manifest: same result, no file rewritten, no image read', async () => {
    const dir = tempDir('again');
    const first = ok(await derivePhoto(png, {}, settings, dir));
    const paths = first.files.map((f) => f.path);
    const before = mtimes(paths);
    const t = performance.now();
    const second = ok(await derivePhoto(png, {}, settings, dir));
    const ms = performance.now() - t;
    expect(second).toEqual({ ...first, cached: true });
    expect(mtimes(paths)).toEqual(before);
    expect(ms).toBeLessThan(100); // processing takes several hundred ms
    // no image is opened: one removed behind the cache's back goes unnoticed
    unlinkSync(paths[0]!);
    expect(ok(await derivePhoto(png, {}, settings, dir)).cached).toBe(true);
  });

  it('the key follows the source bytes, the settings, poi, credit and copyright, and nothing else', async () => {
    const digest = sourceDigest(png);
    const key = (input = {}, s = settings) => photoKey(digest, input, s);
    const base = key();
    expect(key()).toBe(base);
    // a fresh but equal settings object: same key string
    const again = photoSettings(PhotosOptionsSchema.parse({}));
    expect(settingsKey(again)).toBe(settingsKey(settings));
    expect(key({}, again)).toBe(base);
    const others = [
      key({}, { ...settings, widths: [400, 800, 1200] }),
      key({}, { ...settings, avif: true }),
      key({}, { ...settings, quality: { ...settings.quality, webp: 70 } }),
      key({ poi: { x: 0.2, y: 0.3 } }),
      key({ credit: 'AP' }),
      key({ copyright: '© AP' }),
      photoKey(sourceDigest(Buffer.concat([png, Buffer.from([0])])), {}, settings),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
    // what only gives warnings, and the limits, leave it alone
    expect(key({ declaredType: 'image/jpeg', declaredWidth: 10, declaredHeight: 10 })).toBe(base);
    expect(key({}, { ...settings, maxPixels: 1000, maxBytes: 10 })).toBe(base);
  });

  it('different settings give a different set', async () => {
    const dir = tempDir('settings');
    const a = ok(await derivePhoto(png, {}, settings, dir));
    const b = ok(await derivePhoto(png, {}, { ...settings, widths: [300, 600] }, dir));
    expect(b.key).not.toBe(a.key);
    expect(b.cached).toBe(false);
    expect(b.files.filter((f) => f.role === 'responsive' && f.format === 'webp').map((f) => f.width)).toEqual([300, 600]);
  });

  it('declared type and size give fresh warnings on a cache hit', async () => {
    const dir = tempDir('declared');
    const first = ok(await derivePhoto(png, { declaredType: 'image/jpeg' }, settings, dir));
    expect(first.warnings).toEqual(['declared as image/jpeg, but the bytes are a PNG image (image/png)']);
    const second = ok(await derivePhoto(png, { declaredType: 'image/png', declaredWidth: 1200, declaredHeight: 800 }, settings, dir));
    expect(second.cached).toBe(true);
    expect(second.key).toBe(first.key);
    expect(second.warnings).toEqual([]);
  });

  it('a set without its manifest (a crash mid-write) is made again; a damaged manifest too', async () => {
    const dir = tempDir('crash');
    const first = ok(await derivePhoto(png, {}, settings, dir));
    const manifest = join(photoFolder(dir, first.key), 'manifest.json');
    unlinkSync(manifest);
    writeFileSync(join(photoFolder(dir, first.key), 'w400.webp.123-abc.tmp'), 'half a file');
    const remade = ok(await derivePhoto(png, {}, settings, dir));
    expect(remade.cached).toBe(false);
    expect(existsSync(manifest)).toBe(true);
    writeFileSync(manifest, '{"version":1,"key":"');
    expect(ok(await derivePhoto(png, {}, settings, dir)).cached).toBe(false);
    writeFileSync(manifest, JSON.stringify({ version: 999, key: first.key, ok: false, reason: 'old' }));
    expect(ok(await derivePhoto(png, {}, settings, dir)).cached).toBe(false);
  });

  it('refusals are cached: a bad picture is not decoded again', async () => {
    const dir = tempDir('refused');
    const first = await derivePhoto(HTML_PAGE, {}, settings, dir);
    expect(first).toMatchObject({ ok: false, cached: false, reason: 'an HTML page, not a picture' });
    const manifest = JSON.parse(readFileSync(join(photoFolder(dir, first.key), 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ ok: false, reason: 'an HTML page, not a picture' });
    expect(await derivePhoto(HTML_PAGE, {}, settings, dir)).toEqual({ ...first, cached: true });
  });

  it('maxPixels is checked again on a hit, both ways', async () => {
    const dir = tempDir('limit');
    const made = ok(await derivePhoto(png, {}, settings, dir));
    // lowered below the picture's 0.96 MP: the cached set is not used
    const low = { ...settings, maxPixels: 500_000 };
    expect(await derivePhoto(png, {}, low, dir)).toEqual({
      ok: false,
      key: made.key,
      cached: true,
      reason: 'a PNG image too large to decode: 1200×800 pixels (1.0 MP) is over the limit of 0.5 MP (photos.maxPixels)',
    });
    // a picture refused as too large …
    const tiny = await tinyJpeg();
    const refusedOnce = await derivePhoto(tiny, {}, { ...settings, maxPixels: 50_000 }, dir);
    expect(refusedOnce).toMatchObject({ ok: false, cached: false });
    expect(await derivePhoto(tiny, {}, { ...settings, maxPixels: 50_000 }, dir)).toMatchObject({ ok: false, cached: true });
    // … is made once the limit allows it
    const later = ok(await derivePhoto(tiny, {}, settings, dir));
    expect([later.key, later.cached]).toEqual([refusedOnce.key, false]);
  });

  it('photoSetFolder finds a set from the project cache folder', async () => {
    const cachePath = tempDir('project');
    const r = ok(await derivePhoto(png, {}, settings, join(cachePath, PHOTO_CACHE_FOLDER)));
    expect(photoSetFolder(cachePath, r.key)).toBe(dirname(r.files[0]!.path));
  });
});

describe('PhotoPool', () => {
  let pool: PhotoPool;
  beforeAll(async () => {
    pool = await PhotoPool.start({ size: 2 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('derives in worker threads, sources by path or bytes, results in job order', async () => {
    const dir = tempDir('pool');
    const cacheDir = join(dir, 'cache');
    const tinyPath = join(dir, 'tiny.jpg');
    writeFileSync(tinyPath, await tinyJpeg());
    const cmyk = await cmykJpeg();
    const jobs = [
      { path: tinyPath, input: {}, settings, cacheDir },
      { bytes: cmyk, input: { poi: { x: 0.3, y: 0.3 } }, settings, cacheDir },
      { bytes: new Uint8Array(HTML_PAGE), input: {}, settings, cacheDir },
      { path: join(dir, 'missing.jpg'), input: {}, settings, cacheDir },
      { bytes: cmyk, input: {}, settings, cacheDir },
    ];
    const results = await pool.derive(jobs);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false, true]);
    const [tiny, cmykPoi, html, missing, cmykPlain] = results;
    expect(ok(tiny!).source).toEqual({ format: 'jpeg', width: 300, height: 200 });
    expect(ok(cmykPoi!).source).toEqual({ format: 'jpeg', width: 1600, height: 1067 });
    expect(ok(cmykPlain!).key).not.toBe(ok(cmykPoi!).key);
    expect(html).toMatchObject({ ok: false, reason: 'an HTML page, not a picture' });
    expect(missing).toMatchObject({ ok: false, reason: 'the picture file could not be read (ENOENT)' });
    for (const f of ok(cmykPoi!).files) expect((await sharp(f.path).metadata()).space).toBe('srgb');

    const again = await pool.derive(jobs);
    expect(again.filter((r) => r.ok).map((r) => r.cached)).toEqual([true, true, true]);
    expect(again[2]).toMatchObject({ ok: false, cached: true });
  });

  it('runs pictures side by side on its workers', async () => {
    expect(pool.size).toBe(2);
    const dir = tempDir('pool-par');
    const png = await plainPng();
    const jobs = Array.from({ length: 6 }, (_, i) => ({ bytes: png, input: { poi: { x: 0.5, y: i / 10 } }, settings, cacheDir: dir }));
    const results = await pool.derive(jobs);
    expect(new Set(results.map((r) => ok(r).key)).size).toBe(6);
  });

  it('a closed pool takes no more jobs', async () => {
    const p = await PhotoPool.start({ size: 1 });
    await p.close();
    await expect(p.derive([{ bytes: await tinyJpeg(), input: {}, settings, cacheDir: tempDir('closed') }])).rejects.toThrow(/closed/);
  });
});
