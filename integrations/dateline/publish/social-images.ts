// Social images for articles: one 1200×630 card per published article (site name, section, headline,
// byline, local date), drawn by ../og/ and cached by a hash of everything drawn, so every record knows
// its image's URL, type and size before its page is rendered. Uncovered-glyph warnings go to the report.
import { join, resolve } from 'node:path';
import type { ArticleRecord } from '../archive/records.ts';
import { renderDefaultImage, renderOgImages, type OgImage, type OgTheme } from '../og/index.ts';
import type { ResolvedDatelineConfig } from '../options.ts';
import { formatLocalDateTime } from '../time.ts';
import { DEFAULT_IMAGE, type SocialImage } from '../og/paths.ts';
import { joinNames } from '../byline-names.ts';

export { DEFAULT_IMAGE };

export const imagePath = (articlePath: string, ext: string) => `og/${articlePath.replace(/\/$/, '')}.${ext}`;

/**
 * The language the card's headline is drawn for (Urdu in Nastaliq, Arabic and Persian in Naskh, word
 * breaks by language): the headline's own, else the story's (declared, or told from its letters).
 */
function cardLanguage(a: Omit<ArticleRecord, 'image'>): string | undefined {
  return a.headlineLang ?? a.language;
}

function themeOf(config: ResolvedDatelineConfig): OgTheme {
  const { logo, ...colours } = config.ogImage;
  return { ...colours, ...(logo ? { logo: resolve(config.rootPath, logo) } : {}) };
}

export interface ArticleImage {
  image: SocialImage;
  /** The cached file to place at `image.path`, and its content key. */
  file: string;
  key: string;
  warnings: string[];
}

export interface PreparedImages {
  byArticle: Map<string, ArticleImage>;
  rendered: number;
  reused: number;
  ms: number;
}

/** The default image's cached file (`og/default.png` of every site). */
export async function defaultImage(config: ResolvedDatelineConfig): Promise<OgImage> {
  const image = await renderDefaultImage({
    cacheDir: join(config.cachePath, 'og'),
    theme: themeOf(config),
    siteName: config.siteName,
    tagline: config.description,
  });
  if (image.type !== 'image/png') throw new Error('Dateline: the default social image must be a PNG (og/default.png)');
  return image;
}

/**
 * Images for these articles. `full`: every article of the site (unused cached images are then pruned);
 * otherwise the few a publish changed, looked up by name.
 */
export async function prepareSocialImages(
  articles: Omit<ArticleRecord, 'image'>[],
  config: ResolvedDatelineConfig,
  full: boolean,
  /** Called as cards are found in the cache or drawn (progress). */
  onProgress?: (done: number, total: number) => void,
): Promise<PreparedImages> {
  const prepared: PreparedImages = { byArticle: new Map(), rendered: 0, reused: 0, ms: 0 };
  if (!config.ogImages || articles.length === 0) return prepared;
  const jobs = articles.map((a) => ({
    id: a.id,
    card: {
      siteName: config.siteName,
      sectionLabel: a.sectionLabel,
      headline: a.headline,
      ...(cardLanguage(a) ? { lang: cardLanguage(a) } : {}),
      byline: joinNames(a.byline.map((p) => p.name)),
      dateText: formatLocalDateTime(a.published, config.timeZone),
    },
  }));
  const result = await renderOgImages(jobs, {
    cacheDir: join(config.cachePath, 'og'),
    theme: themeOf(config),
    prune: full,
    probe: !full,
    ...(onProgress ? { onProgress } : {}),
  });
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const [id, image] of result.images) {
    prepared.byArticle.set(id, {
      image: { path: imagePath(byId.get(id)!.path, image.ext), type: image.type, width: image.width, height: image.height, key: image.key },
      file: image.file,
      key: image.key,
      warnings: (result.warnings.get(id) ?? []).map((w) => `social image: ${w}`),
    });
  }
  for (const [id, warnings] of result.warnings) {
    if (!prepared.byArticle.has(id))
      prepared.byArticle.set(id, { image: DEFAULT_IMAGE, file: '', key: '', warnings: warnings.map((w) => `social image: ${w}`) });
  }
  prepared.rendered = result.rendered;
  prepared.reused = result.reused;
  prepared.ms = result.ms;
  return prepared;
}
