// `astro dev`: the archive kept current as wire files come and go, for pages rendered on request. Its
// own archive in the cache folder (no social images: pages point at the default one).
import type { AstroIntegrationLogger } from 'astro';
import { watch } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedDatelineConfig } from '../options.ts';
import { buildNow } from '../time.ts';
import { Publisher } from './publisher.ts';

export async function startDevArchive(config: ResolvedDatelineConfig, logger: AstroIntegrationLogger): Promise<void> {
  const dev = { ...config, ogImages: false };
  const publisher = new Publisher({ config: dev, outDir: join(config.cachePath, 'dev-out'), changesPath: join(config.cachePath, 'dev-changes.json'), rendererKey: 'dev', log: (l) => logger.info(l) }, join(config.cachePath, 'dev.db'));
  const sync = async (why: string) => {
    const result = await publisher.publish({ now: buildNow(), draw: false });
    logger.info(`${why}: ${result.counts.published} published, ${result.counts.rejected} rejected (${result.parsed} read)`);
    for (const e of result.entries) if (e.status === 'rejected') logger.warn(`rejected ${config.contentDirLabel}/${e.file}:${e.line ?? 1}: ${e.message ?? ''}`);
  };
  await sync('content');
  let timer: NodeJS.Timeout | undefined;
  watch(config.contentPath, { recursive: true }, (_event, name) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      sync(`content changed (${name ?? '?'})`).catch((error: Error) => logger.error(error.message));
    }, 100);
  });
}
