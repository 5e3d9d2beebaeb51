// `/rss.xml`: the newest stories of all sections (RSS 2.0; built in integrations/dateline/feeds/).
import type { APIRoute } from 'astro';
import { feedResponse } from '../../integrations/dateline/feeds/index.ts';
import { SITE_FEED_PATH } from '../../integrations/dateline/urls.ts';
import { getLibrary } from '../lib/articles.ts';
import { config } from '../lib/site.ts';
import { feedImagePath } from '../lib/seo/logo.ts';

export const GET: APIRoute = async () => {
  const library = getLibrary();
  return feedResponse({
    config,
    title: config.siteName,
    description: config.description,
    pagePath: '',
    feedPath: SITE_FEED_PATH,
    imagePath: feedImagePath(),
    articles: library.latest(config.feedItems),
    relatedPath: (headline) => library.findByHeadline(headline)?.path,
    wireItem: (article) => library.wireItem(article),
  });
};
