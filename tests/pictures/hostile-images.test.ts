// Pictures that must be refused, quickly and with a reason a publisher can act on: a decompression
// bomb, a cut-short file, SVG and HTML posing as pictures, other files. And what the sniffer accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhotosOptionsSchema } from '../../integrations/dateline/options.ts';
import { processPhoto } from '../../integrations/dateline/pictures/process.ts';
import { photoSettings } from '../../integrations/dateline/pictures/settings.ts';
import { sniffPicture } from '../../integrations/dateline/pictures/sniff.ts';
import { HTML_PAGE, SVG_WITH_SCRIPT, plainPng, removeTempDirs, tempDir, tinyJpeg, truncatedJpeg, writeBomb } from './images.ts';

const settings = photoSettings(PhotosOptionsSchema.parse({}));

async function refused(bytes: Uint8Array, input = {}): Promise<string> {
  const r = await processPhoto(bytes, input, settings);
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

afterAll(removeTempDirs);

describe('decompression bomb: a 20000×20000 PNG of ~430 KB', () => {
  let bomb: Buffer;
  beforeAll(async () => {
    const path = join(tempDir('bomb'), 'bomb.png');
    await writeBomb(path);
    bomb = readFileSync(path);
    // warm sharp up, so the timing below is the refusal and not the library's first call
    await processPhoto(await tinyJpeg(), {}, settings);
  });

  it('is what it claims: 400 MP in a small file', async () => {
    expect(bomb.length).toBeLessThan(600 * 1024);
    const m = await sharp(bomb, { limitInputPixels: false }).metadata();
    expect([m.width, m.height, m.format]).toEqual([20000, 20000, 'png']);
  });

  it('is refused in milliseconds, from its header, without allocating its pixels', async () => {
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const r = await processPhoto(bomb, {}, settings);
    const ms = performance.now() - t;
    const grew = process.memoryUsage().rss - before;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('a PNG image too large to decode: 20000×20000 pixels (400 MP) is over the limit of 100 MP (photos.maxPixels)');
    expect(r.tooLarge).toEqual({ format: 'png', width: 20000, height: 20000 });
    expect(ms).toBeLessThan(50);
    // 20000×20000×4 = 1.6 GB if decoded; the refusal costs next to nothing
    expect(grew).toBeLessThan(64 * 1024 * 1024);
  });

  it('a lower maxPixels refuses an ordinary picture the same way', async () => {
    const reason = await processPhoto(await plainPng(), {}, { ...settings, maxPixels: 500_000 });
    expect(reason).toMatchObject({
      ok: false,
      reason: 'a PNG image too large to decode: 1200×800 pixels (1.0 MP) is over the limit of 0.5 MP (photos.maxPixels)',
    });
  });
});

describe('damaged files', () => {
  it('a truncated JPEG is refused (its header reads fine; failOn "truncated" stops the decode)', async () => {
    const bytes = await truncatedJpeg();
    const m = await sharp(bytes).metadata();
    expect([m.width, m.height]).toEqual([1600, 1000]);
    expect(await refused(bytes)).toMatch(/^a JPEG image that is damaged or cut short \(premature end of JPEG image\)$/);
  });

  it('what failOn does with that file in sharp 0.35: "none" decodes it (grey fill), "truncated" and above refuse it', async () => {
    const bytes = await truncatedJpeg();
    await expect(sharp(bytes, { failOn: 'none' }).resize(400).raw().toBuffer()).resolves.toBeInstanceOf(Buffer);
    for (const level of ['truncated', 'error', 'warning'] as const) {
      await expect(sharp(bytes, { failOn: level }).resize(400).raw().toBuffer(), level).rejects.toThrow(/premature end/);
    }
  });

  it('a truncated PNG is refused', async () => {
    const png = await plainPng();
    expect(await refused(png.subarray(0, png.length >> 1))).toMatch(/^a PNG image that is damaged or cut short \(/);
  });

  it('JPEG magic followed by an HTML page is refused by the decoder', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML_PAGE]);
    expect(await refused(bytes)).toMatch(/^a JPEG image that (is damaged or cut short|could not be decoded) \(/);
  });

  it('a PNG with only a signature and a header chunk is refused', async () => {
    const png = await plainPng();
    expect(await refused(png.subarray(0, 40))).toMatch(/^a PNG image that (is damaged or cut short|could not be decoded)/);
  });
});

