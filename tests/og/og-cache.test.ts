import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { ogCacheKey, renderOgImages } from '../../integrations/dateline/og/index.ts';
import { URDU, reference, removeTempDirs, tempDir, theme } from './helpers.ts';

const images = (dir: string) =>
  readdirSync(dir)
    .filter((n) => /\.(png|jpg)$/.test(n))
    .sort();

describe('OG cache', () => {
  const jobs = [
    { id: 'en', card: reference },
    { id: 'ur', card: { ...reference, headline: URDU } },
    { id: 'zh', card: { ...reference, headline: '国会通过预算' } },
  ];

  it('second call renders nothing; one changed card re-renders exactly one; unused files are pruned', async () => {
    const dir = tempDir('cache');
    const first = await renderOgImages(jobs, { cacheDir: dir, theme });
    expect([first.rendered, first.reused]).toEqual([3, 0]);
    expect(images(dir)).toHaveLength(3);
    const mtimes = new Map([...first.images].map(([id, im]) => [id, statSync(im.file).mtimeMs]));

    const second = await renderOgImages(jobs, { cacheDir: dir, theme });
    expect([second.rendered, second.reused]).toEqual([0, 3]);
    for (const [id, im] of second.images) {
      expect(im).toEqual(first.images.get(id));
      expect(statSync(im.file).mtimeMs).toBe(mtimes.get(id));
    }

    const changed = jobs.map((j) => (j.id === 'zh' ? { ...j, card: { ...j.card, headline: '国会通过新预算' } } : j));
    const third = await renderOgImages(changed, { cacheDir: dir, theme });
    expect([third.rendered, third.reused]).toEqual([1, 2]);
    expect(third.images.get('zh')!.key).not.toBe(first.images.get('zh')!.key);
    // the old zh image was pruned, the new one is there
    expect(images(dir)).toHaveLength(3);
    expect(images(dir)).not.toContain(`${first.images.get('zh')!.key}.${first.images.get('zh')!.ext}`);

    // prune: false keeps files not used by the call
    const only = await renderOgImages([jobs[0]], { cacheDir: dir, theme, prune: false });
    expect([only.rendered, only.reused]).toEqual([0, 1]);
    expect(images(dir)).toHaveLength(3);
    await renderOgImages([jobs[0]], { cacheDir: dir, theme });
    expect(images(dir)).toEqual([`${first.images.get('en')!.key}.${first.images.get('en')!.ext}`]);
    // no temp files left behind
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('jobs with identical cards share one file', async () => {
    const dir = tempDir('dedupe');
    const r = await renderOgImages(
      [
        { id: 'a', card: reference },
        { id: 'b', card: { ...reference } },
      ],
      { cacheDir: dir, theme },
    );
    expect(r.rendered).toBe(1);
    expect(r.images.get('a')!.file).toBe(r.images.get('b')!.file);
  });

  it('a damaged (empty) cache file is re-rendered', async () => {
    const dir = tempDir('damaged');
    const a = await renderOgImages([{ id: 'a', card: reference }], { cacheDir: dir, theme });
    writeFileSync(a.images.get('a')!.file, '');
    const b = await renderOgImages([{ id: 'a', card: reference }], { cacheDir: dir, theme });
    expect(b.rendered).toBe(1);
    expect(b.images.get('a')!.bytes).toBeGreaterThan(1000);
  });

  it('theme colours and logo file content are part of the key; the logo is drawn', async () => {
    const dir = tempDir('logo');
    const logo = join(dir, 'logo.png');
    await sharp({ create: { width: 200, height: 100, channels: 4, background: '#1d4ed8' } })
      .png()
      .toFile(logo);
    const withLogo = { ...theme, logo };
    const k1 = ogCacheKey(reference, withLogo);
    expect(k1).not.toBe(ogCacheKey(reference, theme));
    await sharp({ create: { width: 200, height: 100, channels: 4, background: '#15803d' } })
      .png()
      .toFile(logo);
    const k2 = ogCacheKey(reference, withLogo);
    expect(k2).not.toBe(k1);
    const r = await renderOgImages([{ id: 'a', card: reference }], { cacheDir: join(dir, 'out'), theme: withLogo });
    const px = await sharp(r.images.get('a')!.file).extract({ left: 80, top: 70, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
    // logo (green) sits at the start of the header row
    expect(px[1]).toBeGreaterThan(px[0] + 40);
    // SVG logos work too
    const svg = join(dir, 'logo.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="20" fill="#c0392b"/></svg>');
    const s = await renderOgImages([{ id: 'a', card: reference }], { cacheDir: join(dir, 'svg'), theme: { ...theme, logo: svg } });
    expect(s.images.get('a')!.bytes).toBeGreaterThan(1000);
  });
});

afterAll(removeTempDirs);

describe('encoding', () => {
  it('keeps the JPEG when it is smaller (photo-like content) and the cache serves .jpg files', async () => {
    const { encode } = await import('../../integrations/dateline/og/render.ts');
    // smooth noise: hard for PNG palette + deflate, easy for JPEG
    const raw = Buffer.alloc(1200 * 630 * 3);
    let seed = 1;
    for (let i = 0; i < raw.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      raw[i] = ((i / 3) % 1200) / 6 + (seed % 48);
    }
    const enc = await encode(raw);
    expect(enc.ext).toBe('jpg');
    expect(enc.type).toBe('image/jpeg');
    expect((await sharp(enc.data).metadata()).format).toBe('jpeg');
    const flat = await encode(Buffer.alloc(1200 * 630 * 3, 200));
    expect(flat.ext).toBe('png');

    // a .jpg entry in the cache is reused with its type
    const dir = tempDir('jpg');
    const first = await renderOgImages([{ id: 'a', card: reference }], { cacheDir: dir, theme });
    const img = first.images.get('a')!;
    const { renameSync, writeFileSync: wf } = await import('node:fs');
    renameSync(img.file, join(dir, `${img.key}.jpg`));
    wf(join(dir, `${img.key}.jpg`), enc.data);
    const again = await renderOgImages([{ id: 'a', card: reference }], { cacheDir: dir, theme });
    expect(again.rendered).toBe(0);
    expect(again.images.get('a')).toMatchObject({ ext: 'jpg', type: 'image/jpeg', bytes: enc.data.length });
  });

  it('warm path scales: 5000 cached cards are resolved quickly', async () => {
    const dir = tempDir('many');
    const jobs = Array.from({ length: 5000 }, (_, i) => ({ id: `a${i}`, card: { ...reference, headline: `${reference.headline} ${i}` } }));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    for (const j of jobs) writeFileSync(join(dir, `${ogCacheKey(j.card, theme)}.png`), 'x'.repeat(100));
    const t0 = performance.now();
    const r = await renderOgImages(jobs, { cacheDir: dir, theme });
    const ms = performance.now() - t0;
    expect([r.rendered, r.reused, r.images.size]).toEqual([0, 5000, 5000]);
    expect(ms).toBeLessThan(5000);
    console.log(`5000 cached cards resolved in ${ms.toFixed(0)} ms`);
  });
});
