// The types of what pages show, as the collections give them (src/live.config.ts).
export type { AgencyInfo, Article, DayInfo, LatestQuote, ListPageData, Quote, SectionInfo } from '@dateline/site/library.ts';
export type { ArticleEntry, DayNeighbour } from '@dateline/collections/loaders.ts';
export { listPagePath } from '@dateline/site/library.ts';
