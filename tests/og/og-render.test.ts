import { readFileSync, statSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ogCacheKey, renderOgImages, renderDefaultImage, uncoveredCharacters } from '../../integrations/dateline/og/index.ts';
import { CHINESE, MIXED, URDU, components, inkIn, reference, removeTempDirs, tempDir, theme } from './helpers.ts';

async function one(card = reference, dir = tempDir('one')) {
  const r = await renderOgImages([{ id: 'a', card }], { cacheDir: dir, theme });
  const img = r.images.get('a');
  if (!img) throw new Error(`no image: ${JSON.stringify([...r.warnings])}`);
  return { img, warnings: r.warnings.get('a') ?? [], r };
}

describe('OG image basics', () => {
  it('reference card is 1200×630, the recorded format, under 300 KB', async () => {
    const { img, warnings } = await one();
    expect(warnings).toEqual([]);
    const meta = await sharp(img.file).metadata();
    expect(meta.width).toBe(1200);
    expect(meta.height).toBe(630);
    expect(meta.format).toBe(img.ext === 'png' ? 'png' : 'jpeg');
    expect(img.type).toBe(img.ext === 'png' ? 'image/png' : 'image/jpeg');
    expect(img.file.endsWith(`${img.key}.${img.ext}`)).toBe(true);
    expect(img.bytes).toBe(statSync(img.file).size);
    expect(img.bytes).toBeLessThan(300 * 1024);
    expect(img.bytes).toBeGreaterThan(2000);
  });

  it('same card → same key and identical bytes; another headline → another key and other pixels', async () => {
    const a = await one(reference, tempDir('det1'));
    const b = await one(reference, tempDir('det2'));
    expect(a.img.key).toBe(b.img.key);
    expect(readFileSync(a.img.file).equals(readFileSync(b.img.file))).toBe(true);
    const c = await one({ ...reference, headline: `${reference.headline} again` }, tempDir('det3'));
    expect(c.img.key).not.toBe(a.img.key);
    const [pa, pc] = await Promise.all([a.img.file, c.img.file].map((f) => sharp(f).raw().toBuffer()));
    expect(pa.equals(pc)).toBe(false);
  });

  it('key covers every drawn field and the theme, not whitespace noise', () => {
    const k = ogCacheKey(reference, theme);
    expect(ogCacheKey({ ...reference, headline: `  ${reference.headline}\n` }, theme)).toBe(k);
    for (const field of ['siteName', 'sectionLabel', 'headline', 'byline', 'dateText'] as const) {
      expect(ogCacheKey({ ...reference, [field]: `${reference[field]}x` }, theme)).not.toBe(k);
    }
    expect(ogCacheKey({ ...reference, lang: 'en' }, theme)).not.toBe(k);
    expect(ogCacheKey(reference, { ...theme, accent: '#000000' })).not.toBe(k);
    expect(ogCacheKey(reference, { ...theme, accent: '#C0392B' })).toBe(k);
  });

  it('escapes markup: wire text with < & " renders and differs from its unescaped reading', async () => {
    const { img, warnings } = await one({ ...reference, headline: 'Markets <b>rally</b> & "rates" <span>cool</span> 5 < 6', byline: 'AFP & <Reuters>' });
    expect(warnings).toEqual([]);
    expect((await inkIn(img.file)).count).toBeGreaterThan(3000);
  });

  it('default image for non-article pages', async () => {
    const dir = tempDir('default');
    const d = await renderDefaultImage({ cacheDir: dir, theme, siteName: 'Dateline', tagline: 'News from the wires' });
    const meta = await sharp(d.file).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 630]);
    expect(d.bytes).toBeLessThan(300 * 1024);
    expect((await inkIn(d.file, { left: 0, top: 150, width: 1200, height: 330 })).count).toBeGreaterThan(2000);
    // survives pruning by an article render in the same folder
    await renderOgImages([{ id: 'a', card: reference }], { cacheDir: dir, theme });
    expect(statSync(d.file).size).toBe(d.bytes);
  });
});

describe('glyphs are really drawn', () => {
  const cases: Array<[string, string]> = [
    ['Latin', reference.headline],
    ['Urdu', URDU],
    ['Chinese', CHINESE],
    ['mixed', MIXED],
  ];
  for (const [name, headline] of cases) {
    it(`${name} headline: ink in the headline box, no coverage warning`, async () => {
      expect(uncoveredCharacters(headline)).toEqual([]);
      const { img, warnings } = await one({ ...reference, headline });
      expect(warnings).toEqual([]);
      const ink = await inkIn(img.file);
      expect(ink.count).toBeGreaterThan(name === 'Chinese' ? 2000 : 4000);
    });
  }

  it('characters outside the bundled fonts are reported, never silent', async () => {
    expect(uncoveredCharacters('Markets 😀 rally 😀 𓀀 𐀀 a\u200c\u200d\u200f\u00ad b')).toEqual(['😀', '𓀀', '𐀀']);
    const dir = tempDir('uncovered');
    const r = await renderOgImages(
      [
        { id: 'emoji', card: { ...reference, headline: 'Markets rally 😀 as rates cool' } },
        { id: 'hiero', card: { ...reference, byline: 'Scribe 𓀀', sectionLabel: 'Wörld 𐀀' } },
        { id: 'ok', card: reference },
      ],
      { cacheDir: dir, theme },
    );
    expect(r.warnings.get('emoji')).toEqual(['headline has characters no bundled font covers: U+1F600 😀']);
    expect(r.warnings.get('hiero')).toEqual([
      'byline has characters no bundled font covers: U+13000 𓀀',
      'section has characters no bundled font covers: U+10000 𐀀',
    ]);
    expect(r.warnings.has('ok')).toBe(false);
    expect(r.images.size).toBe(3); // still rendered
  });
});

