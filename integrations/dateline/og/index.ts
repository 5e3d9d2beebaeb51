// OpenGraph (social) image renderer: 1200×630 cards for articles, cached by a hash of everything drawn.
//
//   import { renderOgImages, renderDefaultImage } from '../og/index.ts';
//   const { images, warnings } = await renderOgImages(
//     articles.map((a) => ({ id: a.id, card: { siteName, sectionLabel, headline, byline, dateText, lang } })),
//     { cacheDir: join(config.cachePath, 'og'), theme },   // node_modules/.astro/dateline/og by default
//   );
//   images.get(id)?.file  → linked into the site at its path (paths.ts, ../publish/social-images.ts)
//
// Text is drawn by sharp's text input (Pango + HarfBuzz + fribidi) with a generated fonts.conf that lists
// only the npm-bundled Noto fonts (see fonts.ts), so Urdu Nastaliq, Arabic Naskh, CJK and mixed bidi lines
// are shaped correctly and identically on every machine.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { hashKey, listCache, prune as pruneCache, resolveTheme, writeAtomic, fileSize } from './cache.ts';
import { coverageWarnings } from './coverage.ts';
import { ensureFontconfig } from './fonts.ts';
import { mapLimit, defaultConcurrency } from './pool.ts';
import { drawCard, drawDefault, encode, type CardText } from './render.ts';
import { cleanText } from './text.ts';
import { WIDTH, HEIGHT, type ResolvedTheme } from './template.ts';

export { OG_TEMPLATE_VERSION } from './template.ts';
export { uncoveredCharacters } from './coverage.ts';
export { fontconfigXml, fontVersions, BUNDLED_FONTS } from './fonts.ts';

/** What is drawn on an article's card (CardText is the same shape after cleaning). */
export type OgCard = CardText;

export interface OgTheme {
  background: string;
  foreground: string;
  accent: string;
  muted: string;
  /** Absolute path to a PNG or SVG file, optional. */
  logo?: string;
}

export interface OgImage {
  file: string;
  type: 'image/png' | 'image/jpeg';
  ext: 'png' | 'jpg';
  width: 1200;
  height: 630;
  bytes: number;
  key: string;
}

export interface RenderOgOptions {
  cacheDir: string;
  theme: OgTheme;
  /**
   * CPU cores to keep busy; default os.availableParallelism(). Twice this many cards are in flight,
   * because each card waits on several short libvips calls in turn (see pool.ts).
   */
  concurrency?: number;
  /** Delete article images in cacheDir not used by this call (default true). */
  prune?: boolean;
  /**
   * Look each card's image up by name instead of listing the cache (a publish of a few stories: the
   * cache of a large archive holds one image per story).
   */
  probe?: boolean;
  /** Called as cards are found in the cache or drawn, with how many of the distinct cards are done (progress). */
  onProgress?: (done: number, total: number) => void;
}

export interface RenderOgResult {
  images: Map<string, OgImage>;
  warnings: Map<string, string[]>;
  rendered: number;
  reused: number;
  ms: number;
}

function cleanCard(card: OgCard): CardText {
  const lang = cleanText(card.lang ?? '');
  return {
    siteName: cleanText(card.siteName),
    sectionLabel: cleanText(card.sectionLabel),
    headline: cleanText(card.headline),
    byline: cleanText(card.byline),
    dateText: cleanText(card.dateText),
    ...(lang ? { lang } : {}),
  };
}

const cardKey = (c: CardText, theme: ResolvedTheme) => hashKey('card', [c.siteName, c.sectionLabel, c.headline, c.byline, c.dateText, c.lang ?? ''], theme);

/** Hash of everything drawn: card text, theme (logo by content), template version, fonts and native renderer versions. */
export function ogCacheKey(card: OgCard, theme: OgTheme): string {
  return cardKey(cleanCard(card), resolveTheme(theme));
}

function image(file: string, ext: 'png' | 'jpg', bytes: number, key: string): OgImage {
  return { file, ext, type: ext === 'png' ? 'image/png' : 'image/jpeg', width: WIDTH, height: HEIGHT, bytes, key };
}

