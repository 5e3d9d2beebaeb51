// processPhoto on real pictures made with sharp (images.ts): every output is decoded again and its
// size, format, colour space, depth and metadata checked.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PhotosOptionsSchema } from '../../integrations/dateline/options.ts';
import { planOutputs, processPhoto, type DerivedFile, type PhotoInput, type ProcessedPhoto } from '../../integrations/dateline/pictures/process.ts';
import { photoSettings, settingsKey, type PhotoSettings } from '../../integrations/dateline/pictures/settings.ts';
import {
  GREEN,
  GREY,
  P3_SOURCE_COLOUR,
  POI,
  RED,
  animatedGif,
  cmykJpeg,
  exifTags,
  near,
  orientedCameraJpeg,
  p3Png,
  pixelAt,
  plainPng,
  png16,
  poiJpeg,
  tinyJpeg,
} from './images.ts';

const settings = photoSettings(PhotosOptionsSchema.parse({}));

async function processOk(bytes: Buffer, input: PhotoInput = {}, s: PhotoSettings = settings): Promise<ProcessedPhoto> {
  const r = await processPhoto(bytes, input, s);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.photo;
}

const file = (photo: ProcessedPhoto, name: string): DerivedFile => {
  const f = photo.files.find((x) => x.name === name);
  if (!f) throw new Error(`no ${name} among ${photo.files.map((x) => x.name).join(', ')}`);
  return f;
};

const SHARP_FORMAT = { jpeg: 'jpeg', webp: 'webp', avif: 'heif' } as const;

/** Decodes every output and checks what it says about itself, and the rules that hold for all. */
async function checkOutputs(photo: ProcessedPhoto, rights: { credit?: string; copyright?: string } = {}) {
  const names = new Set<string>();
  for (const f of photo.files) {
    expect(names.has(f.name), `duplicate ${f.name}`).toBe(false);
    names.add(f.name);
    const m = await sharp(f.bytes).metadata();
    const where = `${f.name}: ${JSON.stringify({ format: m.format, width: m.width, height: m.height, space: m.space, depth: m.depth })}`;
    expect(m.format, where).toBe(SHARP_FORMAT[f.format]);
    if (f.format === 'avif') expect(m.compression, where).toBe('av1');
    expect([m.width, m.height], where).toEqual([f.width, f.height]);
    expect(m.space, where).toBe('srgb');
    expect(m.channels, where).toBe(3);
    expect(m.depth, where).toBe('uchar');
    expect(m.hasAlpha, where).toBe(false);
    expect(m.icc, where).toBeUndefined(); // untagged = sRGB on the web
    expect(m.iptc, where).toBeUndefined();
    expect(m.orientation ?? 1, where).toBe(1);
    // never upscaled
    expect(f.width, where).toBeLessThanOrEqual(photo.source.width);
    expect(f.height, where).toBeLessThanOrEqual(photo.source.height);
    const ext = { jpeg: 'jpg', webp: 'webp', avif: 'avif' }[f.format];
    expect(f.name.endsWith(`.${ext}`), where).toBe(true);
    if (rights.copyright || rights.credit) {
      expect(m.xmpAsString, where).toBeDefined();
      if (rights.credit) expect(m.xmpAsString, where).toContain(rights.credit);
      if (rights.copyright) expect(m.xmpAsString, where).toContain(rights.copyright);
    } else {
      expect(m.xmp, where).toBeUndefined();
    }
    if (m.exif) {
      const tags = exifTags(m.exif);
      const keys = Object.keys(tags);
      expect(
        keys.filter((k) => k.startsWith('gps.') || k === 'ifd0.8825'),
        `${where}: GPS in EXIF`,
      ).toEqual([]);
      // No camera tags either (Make, Model, DateTime, DateTimeOriginal)
      expect(
        keys.filter((k) => ['ifd0.10f', 'ifd0.110', 'ifd0.132', 'exif.9003'].includes(k)),
        where,
      ).toEqual([]);
      expect(rights.copyright, `${where}: EXIF written without a copyright`).toBeDefined();
      expect(String(tags['ifd0.8298'])).toBe(rights.copyright!.replace('©', '(C)'));
    } else {
      expect(rights.copyright, `${where}: copyright not in EXIF`).toBeUndefined();
    }
  }
  for (const f of photo.files) {
    const ratio = f.ratio;
    if (ratio === '16x9') expect(Math.abs(f.width / f.height - 16 / 9)).toBeLessThan(0.01);
    if (ratio === '4x3') expect(Math.abs(f.width / f.height - 4 / 3)).toBeLessThan(0.01);
    if (ratio === '1x1') expect(f.width).toBe(f.height);
    if (ratio === '3x2') expect(Math.abs(f.width / f.height - 1.5)).toBeLessThan(0.01);
    if (f.role === 'card') expect([f.width, f.height]).toEqual([1200, 630]);
    if (f.role === 'responsive') expect(Math.abs(f.width / f.height - photo.source.width / photo.source.height)).toBeLessThan(0.01);
  }
}

