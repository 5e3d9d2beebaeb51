// `/{section}/rss.xml`: the newest stories of one section (RSS 2.0; built in integrations/dateline/feeds/).
import type { APIRoute } from 'astro';
import { getLiveCollection, getLiveEntry } from 'astro:content';
import { feedResponse } from '@dateline/feeds/index.ts';
import { sectionFeedPath, sectionPath } from '@dateline/urls.ts';
import { all, found } from '../../lib/collections.ts';
import { feedReads } from '../../lib/feed.ts';
import { siteOf } from '../../lib/site.ts';
import { feedImagePath } from '../../lib/seo/logo.ts';
import { sectionDescription } from '../../lib/seo/description.ts';

export const GET: APIRoute = async ({ params, locals }) => {
  const site = siteOf(locals);
  const { config } = site;
  const section = found(await getLiveEntry('sections', { slug: params.section ?? '' }))?.data;
  if (!section) return new Response(null, { status: 404 });
  const articles = all(await getLiveCollection('articles', { section: section.slug, latest: config.feedItems })).map((e) => e.data);
  return feedResponse({
    config,
    title: `${section.label} — ${config.siteName}`,
    description: sectionDescription(site, section.label),
    pagePath: sectionPath(section.slug),
    feedPath: sectionFeedPath(section.slug),
    imagePath: feedImagePath(config.rootPath),
    articles,
    ...(await feedReads(articles)),
  });
};
