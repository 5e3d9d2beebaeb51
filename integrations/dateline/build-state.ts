// Hand-over from the content loader to the integration's build hooks. Both run in the `astro build`
// process, but the loader is loaded through Vite (content config) and the integration by Node, so
// they do not share module instances: the state lives on globalThis under a registered symbol.
import type { ArticleRecord } from './ingest/index.ts';
import type { BuildReport } from './report.ts';
import type { SearchIndex } from './search/build.ts';

export interface BuildState {
  report: BuildReport;
  /** Files to place in the output folder: site path → cached file. */
  outputFiles: Map<string, string>;
  /** One line on parsing and one on images, printed with the summary. */
  notes: string[];
  /**
   * The published articles (lean records, any order): sitemap `lastmod` and the Google News sitemap
   * are written in `astro:build:done`, where the content collection cannot be queried.
   */
  articles?: ArticleRecord[];
  /** The search index being written (`astro build` only), started by the loader. */
  search?: Promise<SearchIndex>;
}

const KEY = Symbol.for('dateline.build-state');
type Holder = { [KEY]?: BuildState };

export function setBuildState(state: BuildState): void {
  (globalThis as Holder)[KEY] = state;
}

export function getBuildState(): BuildState | undefined {
  return (globalThis as Holder)[KEY];
}
