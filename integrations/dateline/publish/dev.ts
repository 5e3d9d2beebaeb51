// `astro dev`: the archive kept current as wire files come and go, for pages rendered on request. Its
// own archive in the cache folder (no social images: pages point at the default one).
import type { AstroIntegrationLogger } from 'astro';
import { watch } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedDatelineConfig } from '../options.ts';
import { buildNow } from '../time.ts';
import { Publisher } from './publisher.ts';
import { formatProblem } from '../report/summary.ts';
import { devArchivePath } from '../collections/dev-archive.ts';

/** The archive of the running dev server, on globalThis: Astro's restart loads this module afresh. */
const RUNNING = Symbol.for('dateline.devArchive');
type Running = { close(): void };
const running = globalThis as typeof globalThis & { [RUNNING]?: Running };

/**
 * Why a rejected file was logged twice: Astro restarts the dev server in place when astro.config.mjs
 * changes (and when a restart with a broken config is followed by a good one), running
 * `astro:server:setup` again from a fresh copy of this module, while the watcher and the publisher of
 * the server before kept running. Every change was then read and logged by each. Starting one now
 * stops the one before (and `astro:server:done` stops it when the server closes).
 */
export function stopDevArchive(): void {
  running[RUNNING]?.close();
  delete running[RUNNING];
}

export async function startDevArchive(config: ResolvedDatelineConfig, logger: AstroIntegrationLogger): Promise<void> {
  stopDevArchive();
  const dev = { ...config, ogImages: false };
  const publisher = new Publisher(
    {
      config: dev,
      outDir: join(config.cachePath, 'dev-out'),
      changesPath: join(config.cachePath, 'dev-changes.json'),
      rendererKey: 'dev',
      log: (l) => logger.info(l),
    },
    devArchivePath(config),
  );
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  // one sync at a time, in order (a slow one is not overtaken by the next)
  const sync = (why: string) =>
    (queue = queue.then(async () => {
      if (closed) return;
      const result = await publisher.publish({ now: buildNow(), draw: false });
      logger.info(`${why}: ${result.counts.published} published, ${result.counts.rejected} rejected (${result.parsed} read)`);
      for (const e of result.entries) {
        const rejected = e.items ? e.items.filter((i) => i.status === 'rejected') : e.status === 'rejected' ? [e] : [];
        for (const r of rejected) logger.warn(`rejected ${formatProblem(config.contentDirLabel, { ...r, file: e.file })}`);
      }
    }));
  await sync('content');
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(config.contentPath, { recursive: true }, (_event, name) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      sync(`content changed (${name ?? '?'})`).catch((error: Error) => logger.error(error.message));
    }, 100);
  });
  running[RUNNING] = {
    close: () => {
      closed = true;
      clearTimeout(timer);
      watcher.close();
      void queue.finally(() => publisher.close());
    },
  };
}
