// Social images for articles: renders (or takes from the cache) one 1200×630 card per published
// article before pages are built, so every page knows its image's URL, type and size; records
// uncovered-glyph warnings in the build report; and lists the files to copy into the output.
// Rendering itself lives in ./og/.
import type { AstroIntegrationLogger } from 'astro';
import { resolve, join } from 'node:path';
import type { ArticleRecord } from './ingest/index.ts';
import { renderDefaultImage, renderOgImages, type OgTheme } from './og/index.ts';
import type { ResolvedDatelineConfig } from './options.ts';
import type { BuildReport } from './report.ts';
import type { SocialImage } from './schema.ts';
import { formatLocalDateTime } from './time.ts';

/** The site-wide image for pages that are not articles (and for all pages when images are off). */
export const DEFAULT_IMAGE: SocialImage = { path: 'og/default.png', type: 'image/png', width: 1200, height: 630 };

export interface PreparedImages {
  /** By article id (story key). */
  byArticle: Map<string, SocialImage>;
  fallback: SocialImage;
  /** Site path → cached file, copied into the output after the build. */
  outputFiles: Map<string, string>;
  notes: string[];
}

const imagePath = (articlePath: string, ext: string) => `og/${articlePath.replace(/\/$/, '')}.${ext}`;

/**
 * The script the card's headline is drawn for: Urdu (Nastaliq) or Arabic (Naskh), from the headline's
 * own letters, else from the story's declared language.
 */
function cardLanguage(a: ArticleRecord): 'ur' | 'ar' | undefined {
  if (a.headlineLang) return a.headlineLang;
  const primary = a.language?.split('-')[0]?.toLowerCase();
  return primary === 'ur' || primary === 'ar' ? primary : undefined;
}

export async function prepareSocialImages(
  articles: ArticleRecord[],
  config: ResolvedDatelineConfig,
  report: BuildReport,
  logger: AstroIntegrationLogger,
): Promise<PreparedImages> {
  const prepared: PreparedImages = { byArticle: new Map(), fallback: DEFAULT_IMAGE, outputFiles: new Map(), notes: [] };
  // Images are files in the build output; `astro dev` and `astro sync` point pages at the default.
  if (config.command !== 'build') return prepared;

  const cacheDir = join(config.cachePath, 'og');
  const { logo, ...colours } = config.ogImage;
  const theme: OgTheme = { ...colours, ...(logo ? { logo: resolve(config.rootPath, logo) } : {}) };

  const fallback = await renderDefaultImage({ cacheDir, theme, siteName: config.siteName, tagline: config.description });
  if (fallback.type !== 'image/png') throw new Error('Dateline: the default social image must be a PNG (og/default.png)');
  prepared.outputFiles.set(DEFAULT_IMAGE.path, fallback.file);

  if (!config.ogImages) {
    prepared.notes.push('social images: off (DATELINE_OG_IMAGES=0), pages use og/default.png');
    return prepared;
  }

  const jobs = articles.map((a) => ({
    id: a.id,
    card: {
      siteName: config.siteName,
      sectionLabel: a.sectionLabel,
      headline: a.headline,
      ...(cardLanguage(a) ? { lang: cardLanguage(a) } : {}),
      byline: a.bylineText,
      dateText: formatLocalDateTime(a.published, config.timeZone),
    },
  }));
  const result = await renderOgImages(jobs, { cacheDir, theme });
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const [id, image] of result.images) {
    const path = imagePath(byId.get(id)!.path, image.ext);
    prepared.byArticle.set(id, { path, type: image.type, width: image.width, height: image.height });
    prepared.outputFiles.set(path, image.file);
  }
  const entries = new Map(report.files.map((f) => [f.file, f]));
  for (const [id, warnings] of result.warnings) {
    const article = byId.get(id)!;
    const lines = warnings.map((w) => `social image: ${w}`);
    article.warnings = [...article.warnings, ...lines];
    // The report line of the version shown: the file, or its item in a file of several.
    const entry = entries.get(article.file);
    const target = entry?.items?.[article.item] ?? entry;
    if (target) target.warnings = [...(target.warnings ?? []), ...lines];
    for (const w of warnings) logger.warn(`${config.contentDirLabel}/${article.file}: social image: ${w}`);
  }
  const total = result.rendered + result.reused;
  const perImage = result.rendered ? ` (${(result.ms / result.rendered).toFixed(0)} ms per rendered image)` : '';
  prepared.notes.push(`social images: ${result.rendered} rendered, ${result.reused} reused of ${total} in ${(result.ms / 1000).toFixed(1)} s${perImage}`);
  return prepared;
}
