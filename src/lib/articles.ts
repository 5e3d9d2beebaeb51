// The one query module of the theme: pages read what they show through here, from the article index
// the publisher keeps (integrations/dateline/site/library.ts); no page queries anything else.
export {
  getLibrary,
  LATEST_BESIDE_LISTS,
  listPagePath,
  MORE_FROM_SECTION,
  type AgencyInfo,
  type Article,
  type DayInfo,
  type LatestQuote,
  type ListPageData,
  type Quote,
  type SectionInfo,
} from '../../integrations/dateline/site/library.ts';
