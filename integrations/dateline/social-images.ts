// Social images for articles: which image each article's tags point at, and the files to copy into
// the output. Rendering lives in ./og/.
import type { AstroIntegrationLogger } from 'astro';
import type { ArticleRecord } from './analyze.ts';
import type { ResolvedDatelineConfig } from './options.ts';
import type { BuildReport } from './report.ts';
import type { SocialImage } from './schema.ts';

export const DEFAULT_IMAGE: SocialImage = { path: 'og/default.png', type: 'image/png', width: 1200, height: 630 };

export interface PreparedImages {
  byFile: Map<string, SocialImage>;
  fallback: SocialImage;
  outputFiles: Map<string, string>;
  notes: string[];
}

export async function prepareSocialImages(
  _articles: ArticleRecord[],
  _config: ResolvedDatelineConfig,
  _report: BuildReport,
  _logger: AstroIntegrationLogger,
): Promise<PreparedImages> {
  return { byFile: new Map(), fallback: DEFAULT_IMAGE, outputFiles: new Map(), notes: [] };
}