describe('a 24 MP camera JPEG with EXIF orientation 6 and GPS', () => {
  let bytes: Buffer;
  let photo: ProcessedPhoto;
  beforeAll(async () => {
    bytes = await orientedCameraJpeg();
    const m = await sharp(bytes).metadata();
    // the source really is what it claims
    expect([m.width, m.height, m.orientation]).toEqual([6000, 4000, 6]);
    expect(Object.keys(exifTags(m.exif!))).toContain('gps.2');
    photo = await processOk(bytes);
  });

  it('is read as a 4000×6000 portrait and makes every output, portrait, none wider than the source', async () => {
    expect(photo.source).toEqual({ format: 'jpeg', width: 4000, height: 6000 });
    expect(photo.warnings).toEqual([]);
    expect(photo.files.map((f) => f.name).sort()).toEqual(
      [
        '16x9.jpg',
        '1x1.jpg',
        '4x3.jpg',
        'card.jpg',
        't360.jpg',
        't360.webp',
        't720.jpg',
        't720.webp',
        'w1200.jpg',
        'w1200.webp',
        'w1600.jpg',
        'w1600.webp',
        'w400.jpg',
        'w400.webp',
        'w800.jpg',
        'w800.webp',
      ].sort(),
    );
    for (const f of photo.files.filter((x) => x.role === 'responsive')) {
      expect(f.height).toBe(Math.round(f.width * 1.5));
    }
    expect([file(photo, 'w1600.webp').width, file(photo, 'w1600.webp').height]).toEqual([1600, 2400]);
    expect([file(photo, '1x1.jpg').width, file(photo, '1x1.jpg').height]).toEqual([1200, 1200]);
    expect([file(photo, '16x9.jpg').width, file(photo, '16x9.jpg').height]).toEqual([1200, 675]);
    expect([file(photo, '4x3.jpg').width, file(photo, '4x3.jpg').height]).toEqual([1200, 900]);
    expect([file(photo, 't720.webp').width, file(photo, 't720.webp').height]).toEqual([720, 480]);
    expect([file(photo, 't360.jpg').width, file(photo, 't360.jpg').height]).toEqual([360, 240]);
    await checkOutputs(photo);
  });

  it('applies the rotation: the stored top-left marker is at the top right', async () => {
    const w400 = file(photo, 'w400.jpg');
    expect(near(await pixelAt(w400.bytes, 390, 10), RED)).toBe(true);
    expect(near(await pixelAt(w400.bytes, 10, 10), RED)).toBe(false);
    expect(near(await pixelAt(w400.bytes, 390, 590), RED)).toBe(false);
  });

  it('strips all metadata (GPS, camera, orientation) and writes back only the credit and copyright', async () => {
    // without rights: no EXIF, no XMP at all (checkOutputs above); with them:
    const rights = { credit: 'AFP/Getty Images', copyright: '© 2024 Agence France-Presse' };
    const withRights = await processOk(bytes, rights);
    await checkOutputs(withRights, rights);
    const m = await sharp(file(withRights, 'w800.jpg').bytes).metadata();
    expect(m.xmpAsString).toContain('<photoshop:Credit>AFP/Getty Images</photoshop:Credit>');
    expect(m.xmpAsString).toContain('© 2024 Agence France-Presse');
  });

  it('settings with AVIF add AVIF responsive files', async () => {
    const avif = { ...settings, avif: true };
    expect(settingsKey(avif)).not.toBe(settingsKey(settings));
    const small = await processOk(await png16(), {}, avif);
    expect(small.files.filter((f) => f.format === 'avif').map((f) => f.name)).toEqual(['w400.avif', 'w800.avif', 'w1000.avif']);
    await checkOutputs(small);
  });
});