describe('shaping and direction', () => {
  it('Urdu is shaped (joined Nastaliq): far fewer connected pieces than the same letters kept apart by ZWNJ', async () => {
    const joined = await inkIn((await one({ ...reference, headline: URDU })).img.file);
    const apart = URDU.split(' ')
      .map((w) => [...w].join('\u200c'))
      .join(' ');
    expect(uncoveredCharacters(apart)).toEqual([]);
    const isolated = await inkIn((await one({ ...reference, headline: apart })).img.file);
    const cj = components(joined),
      ci = components(isolated);
    // Joined Nastaliq: letters of a word connect (only dots and non-joining letters stay apart).
    expect(ci).toBeGreaterThan(cj * 1.25);
    expect(ci - cj).toBeGreaterThanOrEqual(8);
    // and the ink is laid out differently, not just re-counted
    expect(Math.abs(joined.maxX - joined.minX - (isolated.maxX - isolated.minX))).toBeGreaterThan(40);
  });

  it('right-to-left headlines are right-aligned, left-to-right ones left-aligned', async () => {
    const ur = await inkIn((await one({ ...reference, headline: URDU })).img.file);
    expect(ur.width - 1 - ur.maxX).toBeLessThan(12); // touches the right margin
    expect(ur.minX).toBeGreaterThan(150); // short line: space on the left
    const ar = await inkIn((await one({ ...reference, headline: 'وزراء الخارجية العرب يدعون إلى وقف فوري' })).img.file);
    expect(ar.width - 1 - ar.maxX).toBeLessThan(12);
    const en = await inkIn((await one({ ...reference, headline: 'Short headline' })).img.file);
    expect(en.minX).toBeLessThan(12);
    expect(en.maxX).toBeLessThan(en.width / 2);
    const mixed = await inkIn((await one({ ...reference, headline: 'Budget: قومی اسمبلی' })).img.file);
    expect(mixed.minX).toBeLessThan(12); // first strong character is Latin → LTR
  });

  it('Urdu (lang or Urdu letters) and Arabic get different families', async () => {
    // The same Arabic-script word drawn as Urdu (Nastaliq) vs Arabic (Naskh) gives different ink.
    const word = 'قومی اسمبلی';
    const asUrdu = await inkIn((await one({ ...reference, headline: word, lang: 'ur' })).img.file);
    const asArabic = await inkIn((await one({ ...reference, headline: word, lang: 'ar' })).img.file);
    expect(asUrdu.maxY - asUrdu.minY).not.toBe(asArabic.maxY - asArabic.minY);
    expect(Math.abs(asUrdu.count - asArabic.count)).toBeGreaterThan(200);
  });
});

afterAll(removeTempDirs);

describe('odd input', () => {
  it('empty, whitespace-only and control-laden cards still render; lang cannot inject markup', async () => {
    const dir = tempDir('odd');
    const r = await renderOgImages(
      [
        { id: 'empty', card: { siteName: '', sectionLabel: '', headline: '', byline: '', dateText: '' } },
        { id: 'ws', card: { siteName: '', sectionLabel: 'World', headline: ' \n\u200c ', byline: ' ', dateText: 'x' } },
        { id: 'ctrl', card: { ...reference, headline: 'a\u0000b\u0007c <>& \ud800', lang: '"><x' } },
      ],
      { cacheDir: dir, theme: { ...theme, accent: 'rgb(200, 0, 0)', background: '#fff' } },
    );
    expect([...r.warnings]).toEqual([]);
    expect(r.images.size).toBe(3);
    // section label alone is drawn when the site name is empty
    expect((await inkIn(r.images.get('ws')!.file, { left: 60, top: 60, width: 200, height: 40 })).count).toBeGreaterThan(100);
    expect((await inkIn(r.images.get('ctrl')!.file)).count).toBeGreaterThan(500);
  });

  it('rejects an unusable theme colour with a clear error', async () => {
    await expect(renderOgImages([{ id: 'a', card: reference }], { cacheDir: tempDir('badtheme'), theme: { ...theme, accent: 'reddish' } })).rejects.toThrow(
      /theme\.accent/,
    );
  });
});
