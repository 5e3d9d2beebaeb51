// The content-layer loader: a thin bridge from the content folder to the `articles` store. Parsing,
// identity and the report are decided in analyze.ts; here they are written to the store (only
// published articles), the report is written, social images are prepared, and in `astro dev` the
// folder is watched so a dropped-in file appears without a restart.
import type { Loader, LoaderContext } from 'astro/loaders';
import { analyzeContent } from './ingest/index.ts';
import { setBuildState } from './build-state.ts';
import type { ResolvedDatelineConfig } from './options.ts';
import { formatProblem, rejections, writeReport } from './report.ts';
import { ArticleSchema } from './schema.ts';
import { startSearchIndex } from './search/build.ts';
import { searchText, searchTextKey } from './search/records.ts';
import { prepareSocialImages } from './social-images.ts';
import { buildNow } from './time.ts';

export function datelineLoader(config: ResolvedDatelineConfig): Loader {
  return {
    name: 'dateline-wire',
    schema: ArticleSchema,
    load: async (context) => {
      await syncArticles(context, config);
      if (context.watcher) watchContent(context, config);
    },
  };
}

async function syncArticles(context: LoaderContext, config: ResolvedDatelineConfig): Promise<void> {
  const { store, logger, parseData } = context;
  // In a build, search indexing runs in Pagefind's own process from the end of the analysis to the end
  // of the build, with the text of the files the analysis parsed (the rest are read again).
  const building = config.command === 'build';
  const searchTexts = new Map<string, string>();
  const analysis = analyzeContent(config, {
    now: buildNow(),
    site: config.site,
    base: config.base,
    onParsed: building ? (file, index, item) => searchTexts.set(searchTextKey(file, index), searchText(item)) : undefined,
  });
  const { articles, report } = analysis;
  const search = building ? startSearchIndex(articles, config, searchTexts) : undefined;

  const images = await prepareSocialImages(articles, config, report, logger);

  const keep = new Set<string>();
  for (const article of articles) {
    keep.add(article.id);
    const record = { ...article, image: images.byArticle.get(article.id) ?? images.fallback };
    const digest = context.generateDigest(JSON.stringify(record));
    if (store.get(article.id)?.digest === digest) continue;
    const data = await parseData({ id: article.id, data: record });
    store.set({ id: article.id, data, digest });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);

  writeReport(report, config.reportPath);
  setBuildState({
    report,
    outputFiles: images.outputFiles,
    articles,
    search,
    notes: [`${analysis.parsed} parsed, ${analysis.reused} unchanged (parse cache)`, ...images.notes],
  });

  const rejected = rejections(report);
  for (const f of rejected) logger.warn(`rejected ${formatProblem(config.contentDirLabel, f)}`);
  if (config.strict && rejected.length > 0) {
    throw new Error(`Dateline strict mode: ${rejected.length} wire file(s) rejected (listed above; report: ${config.reportPath})`);
  }
}

/** In `astro dev`: re-sync on any change under the content folder (the parse cache keeps it cheap). */
function watchContent(context: LoaderContext, config: ResolvedDatelineConfig): void {
  const watcher = context.watcher!;
  watcher.add(config.contentPath);
  let timer: NodeJS.Timeout | undefined;
  const onEvent = (path: string) => {
    if (!path.startsWith(config.contentPath)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      syncArticles(context, config)
        .then(() => context.logger.info(`content changed (${path.slice(config.contentPath.length + 1)}): articles re-synced`))
        .catch((error: Error) => context.logger.error(error.message));
    }, 100);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, onEvent);
}