describe('colour: CMYK, 16-bit and ICC-profiled sources become sRGB 8-bit', () => {
  it('CMYK JPEG', async () => {
    const bytes = await cmykJpeg();
    expect((await sharp(bytes).metadata()).space).toBe('cmyk');
    const photo = await processOk(bytes);
    expect(photo.source).toEqual({ format: 'jpeg', width: 1600, height: 1067 });
    await checkOutputs(photo);
    // the colours survive the conversion: the sky at the top is blue, not inverted or washed out
    const sky = await pixelAt(file(photo, 'w400.jpg').bytes, 200, 5);
    expect(sky.b).toBeGreaterThan(sky.r + 40);
  });

  it('16-bit PNG', async () => {
    const bytes = await png16();
    expect((await sharp(bytes).metadata()).depth).toBe('ushort');
    const photo = await processOk(bytes);
    // 1000 px wide: 400, 800 and the source's own 1000
    expect(photo.files.filter((f) => f.role === 'responsive' && f.format === 'webp').map((f) => f.width)).toEqual([400, 800, 1000]);
    await checkOutputs(photo);
  });

  it('Display P3 PNG: the profile is applied, then dropped', async () => {
    const bytes = await p3Png();
    const m = await sharp(bytes).metadata();
    expect(m.hasProfile).toBe(true);
    // stored numbers are P3 ones, far from the sRGB colour they stand for …
    const { data } = await sharp(bytes, { ignoreIcc: true }).raw().toBuffer({ resolveWithObject: true });
    expect(near({ r: data[0]!, g: data[1]!, b: data[2]! }, P3_SOURCE_COLOUR, 8)).toBe(false);
    const photo = await processOk(bytes);
    await checkOutputs(photo);
    // … and the untagged sRGB outputs show that colour
    for (const name of ['w800.jpg', 'w800.webp', '1x1.jpg']) {
      const f = file(photo, name);
      expect(near(await pixelAt(f.bytes, f.width >> 1, f.height >> 1), P3_SOURCE_COLOUR, 5), name).toBe(true);
    }
  });
});