export async function renderOgImages(jobs: Array<{ id: string; card: OgCard }>, options: RenderOgOptions): Promise<RenderOgResult> {
  const t0 = performance.now();
  const cacheDir = resolve(options.cacheDir);
  await mkdir(cacheDir, { recursive: true });
  ensureFontconfig(cacheDir);
  const theme = resolveTheme(options.theme);

  const warnings = new Map<string, string[]>();
  const byKey = new Map<string, { card: CardText; ids: string[] }>();
  for (const { id, card } of jobs) {
    const c = cleanCard(card);
    const w = coverageWarnings({ headline: c.headline, byline: c.byline, 'site name': c.siteName, section: c.sectionLabel, date: c.dateText });
    if (w.length) warnings.set(id, w);
    const key = cardKey(c, theme);
    const e = byKey.get(key);
    if (e) e.ids.push(id);
    else byKey.set(key, { card: c, ids: [id] });
  }

  const existing = options.probe ? await probeCache(cacheDir, [...byKey.keys()]) : await listCache(cacheDir);
  const images = new Map<string, OgImage>();
  const used = new Set<string>();
  let reused = 0;
  const todo: Array<[string, { card: CardText; ids: string[] }]> = [];
  const entries = [...byKey];
  const sizes = await mapLimit(entries, 64, async ([key]) => {
    const name = existing.get(key);
    return name ? fileSize(join(cacheDir, name)) : undefined;
  });
  entries.forEach(([key, entry], i) => {
    const name = existing.get(key);
    const bytes = sizes[i];
    if (name && bytes) {
      const img = image(join(cacheDir, name), name.endsWith('.png') ? 'png' : 'jpg', bytes, key);
      for (const id of entry.ids) images.set(id, img);
      used.add(name);
      reused++;
    } else todo.push([key, entry]);
  });

  let rendered = 0;
  let failed = 0;
  options.onProgress?.(reused, byKey.size);
  await mapLimit(todo, 2 * Math.max(1, options.concurrency ?? defaultConcurrency()), async ([key, entry]) => {
    try {
      const enc = await encode(await drawCard(entry.card, theme));
      const name = `${key}.${enc.ext}`;
      const file = join(cacheDir, name);
      await writeAtomic(file, enc.data);
      const img = image(file, enc.ext, enc.data.length, key);
      for (const id of entry.ids) images.set(id, img);
      used.add(name);
      rendered++;
    } catch (e) {
      for (const id of entry.ids) {
        warnings.set(id, [...(warnings.get(id) ?? []), `social image could not be rendered: ${(e as Error).message}`]);
      }
      failed++;
    }
    options.onProgress?.(reused + rendered + failed, byKey.size);
  });
  options.onProgress?.(byKey.size, byKey.size);

  if (options.prune ?? true) await pruneCache(cacheDir, used);
  return { images, warnings, rendered, reused, ms: performance.now() - t0 };
}

/** Cached images of these keys, by key (the `listCache` answer for just them). */
async function probeCache(dir: string, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  await mapLimit(keys, 16, async (key) => {
    for (const ext of ['png', 'jpg']) {
      if (await fileSize(join(dir, `${key}.${ext}`))) {
        found.set(key, `${key}.${ext}`);
        return;
      }
    }
  });
  return found;
}

/** The site-wide image for non-article pages (`default-<key>.<ext>` in cacheDir; never pruned). */
export async function renderDefaultImage(options: { cacheDir: string; theme: OgTheme; siteName: string; tagline?: string }): Promise<OgImage> {
  const cacheDir = resolve(options.cacheDir);
  await mkdir(cacheDir, { recursive: true });
  ensureFontconfig(cacheDir);
  const theme = resolveTheme(options.theme);
  const siteName = cleanText(options.siteName);
  const tagline = cleanText(options.tagline ?? '');
  const key = hashKey('default', [siteName, tagline], theme);
  for (const ext of ['png', 'jpg'] as const) {
    const file = join(cacheDir, `default-${key}.${ext}`);
    const bytes = await fileSize(file);
    if (bytes) return image(file, ext, bytes, key);
  }
  const enc = await encode(await drawDefault(siteName, tagline, theme));
  const file = join(cacheDir, `default-${key}.${enc.ext}`);
  await writeAtomic(file, enc.data);
  return image(file, enc.ext, enc.data.length, key);
}