describe('not pictures, and pictures not accepted', () => {
  it('an SVG with a script', async () => {
    expect(await refused(SVG_WITH_SCRIPT)).toBe('an SVG image: not accepted');
    // declared as a JPEG, or without the XML prolog, or after a BOM and blank lines: the same
    expect(await refused(SVG_WITH_SCRIPT, { declaredType: 'image/jpeg' })).toBe('an SVG image: not accepted');
    expect(await refused(Buffer.from('\uFEFF\n\n  <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe(
      'an SVG image: not accepted',
    );
    expect(await refused(Buffer.from('<!-- made by hand --><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>'))).toBe('an SVG image: not accepted');
    expect(await refused(Buffer.from(`\uFEFF${SVG_WITH_SCRIPT.toString()}`, 'utf16le'))).toBe('an SVG image: not accepted');
  });

  it('an HTML page (an error page served as a picture)', async () => {
    expect(await refused(HTML_PAGE)).toBe('an HTML page, not a picture');
    expect(await refused(Buffer.from('  <html><body>Forbidden</body></html>'))).toBe('an HTML page, not a picture');
    expect(await refused(Buffer.from('<script>alert(1)</script>'))).toBe('an HTML page, not a picture');
  });

  it('other files, said in words', async () => {
    const cases: [string | Buffer, string][] = [
      [Buffer.alloc(0), 'an empty file, not a picture'],
      ['%PDF-1.7\n%âãÏÓ\n1 0 obj', 'not a picture (a PDF document)'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'not a picture (a ZIP archive (or an Office document))'],
      [Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]), 'not a picture (a gzip-compressed file)'],
      [Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), 'not a picture (a Linux program)'],
      ['<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', 'not a picture (an XML document)'],
      ['{"error":"not found"}', 'not a picture (JSON or other text)'],
      ['Access denied.', 'not a picture (a text file)'],
      [Buffer.from([0x42, 0x4d, 0x36, 0x00, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00, 0x00, 0x00]), 'a BMP image: not accepted'],
      [
        Buffer.from([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0, 0x6d, 0x69, 0x66, 0x31, 0x68, 0x65, 0x69, 0x63]),
        'a HEIF/HEIC image: not accepted',
      ],
      [
        Buffer.from([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 0, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]),
        'not a picture (an MP4/QuickTime media file (brand "isom"))',
      ],
      [Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02, 0x03, 0x04]), 'not a picture (unknown binary data starting de ad be ef 00 01 02 03)'],
    ];
    for (const [bytes, reason] of cases) {
      expect(await refused(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes), reason).toBe(reason);
    }
  });

  it('a PNG declared as a JPEG is used, with a warning', async () => {
    const r = await processPhoto(await plainPng(), { declaredType: 'image/jpeg' }, settings);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.photo.source.format).toBe('png');
      expect(r.photo.warnings).toEqual(['declared as image/jpeg, but the bytes are a PNG image (image/png)']);
    }
  });
});

describe('the accepted formats, recognised by their bytes and processed', () => {
  it.each(['jpeg', 'png', 'webp', 'avif', 'tiff', 'gif'] as const)('%s', async (format) => {
    const base = sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 90, b: 160 } } });
    const bytes = await base.toFormat(format).toBuffer();
    const s = sniffPicture(bytes);
    expect(s).toMatchObject({ ok: true, format });
    const r = await processPhoto(bytes, {}, settings);
    expect(r.ok, r.ok ? '' : r.reason).toBe(true);
    if (!r.ok) return;
    expect(r.photo.source).toEqual({ format, width: 640, height: 480 });
    const w = r.photo.files.find((f) => f.name === 'w640.jpg')!;
    const m = await sharp(w.bytes).metadata();
    expect([m.format, m.width, m.height, m.space]).toEqual(['jpeg', 640, 480, 'srgb']);
  });
});