describe('shapes and sizes', () => {
  it('an animated GIF gives its first frame, with a warning', async () => {
    const photo = await processOk(await animatedGif());
    expect(photo.source).toEqual({ format: 'gif', width: 400, height: 300 });
    expect(photo.warnings).toEqual(['3 frames (an animated GIF): only the first is used']);
    await checkOutputs(photo);
    const w = file(photo, 'w400.jpg');
    expect(w.height).toBe(300);
    expect(near(await pixelAt(w.bytes, 200, 150), RED)).toBe(true);
  });

  it('a tiny 300×200 JPEG: only its own width, thumbnail and crops as large as it allows, no card', async () => {
    const photo = await processOk(await tinyJpeg());
    expect(photo.source).toEqual({ format: 'jpeg', width: 300, height: 200 });
    expect(photo.files.map((f) => `${f.name} ${f.width}×${f.height}`)).toEqual([
      'w300.webp 300×200',
      'w300.jpg 300×200',
      't300.webp 300×200',
      't300.jpg 300×200',
      '16x9.jpg 300×169',
      '4x3.jpg 266×200',
      '1x1.jpg 200×200',
    ]);
    await checkOutputs(photo);
  });

  it('the card needs at least 1200×630 after orientation', () => {
    const has = (w: number, h: number) => planOutputs(w, h, settings).some((p) => p.role === 'card');
    expect(has(1200, 630)).toBe(true);
    expect(has(1199, 2000)).toBe(false);
    expect(has(3000, 629)).toBe(false);
  });

  it('responsive widths: those below the source, plus the source itself when below the largest and not a near-duplicate', () => {
    const widths = (w: number) =>
      planOutputs(w, w, settings)
        .filter((p) => p.role === 'responsive')
        .map((p) => p.width);
    expect(widths(6000)).toEqual([400, 800, 1200, 1600]);
    expect(widths(1600)).toEqual([400, 800, 1200, 1600]);
    expect(widths(1601)).toEqual([400, 800, 1200, 1600]);
    expect(widths(1000)).toEqual([400, 800, 1000]);
    expect(widths(1201)).toEqual([400, 800, 1200]);
    expect(widths(850)).toEqual([400, 800]);
    expect(widths(881)).toEqual([400, 800, 881]);
    expect(widths(400)).toEqual([400]);
    expect(widths(100)).toEqual([100]);
  });

  it('crop boxes stay inside the picture whatever the poi', () => {
    for (const poi of [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 0.02, y: 0.98 },
      { x: -3, y: 7 },
      { x: Number.NaN, y: 0.5 },
    ]) {
      for (const p of planOutputs(5000, 2000, settings, poi)) {
        expect(p.box.left).toBeGreaterThanOrEqual(0);
        expect(p.box.top).toBeGreaterThanOrEqual(0);
        expect(p.box.left + p.box.width).toBeLessThanOrEqual(5000 + 1e-9);
        expect(p.box.top + p.box.height).toBeLessThanOrEqual(2000 + 1e-9);
      }
    }
  });
});

describe('point of interest', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await poiJpeg();
  });

  it('crops are centred on the poi: their centre pixel is on the green cross', async () => {
    const photo = await processOk(bytes, { poi: POI });
    await checkOutputs(photo);
    for (const name of ['1x1.jpg', '16x9.jpg', 'card.jpg', 't720.jpg', 't720.webp', 't360.jpg']) {
      const f = file(photo, name);
      expect(near(await pixelAt(f.bytes, f.width >> 1, f.height >> 1), GREEN), name).toBe(true);
    }
  });

  it('without a poi they are centred on the picture (grey centre)', async () => {
    const photo = await processOk(bytes);
    for (const name of ['1x1.jpg', '16x9.jpg', 'card.jpg', 't720.jpg']) {
      const f = file(photo, name);
      expect(near(await pixelAt(f.bytes, f.width >> 1, f.height >> 1), GREY), name).toBe(true);
    }
  });

  it('a poi near a corner moves the box as little as needed to stay inside', async () => {
    const photo = await processOk(bytes, { poi: { x: 0.99, y: 0.01 } });
    await checkOutputs(photo);
    const square = file(photo, '1x1.jpg'); // box 3000×3000 at the right edge: source x 1000–4000
    // the vertical band (source x 1500–1700) is at crop x (1500−1000)·0.4 = 200 to 280
    expect(near(await pixelAt(square.bytes, 240, 600), GREEN)).toBe(true);
    expect(near(await pixelAt(square.bytes, 170, 600), GREY)).toBe(true);
  });
});

describe('declared type and size', () => {
  it('a PNG declared as a JPEG of another size is made, with warnings', async () => {
    const photo = await processOk(await plainPng(), { declaredType: 'image/jpeg', declaredWidth: 1000, declaredHeight: 800 });
    expect(photo.source).toEqual({ format: 'png', width: 1200, height: 800 });
    expect(photo.warnings).toEqual([
      'declared as image/jpeg, but the bytes are a PNG image (image/png)',
      'declared as 1000×800 pixels, but the picture is 1200×800',
    ]);
    await checkOutputs(photo);
  });

  it('a matching declaration (either orientation) gives no warning', async () => {
    const bytes = await tinyJpeg();
    for (const input of [
      { declaredType: 'image/jpg', declaredWidth: 300, declaredHeight: 200 },
      { declaredType: 'JPEG', declaredWidth: 200, declaredHeight: 300 },
    ]) {
      expect((await processOk(bytes, input)).warnings).toEqual([]);
    }
  });
});
