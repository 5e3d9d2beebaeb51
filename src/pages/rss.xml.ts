// `/rss.xml`: the newest stories of all sections (RSS 2.0; built in integrations/dateline/feeds/).
import type { APIRoute } from 'astro';
import { getLiveCollection } from 'astro:content';
import { feedResponse } from '@dateline/feeds/index.ts';
import { SITE_FEED_PATH } from '@dateline/urls.ts';
import { all } from '../lib/collections.ts';
import { feedReads } from '../lib/feed.ts';
import { siteOf } from '../lib/site.ts';
import { feedImagePath } from '../lib/seo/logo.ts';

export const GET: APIRoute = async ({ locals }) => {
  const { config } = siteOf(locals);
  const articles = all(await getLiveCollection('articles', { latest: config.feedItems })).map((e) => e.data);
  return feedResponse({
    config,
    title: config.siteName,
    description: config.description,
    pagePath: '',
    feedPath: SITE_FEED_PATH,
    imagePath: feedImagePath(config.rootPath),
    articles,
    ...(await feedReads(articles)),
  });
};
