// `/rss.xml`: the newest stories of all sections (RSS 2.0; built in integrations/dateline/feeds/).
import type { APIRoute } from 'astro';
import { feedResponse } from '../../integrations/dateline/feeds/index.ts';
import { getLibrary } from '../lib/articles.ts';
import { config } from '../lib/site.ts';
import { feedImagePath } from '../lib/seo/logo.ts';

export const GET: APIRoute = async () => {
  const { all, findByHeadline } = await getLibrary();
  return feedResponse({
    config,
    title: config.siteName,
    description: config.description,
    pagePath: '',
    feedPath: 'rss.xml',
    imagePath: feedImagePath(),
    articles: all,
    relatedPath: (headline) => findByHeadline(headline)?.path,
  });
};
